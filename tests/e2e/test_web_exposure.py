"""What the web server exposes, and where: loopback by default; /metrics behind a token or on its own bind."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest

from bot.errors import ConfigError
from bot.server import WebServer
from bot.settings import load_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(autouse=True)
def _no_web_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LISTEN_HOST", "PORT", "METRICS_TOKEN", "METRICS_HOST", "METRICS_PORT", "WEBHOOK_URL"):
        monkeypatch.delenv(f"ESTATEDESK_{name}", raising=False)


async def health() -> None:
    return None


@asynccontextmanager
async def serving(**settings: object) -> AsyncIterator[WebServer]:
    server = WebServer(load_settings(**settings), None, None, health)
    await server.start()
    try:
        yield server
    finally:
        await server.stop(0.1)


async def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}{path}", headers=headers or {}) as resp:
            return resp.status, await resp.text()


async def test_a_bare_install_listens_on_loopback_only_and_serves_metrics_there() -> None:
    async with serving(port=free_port()) as server:
        assert server.settings.listen_host == "127.0.0.1"
        assert {runner.addresses[0][0] for runner in server._runners} == {"127.0.0.1"}
        (port,) = server.ports
        status, body = await get(port, "/metrics")
        assert status == 200 and "estatedesk_updates_total" in body


async def test_on_a_public_bind_metrics_are_not_served_without_a_token_or_a_bind_of_their_own() -> None:
    async with serving(listen_host="0.0.0.0", port=free_port()) as server:
        assert server.metrics == "off"
        (port,) = server.ports
        assert (await get(port, "/metrics"))[0] == 404
        assert (await get(port, "/healthz"))[0] == 200  # the container's health check still works


async def test_the_metrics_token_is_asked_for() -> None:
    async with serving(listen_host="0.0.0.0", port=free_port(), metrics_token="scrape-me-7") as server:
        (port,) = server.ports
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "Basic scrape-me-7"},
            {"Authorization": "Bearer scrape-me-7x"},
            {"Authorization": "Bearer"},
        ):
            status, body = await get(port, "/metrics", headers)
            assert status == 401 and "estatedesk" not in body, headers
        status, body = await get(port, "/metrics", {"Authorization": "Bearer scrape-me-7"})
        assert status == 200 and "estatedesk_updates_total" in body


async def test_metrics_on_a_bind_of_their_own() -> None:
    main_port, metrics_port = free_port(), free_port()
    async with serving(listen_host="0.0.0.0", port=main_port, metrics_port=metrics_port) as server:
        assert server.ports == [main_port, metrics_port]
        assert server._runners[1].addresses[0][0] == "127.0.0.1"  # ESTATEDESK_METRICS_HOST's default
        assert (await get(main_port, "/metrics"))[0] == 404
        status, body = await get(metrics_port, "/metrics")
        assert status == 200 and "estatedesk_updates_total" in body
        assert (await get(metrics_port, "/healthz"))[0] == 404  # that bind serves metrics only


def test_metrics_settings_are_checked_at_start_up() -> None:
    with pytest.raises(ConfigError, match="ESTATEDESK_METRICS_PORT"):
        load_settings(port=9000, metrics_port=9000)
    with pytest.raises(ConfigError, match="ESTATEDESK_METRICS_TOKEN"):
        load_settings(metrics_token="  ")
    assert "scrape-me" not in repr(load_settings(metrics_token="scrape-me"))
