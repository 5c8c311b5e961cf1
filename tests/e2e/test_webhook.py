"""Webhook mode: the secret is checked first, outages answer 503 and lose nothing, two workers act once."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import event, text

from bot.channels.telegram.processor import CALLBACK_ANSWER_WINDOW_S
from bot.demo.harness import Harness, running
from bot.settings import DEMO_TOKEN
from integrations.sql.database import Database
from integrations.sql.testing import postgres_test_url, scratch_database
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.helpers import Clock, RoundTrips
from tests.tcpproxy import TcpProxy

PETER = 7002
ENGINEERING = -1001000000002


async def drop_schema(schema: str) -> None:
    admin = Database(postgres_test_url())
    async with admin.engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    await admin.dispose()


async def link_peter(h: Harness) -> None:
    h.fake.add_user(PETER, "Peter", language_code="en")
    await h.act(h.fake.send_text(PETER, "/start"))
    await h.act(h.fake.send_contact(PETER, "+852 6123 0001"))


async def fill_repair(h: Harness) -> None:
    await h.act(h.fake.send_text(PETER, "/repair"))
    for button in ("Elevator", "My unit A-1203"):
        message = next(m for m in reversed(h.fake.bot_messages(PETER)) if m.find_button(button))
        await h.act(h.fake.press(PETER, message, button))
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    for button in ("Skip photos", "Urgent"):
        message = next(m for m in reversed(h.fake.bot_messages(PETER)) if m.find_button(button))
        await h.act(h.fake.press(PETER, message, button))


async def test_wrong_or_missing_secret_is_refused_before_the_body_is_read(tmp_path: Path) -> None:
    async with scratch_database("sqlite", tmp_path) as db, running(database=db, mode="webhook") as h:
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(h.webhook_url, data=b"not even json", headers=headers) as resp:
                    assert resp.status == 401
            good = {"X-Telegram-Bot-Api-Secret-Token": "demo-webhook-secret"}
            async with http.post(h.webhook_url, data=b"not even json", headers=good) as resp:
                assert resp.status == 200  # acknowledged and kept as a dead letter (tests/e2e/test_dead_letters.py)
            async with http.get(h.webhook_url.replace("/telegram/webhook", "/healthz")) as resp:
                assert resp.status == 200 and (await resp.json())["ok"] is True


async def test_redis_outage_answers_503_and_the_update_is_processed_after(tmp_path: Path) -> None:
    proxy = await TcpProxy("127.0.0.1", 6379).start()
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(
                database=db, redis_url=f"redis://127.0.0.1:{proxy.port}/0", redis_prefix=prefix, mode="webhook"
            ) as h,
        ):
            await link_peter(h)
            proxy.cut()
            update = await h.fake.send_text(PETER, "/mytickets")
            await h.fake.wait_for(
                lambda: any(a.status == 503 for a in h.fake.webhook_attempts if a.update_id == update["update_id"]),
                what="a 503 while Redis is down",
            )
            assert not any("open tickets" in m.text for m in h.fake.bot_messages(PETER))
            async with aiohttp.ClientSession() as http:
                async with http.get(h.webhook_url.replace("/telegram/webhook", "/healthz")) as resp:
                    assert resp.status == 503
                    # What is down, not where it lives: the port may be reachable by anyone.
                    assert await resp.json() == {"ok": False, "error": "state store unavailable"}
            proxy.restore()
            await h.fake.wait_for(
                lambda: any("no open tickets" in m.text for m in h.fake.bot_messages(PETER)), timeout=10
            )
            await h.fake.wait_for(
                lambda: [a for a in h.fake.webhook_attempts if a.update_id == update["update_id"] and a.ok]
            )
            assert sum("no open tickets" in m.text for m in h.fake.bot_messages(PETER)) == 1
    finally:
        await proxy.close()
        await drop_redis_prefix(prefix)


@pytest.mark.postgres
async def test_database_outage_at_confirm_stores_one_ticket_after_recovery() -> None:
    """PostgreSQL goes away as the resident confirms: 503, no ticket, no reply; then exactly one of each."""
    pg_host, pg_port = "127.0.0.1", 5432
    proxy = await TcpProxy(pg_host, pg_port).start()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    url = postgres_test_url().replace(f"{pg_host}:{pg_port}", f"127.0.0.1:{proxy.port}")
    db = Database(url, schema=schema)
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook") as h:
            await link_peter(h)
            await fill_repair(h)
            summary = h.fake.bot_messages(PETER)[-1]
            await db.engine.dispose()  # no pooled connection survives the outage
            proxy.cut()
            update = await h.fake.press(PETER, summary, "Confirm")
            await h.fake.wait_for(
                lambda: any(a.status == 503 for a in h.fake.webhook_attempts if a.update_id == update["update_id"]),
                what="a 503 while PostgreSQL is down",
            )
            proxy.restore()
            await h.fake.wait_for(lambda: any("R-000001" in m.text for m in h.fake.bot_messages(PETER)), timeout=15)
            await h.desk.processor.drain()
            assert await h.desk.tickets.get("R-000002") is None
            assert sum("R-000001" in m.text for m in h.fake.bot_messages(PETER)) == 1
            await h.fake.wait_for(lambda: h.fake.bot_messages(ENGINEERING), timeout=5)
    finally:
        await proxy.close()
        await drop_redis_prefix(prefix)
        await drop_schema(schema)


async def test_two_workers_process_one_update_once(tmp_path: Path) -> None:
    """The same update reaches two workers at once (shared Redis and database): one ticket, one reply."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook") as h,
        ):
            async with running(
                database=db, redis_url=REDIS_URL, redis_prefix=prefix, fake=h.fake, load_data=False, mode="webhook"
            ) as second:
                await h.desk.bot.set_webhook(h.webhook_url, secret_token="demo-webhook-secret")
                await link_peter(h)
                await fill_repair(h)
                summary = h.fake.bot_messages(PETER)[-1]
                # Take the press off the fake's queue and hand it to both workers ourselves.
                await h.desk.bot.delete_webhook()
                update = await h.fake.press(PETER, summary, "Confirm")
                from telegram import Update

                results = await asyncio.gather(
                    h.desk.processor.process(Update.de_json(update, h.desk.bot)),
                    second.desk.processor.process(Update.de_json(update, second.desk.bot)),
                    return_exceptions=True,
                )
                await h.desk.processor.drain()
                await second.desk.processor.drain()
                assert sum(r is None for r in results) >= 1
                assert sum("R-000001" in m.text for m in h.fake.bot_messages(PETER)) == 1
                assert await h.desk.tickets.get("R-000002") is None
                assert len(h.fake.bot_messages(ENGINEERING)) == 1
    finally:
        await drop_redis_prefix(prefix)


async def test_a_turn_costs_few_redis_round_trips(tmp_path: Path) -> None:
    """Claim, progress, lock and state together: a text turn with one reply makes 4 round trips to Redis, a
    Confirm press 5 (its answer and the mark on its question noted at once), where they made 9 and 12."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook") as h,
        ):
            from telegram import Update

            await h.desk.bot.set_webhook(h.webhook_url, secret_token="demo-webhook-secret")
            await link_peter(h)
            await fill_repair(h)
            summary = h.fake.bot_messages(PETER)[-1]
            await h.desk.bot.delete_webhook()  # the updates below are handed to the processor here
            trips = RoundTrips(h.desk.store)

            async def turn(update: dict[str, Any]) -> list[str]:
                seen = await trips.of(h.desk.processor.process(Update.de_json(update, h.desk.bot)))
                await h.desk.processor.drain()
                return seen

            confirm = await turn(await h.fake.press(PETER, summary, "Confirm"))
            assert "R-000001" in h.fake.bot_messages(PETER)[-1].text
            assert len(h.fake.bot_messages(ENGINEERING)) == 1
            assert len(confirm) == 5, confirm
            before = len(h.fake.bot_messages(PETER))
            text = await turn(await h.fake.send_text(PETER, "/mytickets"))
            replies = h.fake.bot_messages(PETER)[before:]
            assert any("R-000001" in m.text for m in replies)
            # One note between two replies (a reply sent is never sent again on a redelivery).
            assert len(text) == 4 + len(replies) - 1, (text, len(replies))
    finally:
        await drop_redis_prefix(prefix)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def test_a_confirm_and_its_card_cost_few_sql_statements(tmp_path: Path, kind: str) -> None:
    """A Confirm press with its staff card: the resident, the report (on PostgreSQL its number, row and
    log line in one statement), the closed form, the card's possible duplicates and open incidents in one
    query, and the card's record (one statement on PostgreSQL). SQLite, without data-modifying CTEs, needs
    three statements for each write (was 10 statements in all there, 12 on PostgreSQL with BEGIN and COMMIT)."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database(kind, tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook") as h,
        ):
            from telegram import Update

            await h.desk.bot.set_webhook(h.webhook_url, secret_token="demo-webhook-secret")
            await link_peter(h)
            await fill_repair(h)
            summary = h.fake.bot_messages(PETER)[-1]
            await h.desk.bot.delete_webhook()
            for task in h.desk._tasks:  # the periodic sweeps: their reads are not the turn's
                task.cancel()
            await asyncio.gather(*h.desk._tasks, return_exceptions=True)
            sent: list[str] = []

            @event.listens_for(db.engine.sync_engine, "before_cursor_execute")
            def statement(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
                sent.append(" ".join(sql.split())[:120])

            await h.desk.processor.process(Update.de_json(await h.fake.press(PETER, summary, "Confirm"), h.desk.bot))
            await h.desk.processor.drain()  # the card too
            event.remove(db.engine.sync_engine, "before_cursor_execute", statement)
            assert "R-000001" in h.fake.bot_messages(PETER)[-1].text
            assert len(h.fake.bot_messages(ENGINEERING)) == 1
            ticket = await h.desk.tickets.get("R-000001")
            assert ticket is not None and ticket.card_message_id == h.fake.bot_messages(ENGINEERING)[0].message_id
            assert [e.action for e in ticket.events] == ["created", "card_posted"]
            assert await h.desk.tickets.by_message(ENGINEERING, ticket.card_message_id) == ticket
            # Reads (the resident; duplicates and incidents), the report, the closed form, the card.
            expected = ["SELECT", "WITH", "DELETE", "SELECT", "WITH"] if kind == "postgres" else [
                "SELECT", "INSERT", "INSERT", "INSERT", "DELETE", "SELECT", "UPDATE", "INSERT", "INSERT"
            ]  # fmt: skip
            assert sorted(sql.split(None, 1)[0].upper() for sql in sent) == sorted(expected), sent
    finally:
        await drop_redis_prefix(prefix)


async def test_429_from_telegram_is_retried_and_the_reply_arrives(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await link_peter(h)
    h.fake.fail_next("sendMessage", status=429, times=2, retry_after=1)
    await h.act(h.fake.send_text(PETER, "/help"), timeout=15)
    assert any("/repair" in m.text for m in h.fake.bot_messages(PETER))


async def test_a_card_that_could_not_be_posted_is_posted_by_the_sweep(sqlite_harness: Harness, clock: Clock) -> None:
    h = sqlite_harness
    await link_peter(h)
    await fill_repair(h)
    h.fake.block(ENGINEERING)  # the staff group refuses messages for now
    summary = h.fake.bot_messages(PETER)[-1]
    await h.act(h.fake.press(PETER, summary, "Confirm"))
    assert "R-000001" in h.fake.bot_messages(PETER)[-1].text  # the resident is not kept waiting
    ticket = await h.desk.tickets.get("R-000001")
    assert ticket is not None and ticket.card_message_id is None
    assert not h.fake.bot_messages(ENGINEERING)
    h.fake.unblock(ENGINEERING)
    clock.advance(minutes=1)
    assert await h.desk.desk.post_missing_cards() == 1
    assert len(h.fake.bot_messages(ENGINEERING)) == 1
    assert await h.desk.desk.post_missing_cards() == 0  # never twice


@pytest.mark.postgres
async def test_a_press_redelivered_after_telegrams_answer_window_is_not_answered_again() -> None:
    """The database is down as the resident confirms; it is back only after Telegram's window for answering
    the press closed. The redelivered press is served (one ticket, one reply) but not answered: Telegram
    would refuse it."""
    offset = [0.0]
    fake = FakeTelegram(
        token=DEMO_TOKEN,
        webhook_retry_delay=0.05,
        webhook_max_retry_delay=0.3,
        clock=lambda: time.time() + offset[0],
    )
    proxy = await TcpProxy("127.0.0.1", 5432).start()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    db = Database(postgres_test_url().replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), schema=schema)
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            fake.serve(),
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook", fake=fake) as h,
        ):
            h.desk.processor.clock = lambda: time.time() + offset[0]
            await link_peter(h)
            await fill_repair(h)
            summary = h.fake.bot_messages(PETER)[-1]
            await db.engine.dispose()
            proxy.cut()
            update = await h.fake.press(PETER, summary, "Confirm")
            await h.fake.wait_for(
                lambda: any(a.status == 503 for a in h.fake.webhook_attempts if a.update_id == update["update_id"]),
                what="a 503 while PostgreSQL is down",
            )
            offset[0] = CALLBACK_ANSWER_WINDOW_S + 60  # a minute and more goes by
            proxy.restore()
            await h.fake.wait_for(lambda: any("R-000001" in m.text for m in h.fake.bot_messages(PETER)), timeout=15)
            await h.settle(update)
            assert sum("R-000001" in m.text for m in h.fake.bot_messages(PETER)) == 1
            assert not h.fake.callback_answer(update).answered
            assert h.fake.rejected_calls() == [], [(c.method, c.description) for c in h.fake.rejected_calls()]
    finally:
        await proxy.close()
        await drop_redis_prefix(prefix)
        await drop_schema(schema)
