"""kill -9 mid-turn: the real ``estatedesk run`` against the fake Telegram and real Redis, killed and started again.

After the restart the chat is served within seconds (the dead worker's claim and chat lock are leases
it no longer renews), nobody is told anything twice (the replies already sent are noted), and nothing
is sent that Telegram refuses (a press is not answered twice, its question not edited twice).
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import aiohttp
import pytest

from bot.app import Estatedesk
from bot.config import EstateConfig, load_config
from bot.demo.harness import add_estate_chats, demo_data_path
from bot.imports import import_residents
from bot.settings import DEMO_TOKEN
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.telegram_fake.model import FakeMessage
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix

ROOT = Path(__file__).resolve().parents[2]
PETER = 7002
SECRET = "crash-test-secret"
SERVED_WITHIN_S = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Desk:
    """One ``estatedesk run`` process; ``kill()`` is SIGKILL."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env = env
        self.port = port
        self.log = log
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> float:
        """Start and wait until the web server answers; returns the loop time it did."""
        with self.log.open("ab") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=self.env, cwd=ROOT, stdout=out, stderr=out
            )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        async with aiohttp.ClientSession() as http:
            while loop.time() < deadline:
                assert self.proc.returncode is None, self.log.read_text()
                try:
                    async with http.get(f"http://127.0.0.1:{self.port}/healthz") as resp:
                        if resp.status == 200:
                            return loop.time()
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.05)
        raise AssertionError(f"estatedesk did not start: {self.log.read_text()}")

    async def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        await self.proc.wait()

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            try:
                await asyncio.wait_for(self.proc.wait(), 15)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()


async def demo_database(tmp_path: Path) -> tuple[str, EstateConfig]:
    """A migrated SQLite database with the demo's residents, and the default estate: its URL and the estate."""
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    db = Database(url)
    await db.migrate()
    config = load_config(None)
    await import_residents(
        demo_data_path("residents.csv"), SqlResidentRegistry(db), region=config.phone_region, progress=False
    )
    await db.dispose()
    return url, config


@asynccontextmanager
async def estate(tmp_path: Path, mode: str) -> AsyncIterator[tuple[FakeTelegram, Desk]]:
    fake = FakeTelegram(token=DEMO_TOKEN, webhook_retry_delay=0.05, webhook_max_retry_delay=0.3)
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    url, config = await demo_database(tmp_path)
    port = free_port()
    env = {
        **os.environ,
        "ESTATEDESK_TELEGRAM_TOKEN": DEMO_TOKEN,
        "ESTATEDESK_DATABASE_URL": url,
        "ESTATEDESK_REDIS_URL": REDIS_URL,
        "ESTATEDESK_REDIS_PREFIX": prefix,
        "ESTATEDESK_LISTEN_HOST": "127.0.0.1",
        "ESTATEDESK_PORT": str(port),
        "ESTATEDESK_RATE_LIMIT": "false",
        "ESTATEDESK_NLU": "menu",
    }
    env.pop("ESTATEDESK_CONFIG", None)
    if mode == "webhook":
        env["ESTATEDESK_WEBHOOK_URL"] = f"http://127.0.0.1:{port}"
        env["ESTATEDESK_WEBHOOK_SECRET"] = SECRET
    async with fake.serve():
        env["ESTATEDESK_TELEGRAM_API_URL"] = fake.url
        add_estate_chats(fake, cast(Estatedesk, SimpleNamespace(estate=config)))
        fake.add_user(PETER, "Peter", language_code="en")
        desk = Desk(env, port, tmp_path / "estatedesk.log")
        try:
            yield fake, desk
        finally:
            for hold in fake.api.holds:
                hold.release()
            await desk.stop()
    await drop_redis_prefix(prefix)


async def say(fake: FakeTelegram, text: str, expect: str) -> None:
    await fake.send_text(PETER, text)
    await fake.wait_for(lambda: any(expect in m.text for m in fake.bot_messages(PETER)), 15, what=expect)


async def press(fake: FakeTelegram, button: str) -> dict[str, Any]:
    """Tap ``button`` on the newest message that has it and wait for the bot's next message."""
    message = next(m for m in reversed(fake.bot_messages(PETER)) if m.find_button(button))
    mark = last_id(fake)
    update = await fake.press(PETER, message, button)
    await fake.wait_for(lambda: last_id(fake) > mark, 15, what=f"the answer to {button}")
    return update


def texts(fake: FakeTelegram, after: int) -> list[str]:
    return [m.text for m in fake.bot_messages(PETER) if m.message_id > after]


def last_id(fake: FakeTelegram) -> int:
    return max((m.message_id for m in fake.messages(PETER)), default=0)


async def served(fake: FakeTelegram, predicate: Any, what: str) -> None:
    await fake.wait_for(predicate, 30, what=what)


@pytest.mark.parametrize("mode", ["webhook", "polling"])
async def test_killed_mid_turn_the_chat_is_served_again_in_seconds_once_and_without_refused_calls(
    tmp_path: Path, mode: str
) -> None:
    async with estate(tmp_path, mode) as (fake, desk):
        loop = asyncio.get_running_loop()
        await desk.start()
        await say(fake, "/start", "phone")
        await fake.send_contact(PETER, "+852 6123 0001")
        await fake.wait_for(lambda: len(fake.bot_messages(PETER)) >= 3, 15, what="linked")
        # A turn that sends two messages, for the clean count.
        await asyncio.sleep(0.5)
        sent = await fake.send_text(PETER, "/help")
        mark = sent["message"]["message_id"]
        await fake.wait_for(lambda: any("/repair" in t for t in texts(fake, mark)), 15, what="help")
        await asyncio.sleep(0.5)
        clean_help = texts(fake, mark)
        assert len(clean_help) >= 2, clean_help

        # 1. Killed after the first of the turn's messages went out, the second still on its way.
        hold = fake.hold("sendMessage", chat_id=PETER, skip=1)
        mark = (await fake.send_text(PETER, "/help"))["message"]["message_id"]
        await asyncio.wait_for(hold.reached.wait(), 15)
        await desk.kill()
        assert texts(fake, mark) == clean_help[:1]
        up = await desk.start()
        await served(fake, lambda: len(texts(fake, mark)) >= len(clean_help), "the rest of /help")
        assert loop.time() - up <= SERVED_WITHIN_S, f"served {loop.time() - up:.1f} s after the restart"
        await asyncio.sleep(1.0)  # anything sent twice would arrive by now
        assert texts(fake, mark) == clean_help  # nobody is told anything twice

        # 2. Killed as the resident confirms a report: ticket stored, press answered and marked, reply on its way.
        await say(fake, "/repair", "What needs repair")
        for button in ("Elevator", "My unit A-1203"):
            await press(fake, button)
        await say(fake, "Lift A2 stops between floors", "photo")
        for button in ("Skip photos", "Urgent"):
            await press(fake, button)
        summary = fake.bot_messages(PETER)[-1]
        assert isinstance(summary, FakeMessage) and summary.find_button("Confirm")
        hold = fake.hold("sendMessage", chat_id=PETER)
        confirm = await fake.press(PETER, summary, "Confirm")
        await asyncio.wait_for(hold.reached.wait(), 15)
        assert fake.callback_answer(confirm).answered
        await desk.kill()
        up = await desk.start()
        await served(fake, lambda: any("R-000001" in t for t in texts(fake, 0)), "the ticket number")
        assert loop.time() - up <= SERVED_WITHIN_S, f"served {loop.time() - up:.1f} s after the restart"
        await asyncio.sleep(1.0)
        assert sum("R-000001" in t for t in texts(fake, 0)) == 1  # told their number once

        # Nothing was sent that Telegram refuses: no second answer to a press, no edit to the same content.
        assert fake.rejected_calls() == [], [(c.method, c.description) for c in fake.rejected_calls()]
