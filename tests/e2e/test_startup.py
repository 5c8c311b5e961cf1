"""`estatedesk run` as a real process while its dependencies are not there yet, or refuse it.

Not reachable yet (Telegram down, Redis not listening): one line per attempt, retried with a back-off,
``/healthz`` only once everything answered. Refused (a wrong token, a database that does not exist):
one line and an exit code that is not 0. Never a traceback.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

import aiohttp
import pytest

from bot.settings import DEMO_TOKEN
from integrations.sql.testing import postgres_test_url
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.test_shutdown import ROOT, free_port, terminate
from tests.tcpproxy import TcpProxy

POSTGRES_URL = postgres_test_url()  # the suite's server, as every other PostgreSQL test uses it
ATTEMPT = re.compile(r"waiting for (\w+) at \S+ \(attempt (\d+)\)")


def base_env(tmp_path: Path, telegram_url: str, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "ESTATEDESK_TELEGRAM_TOKEN": DEMO_TOKEN,
        "ESTATEDESK_TELEGRAM_API_URL": telegram_url,
        "ESTATEDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
        "ESTATEDESK_LISTEN_HOST": "127.0.0.1",
        "ESTATEDESK_PORT": str(free_port()),
        "ESTATEDESK_LOG_LEVEL": "INFO",
        **more,
    }


async def run_to_exit(env: dict[str, str], timeout: float = 120, command: str = "run") -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", command, cwd=str(ROOT), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(process.communicate(), timeout)
    assert process.returncode is not None
    return process.returncode, out.decode(errors="replace")


class Watched:
    """A running ``estatedesk run`` whose stderr is collected line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        while line := await self.process.stderr.readline():
            self.lines.append(line.decode(errors="replace").rstrip("\n"))

    def attempts(self, name: str) -> list[int]:
        return [int(m[2]) for line in self.lines if (m := ATTEMPT.search(line)) and m[1] == name]

    async def until(self, what: str, check: object, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(check) and await check():
                return
            if self.process.returncode is not None:
                raise AssertionError(f"exited ({self.process.returncode}) before {what}:\n" + "\n".join(self.lines))
            await asyncio.sleep(0.2)
        raise AssertionError(f"no {what} within {timeout} s:\n" + "\n".join(self.lines))

    async def stop(self) -> str:
        """SIGTERM; asserts a clean exit 0 without a traceback (see test_shutdown.terminate)."""
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)
        await terminate(self.process)
        return "\n".join(self.lines)


async def watch(env: dict[str, str]) -> Watched:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=str(ROOT), env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    return Watched(process)


async def healthy(port: str) -> bool:
    try:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as resp:
            return resp.status == 200
    except aiohttp.ClientError:
        return False


async def test_telegram_down_at_first_is_waited_for_then_the_desk_is_healthy(tmp_path: Path) -> None:
    telegram_port = free_port()
    env = base_env(tmp_path, f"http://127.0.0.1:{telegram_port}")
    desk = await watch(env)
    port = env["ESTATEDESK_PORT"]
    try:
        await desk.until("two attempts", lambda: _at_least(desk, "Telegram", 2))
        assert not await healthy(port)  # not ready: /healthz is not served yet
        fake = FakeTelegram(token=DEMO_TOKEN)
        async with fake.serve("127.0.0.1", telegram_port):
            await desk.until("/healthz 200", lambda: healthy(port))
            output = await desk.stop()
    finally:
        if desk.process.returncode is None:
            desk.process.kill()
    attempts = desk.attempts("Telegram")
    assert attempts == list(range(1, len(attempts) + 1))  # one line per attempt, numbered
    assert "Traceback" not in output
    # The back-off grows: the attempts are not a busy loop.
    assert len(attempts) <= 6, output


async def _at_least(desk: Watched, name: str, n: int) -> bool:
    return len(desk.attempts(name)) >= n


async def test_a_wrong_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    fake = FakeTelegram(token=DEMO_TOKEN)
    async with fake.serve():
        env = base_env(tmp_path, fake.url, ESTATEDESK_TELEGRAM_TOKEN="123456:not-the-token")
        code, out = await run_to_exit(env)
    assert code == 2, out
    assert out.strip().count("\n") == 0, out
    assert "Telegram refused the bot token" in out and "ESTATEDESK_TELEGRAM_TOKEN" in out
    assert "not-the-token" not in out  # the token is a secret
    assert "Traceback" not in out


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["run", "migrate"])
async def test_a_database_that_does_not_exist_is_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    missing = f"estatedesk_missing_{uuid.uuid4().hex[:8]}"
    url = urllib.parse.urlsplit(POSTGRES_URL)._replace(path=f"/{missing}").geturl()
    fake = FakeTelegram(token=DEMO_TOKEN)
    async with fake.serve():
        code, out = await run_to_exit(base_env(tmp_path, fake.url, ESTATEDESK_DATABASE_URL=url), command=command)
    assert code == 2, out
    assert out.strip().count("\n") == 0, out
    assert f'database "{missing}" does not exist' in out and "ESTATEDESK_DATABASE_URL" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("command", ["run", "migrate"])
async def test_a_postgres_server_not_listening_is_retried_then_given_up_with_exit_1(
    command: str, tmp_path: Path
) -> None:
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/test"
    fake = FakeTelegram(token=DEMO_TOKEN)
    async with fake.serve():
        code, out = await run_to_exit(
            base_env(tmp_path, fake.url, ESTATEDESK_DATABASE_URL=url, ESTATEDESK_STARTUP_WAIT_S="2.5"),
            command=command,
        )
    assert code == 1, out
    waits = [int(m[2]) for m in ATTEMPT.finditer(out) if m[1] == "database"]
    assert waits == [1, 2], out  # 1 s, then 2 s (cut to what is left of the 2.5 s), then it gives up
    assert out.strip().splitlines()[-1].startswith("error: database at ")
    assert "still unreachable after 2 s (3 attempts)" in out
    assert "Traceback" not in out


@pytest.mark.redis
async def test_redis_not_listening_yet_is_waited_for_then_the_desk_is_healthy(tmp_path: Path) -> None:
    target = urllib.parse.urlsplit(REDIS_URL)
    proxy = await TcpProxy(target.hostname or "127.0.0.1", target.port or 6379).start()
    proxy.up = False
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    fake = FakeTelegram(token=DEMO_TOKEN)
    try:
        async with fake.serve():
            env = base_env(
                tmp_path,
                fake.url,
                ESTATEDESK_REDIS_URL=target._replace(netloc=f"127.0.0.1:{proxy.port}").geturl(),
                ESTATEDESK_REDIS_PREFIX=prefix,
            )
            desk = await watch(env)
            try:
                await desk.until("two attempts", lambda: _at_least(desk, "Redis", 2))
                assert not await healthy(env["ESTATEDESK_PORT"])
                proxy.up = True
                await desk.until("/healthz 200", lambda: healthy(env["ESTATEDESK_PORT"]))
                output = await desk.stop()
            finally:
                if desk.process.returncode is None:
                    desk.process.kill()
    finally:
        await proxy.close()
        await drop_redis_prefix(prefix)
    attempts = desk.attempts("Redis")
    assert attempts == list(range(1, len(attempts) + 1))
    assert "Traceback" not in output
