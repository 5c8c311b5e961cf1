"""The action server: rasa-sdk's own Sanic app (``/health``, ``/actions``, ``/webhook``) over estatedesk's actions.

It runs as its own command, ``estatedesk rasa-actions --port 5055``, in one process beside the
desk's workers: rasa-sdk's ``create_app`` serves the protocol (its executor, its error format) and
estatedesk adds only the shared-token check. The app is served inside estatedesk's event loop
(``Sanic.create_server``), not by rasa-sdk's multi-worker ``run``, because the actions use the
desk's connections (database, Redis), which belong to one loop.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from integrations.rasa.actions import ACTIONS, RasaDesk

log = logging.getLogger(__name__)


def make_executor(desk: RasaDesk) -> ActionExecutor:
    executor = ActionExecutor()
    for action in ACTIONS:
        executor.register_action(action(desk))
    return executor


def make_app(desk: RasaDesk, token: str | None = None) -> Sanic:
    """rasa-sdk's app; with ``token``, ``/actions`` and ``/webhook`` need ``?token=`` (Rasa's endpoint token).

    rasa-sdk names every app "rasa_sdk" and Sanic allows one app of a name at a time: :func:`stop`
    unregisters it again."""
    app: Sanic = create_app(make_executor(desk), cors_origins=None)
    # Sanic's "touchup" rewrites its HTTP code at start-up, once per process: a second app started in
    # the same process (a restart in place, the tests) fails with it, and the server is the same without.
    app.config.TOUCHUP = False

    if token:

        @app.on_request
        async def check_token(request: Request) -> HTTPResponse | None:
            if request.path == "/health":
                return None
            given = request.args.get("token") or ""
            if not hmac.compare_digest(given.encode(), token.encode()):
                return response.json({"error": "missing or wrong token"}, status=401)
            return None

    return app


async def serve(app: Sanic, host: str, port: int) -> Any:
    """Start serving ``app`` on the running loop; returns the server (``await server.close()`` to stop)."""
    server = await app.create_server(host=host, port=port, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    await server.start_serving()
    return server


async def stop(server: Any) -> None:
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()
    Sanic.unregister_app(server.app)
