"""Staff cards end to end (issue 9): one live card per ticket through outages between the send and the
database write, no edit that changes nothing, history as sentences, excerpts, dates on the estate's clock.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from bot.demo.harness import Harness, running
from bot.messaging import MessageSender
from dialogs.replies import Reply
from integrations.sql.database import Database
from integrations.sql.testing import postgres_test_url, scratch_database, scratch_postgres
from integrations.telegram_fake.model import FakeMessage
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.talk import bot_texts, last_number, press
from tests.e2e.talk import link as linked
from tests.helpers import Clock
from tests.tcpproxy import TcpProxy

CHAN, PETER = 7001, 7002
ENGINEERING, SECURITY = -1001000000002, -1001000000003
CHRIS, ERIC = 9101, 9201


def cards_of(h: Harness, chat_id: int, number: str) -> list[FakeMessage]:
    """The live cards of the ticket in the group: titled with its number, with the ticket's buttons."""
    return [m for m in h.fake.bot_messages(chat_id) if (m.text or "").split("\n")[0].endswith(number) and m.buttons]


def refused_edits(h: Harness) -> list[str]:
    return [c.description or "" for c in h.fake.calls_to("editMessageText") if c.status != 200]


async def report_lift(h: Harness, description: str = "Lift A2 stops between floors") -> str:
    """Peter (English) reports a lift repair in his unit and confirms it."""
    await h.act(h.fake.send_text(PETER, "/repair"))
    for button in ("Elevator", "My unit A-1203"):
        await press(h, PETER, PETER, button)
    await h.act(h.fake.send_text(PETER, description))
    for button in ("Skip photos", "Urgent", "Confirm"):
        await press(h, PETER, PETER, button)
    return last_number(h, PETER)


class CutAfterCard:
    """The real Telegram sender; right after Telegram accepts the first message for ``chat_id`` the
    given proxies cut their servers (PostgreSQL, Redis), before the desk can save the message id."""

    def __init__(self, inner: MessageSender, chat_id: int, *proxies: TcpProxy) -> None:
        self.inner = inner
        self.chat_id = chat_id
        self.proxies = proxies
        self.armed = True

    async def send(self, chat_id: int, reply: Reply, **kwargs: Any) -> int:
        message_id = await self.inner.send(chat_id, reply, **kwargs)
        if self.armed and chat_id == self.chat_id:
            self.armed = False
            for proxy in self.proxies:
                proxy.cut()
        return message_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@asynccontextmanager
async def behind_proxies(clock: Clock, *, cut_redis: bool) -> AsyncIterator[tuple[Harness, TcpProxy, TcpProxy, str]]:
    """estatedesk on PostgreSQL and Redis, each reached through a proxy the test can cut."""
    pg = await TcpProxy("127.0.0.1", 5432).start()
    rd = await TcpProxy("127.0.0.1", 6379).start()
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    redis_url = f"redis://127.0.0.1:{rd.port}/0" if cut_redis else REDIS_URL
    try:
        async with scratch_postgres() as scratch:
            url = postgres_test_url().replace("127.0.0.1:5432", f"127.0.0.1:{pg.port}")
            db = Database(url, schema=scratch.schema)
            async with running(database=db, redis_url=redis_url, redis_prefix=prefix, clock=clock) as h:
                yield h, pg, rd, prefix
    finally:
        await pg.close()
        await rd.close()
        await drop_redis_prefix(prefix)


@pytest.mark.postgres
async def test_database_outage_between_send_and_save_leaves_one_live_card(clock: Clock) -> None:
    """Telegram took the card, then PostgreSQL went away before its id was saved: the next attempt
    adopts that card instead of posting a second one, and staff actions edit it."""
    async with behind_proxies(clock, cut_redis=False) as (h, pg, _rd, _prefix):
        await linked(h, PETER, "Peter", "+852 6123 0001")
        assert h.desk.outbox is not None
        h.desk.outbox.sender = CutAfterCard(h.desk.outbox.sender, ENGINEERING, pg)
        number = await report_lift(h)
        assert len(cards_of(h, ENGINEERING, number)) == 1
        stored = await _when_up(h, pg, number)
        assert stored.card_message_id is None  # the outage cost the write

        clock.advance(minutes=1)
        for _sweep in range(2):  # the sweep runs again and again: still one card
            await h.desk.desk.post_missing_cards(grace=timedelta(0))
        cards = cards_of(h, ENGINEERING, number)
        assert len(cards) == 1
        ticket = await h.desk.tickets.get(number)
        assert ticket is not None and ticket.card_message_id == cards[0].message_id

        await press(h, CHRIS, ENGINEERING, "Claim")
        assert "Chris Wong" in cards_of(h, ENGINEERING, number)[0].text  # the adopted card is the live one
        assert len(cards_of(h, ENGINEERING, number)) == 1
        assert not refused_edits(h)


@pytest.mark.postgres
async def test_database_and_redis_outage_between_send_and_save_leaves_one_live_card(clock: Clock) -> None:
    """Both PostgreSQL and Redis went away right after Telegram took the card: nothing can remember it,
    so it is deleted again; once they are back the sweep posts the one card."""
    async with behind_proxies(clock, cut_redis=True) as (h, pg, rd, prefix):
        await linked(h, PETER, "Peter", "+852 6123 0001")
        assert h.desk.outbox is not None
        h.desk.outbox.sender = CutAfterCard(h.desk.outbox.sender, ENGINEERING, pg, rd)
        number = await report_lift(h)
        assert cards_of(h, ENGINEERING, number) == []  # taken down: its id could not be kept anywhere
        assert h.fake.calls_to("deleteMessage")
        rd.restore()
        # The posting claim could not be given back while Redis was down; it lapses (as its TTL would).
        client = aioredis.Redis.from_url(REDIS_URL)
        await client.delete(f"{prefix}:claim:card:{number}")
        await client.aclose()
        await _when_up(h, pg, number)
        clock.advance(minutes=1)
        await h.desk.desk.post_missing_cards(grace=timedelta(0))
        await h.desk.desk.post_missing_cards(grace=timedelta(0))
        cards = cards_of(h, ENGINEERING, number)
        assert len(cards) == 1
        ticket = await h.desk.tickets.get(number)
        assert ticket is not None and ticket.card_message_id == cards[0].message_id


async def _when_up(h: Harness, pg: TcpProxy, number: str) -> Any:
    pg.restore()
    await h.desk.db.dispose()  # no pooled connection survives the outage
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None
    return ticket


async def transfer_a_leak(h: Harness) -> str:
    """Mrs Chan reports a leak; Chris claims it, opens and closes the transfer menu, then sends it to Security."""
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水"))
    for button in ("略過相片", "一般", "確認"):
        await press(h, CHAN, CHAN, button)
    number = last_number(h, CHAN)
    await press(h, CHRIS, ENGINEERING, "Claim")
    await press(h, CHRIS, ENGINEERING, "Transfer…")
    await press(h, CHRIS, ENGINEERING, "‹ Back")
    await press(h, CHRIS, ENGINEERING, "Transfer…")
    await press(h, CHRIS, ENGINEERING, "Security")
    assert len(cards_of(h, SECURITY, number)) == 1
    return number


async def test_transfer_history_reads_as_sentences(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await transfer_a_leak(h)
    history = next(m.text for m in h.fake.bot_messages(SECURITY) if m.text and "History:" in m.text)
    assert "The resident reported it." in history
    assert "Chris Wong claimed it." in history
    assert "Chris Wong transferred it from Engineering to Security." in history
    assert "Nov 2 10:00 · " in history  # on the estate's clock, as the staff language writes dates
    for raw in ("resident:", "system", "card_posted", "created", "staff:"):
        assert raw not in history
    assert not h.errors


async def test_a_card_edit_that_would_change_nothing_is_never_sent(sqlite_harness: Harness) -> None:
    """Telegram refuses an edit with unchanged content; a transferred card is refreshed right after it
    is posted, and menus opened and closed come back to the same card: none of that may reach Telegram."""
    h = sqlite_harness
    number = await transfer_a_leak(h)
    edits = len(h.fake.calls_to("editMessageText"))
    await press(h, ERIC, SECURITY, "Assign…")
    await press(h, ERIC, SECURITY, "‹ Back")
    assert len(h.fake.calls_to("editMessageText")) == edits + 2
    await press(h, ERIC, SECURITY, "Claim")
    assert "Eric" in cards_of(h, SECURITY, number)[0].text
    assert not refused_edits(h), refused_edits(h)
    assert not h.errors


async def test_long_description_card_shows_an_excerpt_and_ticket_the_whole(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001")
    words = "The lift in block A stops between the fifth and sixth floor and the doors stay shut. "
    description = (words * 30)[:1990].strip()
    number = await report_lift(h, description)
    card = cards_of(h, ENGINEERING, number)[0]
    assert len(card.text) < 1200 and description not in card.text
    assert f"/ticket {number}" in card.text  # where to read the rest
    assert card.buttons  # right under a card of one screen
    await h.act(h.fake.send_text(CHRIS, f"/ticket {number}", chat_id=ENGINEERING))
    answer = h.fake.bot_messages(ENGINEERING)[-1].text
    assert " ".join(description.split()) in " ".join(answer.split())


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Dec 2, 2026"), ("zh-hk", "2026年12月2日"), ("zh-cn", "2026年12月2日")]
)
async def test_mytickets_dates_are_on_the_estates_clock(tmp_path: Path, language: str, expected: str) -> None:
    """A ticket made at 03:20 in Hong Kong on 2 Dec is from 2 Dec, not UTC's 1 Dec."""
    clock = Clock(datetime(2026, 12, 1, 19, 20, tzinfo=UTC))
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with scratch_database("sqlite", tmp_path) as db:
            async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock) as h:
                await linked(h, PETER, "Peter", "+852 6123 0001")
                if language != "en":
                    await h.act(h.fake.send_text(PETER, "/language"))
                    await press(h, PETER, PETER, {"zh-hk": "繁體中文", "zh-cn": "简体中文"}[language])
                await h.act(h.fake.send_text(PETER, "/repair"))
                await report_lift_in(h, language)
                await h.act(h.fake.send_text(PETER, "/mytickets"))
                listing = bot_texts(h, PETER).split(last_number(h, PETER))[-1]
                assert expected in listing
                assert "12-01" not in listing and "2026-12-01" not in listing
    finally:
        await drop_redis_prefix(prefix)


async def report_lift_in(h: Harness, language: str) -> None:
    buttons = {
        "en": ("Elevator", "My unit A-1203", "Skip photos", "Urgent", "Confirm"),
        "zh-hk": ("電梯", "我的單位 A-1203", "略過相片", "緊急", "確認"),
        "zh-cn": ("电梯", "我的房屋 A-1203", "跳过照片", "紧急", "确认"),
    }[language]
    await press(h, PETER, PETER, buttons[0])
    await press(h, PETER, PETER, buttons[1])
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    for button in buttons[2:]:
        await press(h, PETER, PETER, button)


class StopAfterCard:
    """The real Telegram sender; right after Telegram accepts a message for ``chat_id``, the worker is
    told to stop (its running sweep task is cancelled), as at a restart."""

    def __init__(self, inner: MessageSender, chat_id: int) -> None:
        self.inner = inner
        self.chat_id = chat_id
        self.sweep: asyncio.Task[int] | None = None

    async def send(self, chat_id: int, reply: Reply, **kwargs: Any) -> int:
        message_id = await self.inner.send(chat_id, reply, **kwargs)
        if self.sweep is not None and chat_id == self.chat_id:
            self.sweep.cancel()
            self.sweep = None
        return message_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def test_a_worker_stopping_mid_post_still_keeps_its_card(sqlite_harness: Harness, clock: Clock) -> None:
    """The card sweep is cancelled (the worker stops) just after Telegram took a card: its id is kept
    anyway, and the next sweep posts nothing more."""
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001")
    h.fake.block(ENGINEERING)  # the first card cannot be posted: the sweep will
    number = await report_lift(h)
    h.fake.unblock(ENGINEERING)
    assert h.desk.outbox is not None
    stopper = StopAfterCard(h.desk.outbox.sender, ENGINEERING)
    h.desk.outbox.sender = stopper
    clock.advance(minutes=1)
    stopper.sweep = sweep = asyncio.create_task(h.desk.desk.post_missing_cards(grace=timedelta(0)))
    with pytest.raises(asyncio.CancelledError):
        await sweep

    async def card_saved() -> bool:
        ticket = await h.desk.tickets.get(number)
        return ticket is not None and ticket.card_message_id is not None

    for _wait in range(100):
        if await card_saved():
            break
        await asyncio.sleep(0.05)
    await h.desk.desk.post_missing_cards(grace=timedelta(0))
    cards = cards_of(h, ENGINEERING, number)
    assert len(cards) == 1
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.card_message_id == cards[0].message_id


async def test_photos_failing_after_the_card_went_out_leave_one_card(sqlite_harness: Harness, clock: Clock) -> None:
    """Telegram took the card, then its photos failed (an outage): the card is kept, never posted twice."""
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001")
    await h.act(h.fake.send_text(PETER, "/repair"))
    for button in ("Elevator", "My unit A-1203"):
        await press(h, PETER, PETER, button)
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    await h.act(h.fake.send_photo(PETER, caption="the panel"))
    await press(h, PETER, PETER, "Done")
    await press(h, PETER, PETER, "Urgent")
    h.fake.fail_next("sendPhoto", 502, times=10)
    await press(h, PETER, PETER, "Confirm")
    number = last_number(h, PETER)
    clock.advance(minutes=1)
    await h.desk.desk.post_missing_cards(grace=timedelta(0))
    cards = cards_of(h, ENGINEERING, number)
    assert len(cards) == 1
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.card_message_id == cards[0].message_id
    assert not h.errors
