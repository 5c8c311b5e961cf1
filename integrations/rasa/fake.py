"""A fake of Rasa's HTTP API for tests: ``trigger_intent`` with Rasa's token auth, strict about the request.

It answers as Rasa 3 does: 401 ``NotAuthenticated`` without the right ``?token=``, 400 ``BadRequest``
for a body without an intent ``name`` or with entities that are not an object or a list, 404 ``NotFound``
for an intent its domain does not have (``intents``), 200 with the conversation's tracker otherwise.
``fail`` makes the next requests answer ``fail_status`` (503: Rasa down or restarting; 429: too many
requests; 500: handling the request raised).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


def _error(status: int, reason: str, message: str) -> web.Response:
    body = {"version": "3.6.21", "status": "failure", "message": message, "reason": reason, "code": status}
    return web.json_response(body, status=status)


@dataclass
class FakeRasaApi:
    token: str
    intents: frozenset[str]  # the domain's intents: Rasa refuses to trigger any other
    triggered: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    fail: int = 0  # answer ``fail_status`` to this many requests first
    fail_status: int = 503
    refused: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/conversations/{sender_id}/trigger_intent", self.trigger_intent)
        return app

    async def trigger_intent(self, request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.query.get("token", "").encode(), self.token.encode()):
            self.refused += 1
            return _error(401, "NotAuthenticated", "User is not authenticated.")
        if self.fail > 0:
            self.fail -= 1
            if self.fail_status == 500:  # Rasa's answer when handling the request raised
                return _error(500, "ConversationError", "An unexpected error occurred.")
            reason = "TooManyRequests" if self.fail_status == 429 else "ServiceUnavailable"
            return _error(self.fail_status, reason, "Rasa is busy or restarting.")
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "BadRequest", "Request body is not JSON.")
        if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
            return _error(400, "BadRequest", "Name of the intent not provided in request body.")
        if body["name"] not in self.intents:
            return _error(404, "NotFound", f"The intent {body['name']} does not exist in the domain.")
        entities = body.get("entities")
        if entities is not None and not isinstance(entities, (dict, list)):
            return _error(400, "BadRequest", "Entities must be an object or a list.")
        sender_id = request.match_info["sender_id"]
        self.triggered.append((sender_id, body))
        tracker = {"sender_id": sender_id, "slots": {}, "latest_message": {"intent": {"name": body["name"]}}}
        return web.json_response({"tracker": tracker, "messages": []})
