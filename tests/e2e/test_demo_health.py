"""The demo as the image runs it: bound where DEMO_HOST says, with a /healthz the container's check reads."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp

from bot.healthcheck import check, targets
from tests.e2e.test_shutdown import free_port, terminate
from tests.e2e.test_startup import healthy


async def healthcheck(env: dict[str, str]) -> tuple[int, str]:
    """``python -m bot.healthcheck``, the image's HEALTHCHECK, with ``env``."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.healthcheck", env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode()


async def test_the_demo_binds_demo_host_and_answers_healthz(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "DEMO_HOST": "0.0.0.0", "DEMO_PORT": str(port), "ESTATEDESK_RATE_LIMIT": "false"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "--log-level", "WARNING", "demo", cwd=str(tmp_path), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 180)).decode()
        # Listening on every interface; the address printed is one a browser on this machine can open.
        assert f"open http://127.0.0.1:{port}/ in a browser" in line, line
        assert await healthy(str(port))
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as resp:
            assert await resp.json() == {"ok": True}
        # The image's check: ESTATEDESK_PORT (nothing there) or DEMO_PORT (the demo) answering is healthy.
        code, said = await healthcheck({"DEMO_PORT": str(port), "ESTATEDESK_PORT": str(free_port())})
        assert code == 0, said
        code, said = await healthcheck({"ESTATEDESK_PORT": str(free_port()), "DEMO_PORT": str(free_port())})
        assert code == 1 and "Connection refused" in said, said
        # A newcomer sees the one line: no warning about what the demo does not need (a telephony account...).
        assert process.stderr is not None
        try:
            said = (await asyncio.wait_for(process.stderr.read(65536), 1.0)).decode()
        except TimeoutError:
            said = ""
        assert "[warning" not in said and "Traceback" not in said, said
    finally:
        await terminate(process)
    assert (tmp_path / "var" / "demo.sqlite3").is_file()  # the demo's data lives under the working directory


def test_the_health_check_follows_the_configured_port_and_bind() -> None:
    assert targets({"ESTATEDESK_PORT": "18097"}) == [
        "http://127.0.0.1:18097/healthz",
        "http://127.0.0.1:8080/healthz",
    ]
    assert targets({"ESTATEDESK_LISTEN_HOST": "0.0.0.0", "DEMO_HOST": "0.0.0.0"}) == ["http://127.0.0.1:8080/healthz"]
    assert targets({"ESTATEDESK_LISTEN_HOST": "::", "ESTATEDESK_PORT": "9000", "DEMO_PORT": "9000"}) == [
        "http://[::1]:9000/healthz",
        "http://127.0.0.1:9000/healthz",
    ]
    ok, said = check(["http://127.0.0.1:1/healthz"], timeout=1)
    assert not ok and "127.0.0.1:1" in said
