"""Two ``estatedesk run`` workers behind one webhook, a round-robin balancer in front, the fake Telegram
enforcing Telegram's flood limits: residents report repairs at once, each update going to either worker.

0 429s (the send budget is shared in Redis), each resident's dialog in order, every ticket once.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import aiohttp
from aiohttp import web
from sqlalchemy import text

from bot.app import Estatedesk
from bot.demo.harness import add_estate_chats
from bot.settings import DEMO_TOKEN
from integrations.sql.database import Database
from integrations.telegram_fake.model import FakeMessage
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.test_crash_recovery import Desk, demo_database, free_port

SECRET = "two-workers-secret"
# The demo's English-speaking residents: user id, phone, their unit's button.
RESIDENTS = [
    (7101, "+852 5432 1098", "2-306"),
    (7102, "+852 6012 3456", "1-2206"),
    (7103, "+852 6123 0001", "A-1203"),
    (7104, "+852 6345 1234", "3-1201"),
    (7105, "+852 6456 2345", "A-802"),
    (7106, "+852 9876 5432", "1-1502"),
]


@asynccontextmanager
async def balancer(port: int, workers: list[int], served: list[int]) -> AsyncIterator[None]:
    """Round robin over the workers, as a load balancer would: any update may go to either."""
    turn = itertools.cycle(range(len(workers)))

    async def forward(request: web.Request) -> web.Response:
        worker = next(turn)
        served[worker] += 1
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"http://127.0.0.1:{workers[worker]}{request.path_qs}", data=await request.read(), headers=headers
            ) as resp,
        ):
            return web.Response(status=resp.status, body=await resp.read(), content_type=resp.content_type)

    app = web.Application()
    app.router.add_route("POST", "/{tail:.*}", forward)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield
    finally:
        await runner.cleanup()


async def press(fake: FakeTelegram, user: int, label: str) -> None:
    """Tap the newest button that starts with ``label`` and wait for the bot's next message or edit."""
    message = next(
        m for m in reversed(fake.bot_messages(user)) if any(t.startswith(label) for row in m.buttons for t, _ in row)
    )
    text = next(t for row in message.buttons for t, _ in row if t.startswith(label))
    before = len(fake.bot_messages(user))
    await fake.press(user, message, text)
    await fake.wait_for(lambda: len(fake.bot_messages(user)) > before, 30, what=f"the answer to {label}")


async def report(fake: FakeTelegram, user: int, phone: str, unit: str) -> None:
    """The whole dialog of one resident: link by phone, report a repair, confirm it."""
    await fake.send_text(user, "/start")
    await fake.wait_for(lambda: any("phone" in m.text for m in fake.bot_messages(user)), 30, what="phone")
    await fake.send_contact(user, phone)
    await fake.wait_for(lambda: len(fake.bot_messages(user)) >= 3, 30, what="linked")
    await asyncio.sleep(0.3)
    count = len(fake.bot_messages(user))
    await fake.send_text(user, "/repair")
    await fake.wait_for(
        lambda: any("What needs repair" in m.text for m in fake.bot_messages(user)[count:]), 30, what="repair"
    )
    await press(fake, user, "Elevator")
    await press(fake, user, f"My unit {unit}")
    count = len(fake.bot_messages(user))
    await fake.send_text(user, f"Lift stops between floors, unit {unit}")
    await fake.wait_for(lambda: any("photo" in m.text for m in fake.bot_messages(user)[count:]), 30, what="photo")
    await press(fake, user, "Skip photos")
    await press(fake, user, "Urgent")
    summary = fake.bot_messages(user)[-1]
    assert isinstance(summary, FakeMessage) and summary.find_button("Confirm"), summary.text
    await fake.press(user, summary, "Confirm")
    await fake.wait_for(
        lambda: any(re.search(r"R-\d{6}", m.text) for m in fake.bot_messages(user)), 30, what="the ticket number"
    )


async def test_two_workers_behind_one_webhook_share_the_limits_and_serve_every_resident_once(tmp_path: Path) -> None:
    fake = FakeTelegram(token=DEMO_TOKEN, enforce_limits=True, webhook_retry_delay=0.05, webhook_max_retry_delay=0.3)
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    url, config = await demo_database(tmp_path)
    ports = [free_port(), free_port()]
    front = free_port()
    served = [0, 0]
    desks: list[Desk] = []
    async with fake.serve(), balancer(front, ports, served):
        add_estate_chats(fake, cast(Estatedesk, SimpleNamespace(estate=config)))
        for user, _, _ in RESIDENTS:
            fake.add_user(user, f"Resident {user}", language_code="en")
        for i, port in enumerate(ports):
            env = {
                **os.environ,
                "ESTATEDESK_TELEGRAM_TOKEN": DEMO_TOKEN,
                "ESTATEDESK_TELEGRAM_API_URL": fake.url,
                "ESTATEDESK_DATABASE_URL": url,
                "ESTATEDESK_REDIS_URL": REDIS_URL,
                "ESTATEDESK_REDIS_PREFIX": prefix,
                "ESTATEDESK_LISTEN_HOST": "127.0.0.1",
                "ESTATEDESK_PORT": str(port),
                "ESTATEDESK_RATE_LIMIT": "true",
                "ESTATEDESK_NLU": "menu",
                "ESTATEDESK_WEBHOOK_URL": f"http://127.0.0.1:{front}",
                "ESTATEDESK_WEBHOOK_SECRET": SECRET,
            }
            env.pop("ESTATEDESK_CONFIG", None)
            desks.append(Desk(env, port, tmp_path / f"worker{i}.log"))
        try:
            await asyncio.gather(*(desk.start() for desk in desks))
            await asyncio.gather(*(report(fake, user, phone, unit) for user, phone, unit in RESIDENTS))
            # Then a burst: every resident asks for help three times at once, each turn going to either
            # worker. Six replies per chat within a second: only a per-chat window shared by the two
            # workers keeps them inside Telegram's burst of 3 refilled at 1/s.
            marks = {user: len(fake.bot_messages(user)) for user, _, _ in RESIDENTS}
            for _ in range(3):
                for user, _, _ in RESIDENTS:
                    await fake.send_text(user, "/help")
            for user, _, _ in RESIDENTS:
                await fake.wait_for(
                    lambda user=user: sum("/repair" in m.text for m in fake.bot_messages(user)[marks[user] :]) >= 3,
                    60,
                    what=f"three answers to /help for {user}",
                )
            await asyncio.sleep(2.0)  # anything sent twice would arrive by now
        finally:
            for desk in desks:
                await desk.stop()
    await drop_redis_prefix(prefix)

    assert min(served) >= len(RESIDENTS) * 3, served  # residents' updates spread across both workers
    assert fake.stats.flood_limited == 0
    assert fake.stats.too_many_requests == 0
    assert fake.rejected_calls() == [], [(c.method, c.description) for c in fake.rejected_calls()]
    numbers: list[str] = []
    for user, _, _unit in RESIDENTS:
        said = [m.text for m in fake.bot_messages(user)]
        # The dialog in order: the phone question before the repair menu before the number.
        order = [
            next(i for i, t in enumerate(said) if "phone" in t),
            next(i for i, t in enumerate(said) if "What needs repair" in t),
            next(i for i, t in enumerate(said) if re.search(r"R-\d{6}", t)),
        ]
        assert order == sorted(order), said
        told = {n for t in said for n in re.findall(r"R-\d{6}", t)}
        assert len(told) == 1, said
        number = told.pop()
        assert sum(number in t for t in said) == 1, said  # told once
        numbers.append(number)
        helps = [t for t in said[marks[user] :] if "/repair" in t]
        assert len(helps) == 3, said[marks[user] :]  # each /help answered once
    assert len(set(numbers)) == len(RESIDENTS)
    db = Database(url)
    async with db.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT number FROM tickets"))).scalars().all()
    await db.dispose()
    assert sorted(rows) == sorted(numbers)  # every ticket stored once
