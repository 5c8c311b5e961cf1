"""`estatedesk run` as a real process: SIGTERM stops it at once in both modes and loses no update.

On a quiet machine it stops in about 1.2 s (the 1 s grace for turns under way, then the hand-back). The bound
asserted is looser, because the suite runs beside other work: it still tells a hand-back from a wait, since a
turn stuck on its chat's lock would be waited out forever and polling's long poll lasts 25 s."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import uuid
from pathlib import Path

import pytest

from bot.channels.telegram.convert import chat_key
from bot.settings import DEMO_TOKEN
from integrations.state.redis import RedisStateStore
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix

ROOT = Path(__file__).resolve().parents[2]
FIRST_USER = 9100
USERS = 24
SECRET = "shutdown-test-secret"


STOPS_WITHIN_S = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def start(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=str(ROOT), env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def terminate(process: asyncio.subprocess.Process) -> None:
    """SIGTERM ``process`` and see it exit cleanly.

    Fails the test if it has not exited within ``STOPS_WITHIN_S``: it is then sent SIGABRT, and the
    failure shows where each of its threads was (``PYTHONFAULTHANDLER`` is set), which a slow stop
    that happens once in many runs needs to be understood."""
    process.send_signal(signal.SIGTERM)
    assert process.stderr is not None
    try:
        code = await asyncio.wait_for(process.wait(), STOPS_WITHIN_S)
    except TimeoutError:
        process.send_signal(signal.SIGABRT)
        await process.wait()
        errors = (await process.stderr.read()).decode(errors="replace")
        raise AssertionError(f"estatedesk had not exited {STOPS_WITHIN_S} s after SIGTERM:\n{errors}") from None
    errors = (await process.stderr.read()).decode(errors="replace")
    assert code == 0, errors
    assert "Traceback" not in errors, errors


def welcomes(fake: FakeTelegram, user: int) -> int:
    return sum("Welcome to" in m.text for m in fake.bot_messages(user))


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigterm_stops_at_once_and_no_update_is_lost(mode: str, tmp_path: Path) -> None:
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    fake = FakeTelegram(token=DEMO_TOKEN, webhook_retry_delay=0.05, webhook_max_retry_delay=0.3)
    users = range(FIRST_USER, FIRST_USER + USERS)
    for user in users:
        fake.add_user(user, f"R{user}")
    try:
        async with fake.serve():
            env = {
                **os.environ,
                "ESTATEDESK_TELEGRAM_TOKEN": DEMO_TOKEN,
                "ESTATEDESK_TELEGRAM_API_URL": fake.url,
                "ESTATEDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
                "ESTATEDESK_REDIS_URL": REDIS_URL,
                "ESTATEDESK_REDIS_PREFIX": prefix,
                "ESTATEDESK_LISTEN_HOST": "127.0.0.1",
                "ESTATEDESK_PORT": str(free_port()),
                "ESTATEDESK_NLU": "menu",
                "PYTHONFAULTHANDLER": "1",
                "ESTATEDESK_RATE_LIMIT": "false",
            }
            if mode == "webhook":
                env["ESTATEDESK_WEBHOOK_URL"] = f"http://127.0.0.1:{env['ESTATEDESK_PORT']}"
                env["ESTATEDESK_WEBHOOK_SECRET"] = SECRET

            async def started() -> asyncio.subprocess.Process:
                method = "setWebhook" if mode == "webhook" else "getUpdates"
                before = len(fake.calls_to(method))
                process = await start(env)
                await fake.wait_for(lambda: len(fake.calls_to(method)) > before, timeout=60, what="a start")
                return process

            first = await started()
            # Busy: SIGTERM arrives while updates are being processed, and one turn cannot finish
            # (its chat is locked, as by a slow worker): it must be handed back, not waited out.
            store = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
            stuck = users[-1]
            async with store.lock(chat_key(stuck)):
                for user in users:
                    await fake.send_text(user, "/start")
                await fake.wait_for(
                    lambda: all(welcomes(fake, u) for u in users if u != stuck), timeout=30, what="answers"
                )
                await terminate(first)
            await store.close()
            assert welcomes(fake, stuck) == 0

            # What the first process did not finish, the next one does: every resident is answered once.
            second = await started()
            await fake.wait_for(
                lambda: all(welcomes(fake, u) for u in users), timeout=60, what="every resident answered"
            )
            await asyncio.sleep(0.5)  # time for a duplicate answer to show, if there were one
            assert [u for u in users if welcomes(fake, u) != 1] == []
            await terminate(second)
    finally:
        await drop_redis_prefix(prefix)
