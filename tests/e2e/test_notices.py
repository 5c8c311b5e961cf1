"""Notices and fee reminders end to end: fake Telegram enforcing the flood limits, SQLite and PostgreSQL, Redis."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from bot.demo.harness import Harness, running
from bot.domain.notices import Audience, DeliveryState, NoticeStatus
from bot.settings import DEMO_TOKEN
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore
from integrations.sql.tables import ResidentRecord, ResidentUnitRecord, UnitRecord
from integrations.sql.testing import DATABASE_KINDS, scratch_database
from integrations.telegram_fake.model import ChangeKind
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.helpers import Clock

ROOT = Path(__file__).resolve().parents[2]
ENGINEERING = -1001000000002
CHRIS, DAVID = 9101, 9102  # supervisor, agent
# Demo residents: three in building 3, one in building 2, one in building A.
BUILDING_3 = {"+852 9123 4567": 8001, "+852 9678 0123": 8002, "+852 6345 1234": 8003}
OTHERS = {"+852 9012 3456": 8004, "+852 6123 0001": 8005}
WATER = "Water supply in building 3 will be suspended on 3 Dec, 10:00-14:00."


@pytest.fixture(params=DATABASE_KINDS)
async def limited(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> AsyncIterator[Harness]:
    """estatedesk against a fake that answers 429 over Telegram's limits; residents linked to Telegram."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    async with scratch_database(request.param, tmp_path) as db:
        async with running(
            database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock, enforce_limits=True
        ) as h:
            for phone, user_id in (BUILDING_3 | OTHERS).items():
                resident = await h.desk.registry.by_phone(phone.replace(" ", ""))
                assert resident is not None, phone
                await h.desk.registry.link_telegram(resident.id, user_id)
                h.fake.add_user(user_id, f"R{user_id}")
            yield h
    await drop_redis_prefix(prefix)


async def sent_now(h: Harness) -> None:
    """Wait until the sending started by a press has finished (the task it spawned)."""
    tasks = list(h.desk.notices._tasks)  # type: ignore[attr-defined]
    await asyncio.wait_for(asyncio.gather(*tasks), 30)


def notices_to(h: Harness, chat_id: int) -> list[str]:
    return [m.text for m in h.fake.bot_messages(chat_id) if WATER in m.text]


async def test_a_building_notice_reaches_its_reachable_residents_once_through_429s(limited: Harness) -> None:
    h = limited
    h.fake.block(8003)  # Raymond blocked the bot
    update = await h.act(h.fake.send_text(CHRIS, f"/notice building:3\n{WATER}", chat_id=ENGINEERING))
    preview = h.fake.bot_messages(ENGINEERING)[-1]
    assert preview.reply_to_message_id == update["message"]["message_id"]
    assert WATER in preview.text and "Recipients" in preview.text and "3" in preview.text

    # An agent may not confirm; an outsider gets the roster alert.
    agent = await h.act(h.fake.press(DAVID, preview, "Confirm"))
    assert h.fake.callback_answer(agent).show_alert
    h.fake.join(ENGINEERING, 8004)
    outsider = await h.act(h.fake.press(8004, preview, "Confirm"))
    assert h.fake.callback_answer(outsider).show_alert

    h.fake.fail_next("sendMessage", 429, times=2, retry_after=1)
    before = h.fake.stats.too_many_requests
    await h.act(h.fake.press(CHRIS, preview, "Confirm"))
    await sent_now(h)

    assert h.fake.stats.too_many_requests - before >= 2
    assert [len(notices_to(h, c)) for c in (8001, 8002, 8003, 8004, 8005)] == [1, 1, 0, 0, 0]
    store = SqlNoticeStore(h.desk.db)
    (notice,) = await store.recent(["3"])
    notice_id = notice.id
    states = sorted((await store.deliveries(notice_id)).values())
    assert states == ["sent", "sent", "unreachable"]
    notice = await store.get(notice_id)
    assert notice is not None and notice.status is NoticeStatus.DONE
    raymond = await h.desk.registry.by_telegram(8003)
    assert raymond is not None and not raymond.reachable
    report = h.fake._chat(ENGINEERING).message(preview.message_id)
    assert report is not None and "2 / 3 sent" in report.text and "1 unreachable" in report.text
    # A progress report repeating what the preview shows is not sent: Telegram refuses unchanged edits.
    notices = next(job for name, _, job in h.desk.jobs if name == "notices").__self__  # type: ignore[attr-defined]
    edits = len(h.fake.calls_to("editMessageText"))
    for _repeat in range(2):
        await notices.show_progress(notice, await store.progress(notice_id), 0.0)
    assert len(h.fake.calls_to("editMessageText")) <= edits + 1
    assert [c.description for c in h.fake.calls_to("editMessageText") if c.status != 200] == []

    # The buttons are gone; a stale Confirm (an old client) sends nothing more. A resident lists the notices.
    again = await h.act(h.fake.press(CHRIS, preview, f"n:{notice_id}:go", forge=True))
    assert "Already confirmed" in (h.fake.callback_answer(again).answer_text or "")
    await sent_now(h)
    assert len(notices_to(h, 8001)) == 1
    await h.act(h.fake.send_text(8001, "/notices"))
    assert "Water supply" in h.fake.bot_messages(8001)[-1].text
    assert not h.errors


async def test_a_scheduled_notice_waits_for_its_time_and_cancel_stops_a_draft(limited: Harness, clock: Clock) -> None:
    h = limited
    await h.act(h.fake.send_text(CHRIS, f"/notice building:3 at 2026-11-02T12:00\n{WATER}", chat_id=ENGINEERING))
    preview = h.fake.bot_messages(ENGINEERING)[-1]
    assert "Send: Nov 2, 2026 12:00" in preview.text  # on the estate's clock, as people write it
    await h.act(h.fake.press(CHRIS, preview, "Confirm"))
    job = next(job for name, _, job in h.desk.jobs if name == "notices")
    await job()
    assert notices_to(h, 8001) == []  # 10:00 in Hong Kong: not yet
    clock.advance(hours=2)
    await job()
    assert len(notices_to(h, 8001)) == 1 and len(notices_to(h, 8002)) == 1

    await h.act(h.fake.send_text(CHRIS, f"/notice everyone\n{WATER} (2)", chat_id=ENGINEERING))
    draft = h.fake.bot_messages(ENGINEERING)[-1]
    cancel = await h.act(h.fake.press(CHRIS, draft, "Cancel"))
    assert "Cancelled" in (h.fake.callback_answer(cancel).answer_text or "")
    await job()
    assert len(notices_to(h, 8005)) == 0
    assert not h.errors


# -- kill and resume ------------------------------------------------------------------------------------------

FIRST_CHAT = 710_000_000


async def populate(db: Database, n: int) -> None:
    now = datetime.now(UTC)
    async with db.begin() as s:
        await s.execute(insert(UnitRecord), [{"estate": "", "building": "9", "unit": str(i)} for i in range(n)])
    async with db.session() as s:
        from sqlalchemy import select

        units = [u for (u,) in await s.execute(select(UnitRecord.id).order_by(UnitRecord.id))]
    async with db.begin() as s:
        for i, unit_id in enumerate(units):
            resident_id = (
                await s.execute(
                    insert(ResidentRecord).values(
                        name=f"R{i}", phone=f"+8529{i:07d}", language="en", telegram_user_id=FIRST_CHAT + i,
                        reachable=True, created_at=now, updated_at=now,
                    ).returning(ResidentRecord.id)
                )
            ).scalar_one()  # fmt: skip
            await s.execute(insert(ResidentUnitRecord).values(resident_id=resident_id, unit_id=unit_id, role="owner"))


async def worker(db: Database, fake: FakeTelegram, notice_id: int) -> asyncio.subprocess.Process:
    url = db.url.render_as_string(hide_password=False)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.notices.worker", "--database-url", url, "--schema", db.schema or "",
        "--api-url", fake.url, "--token", DEMO_TOKEN, "--notice", str(notice_id), "--lease", "2",
        cwd=str(ROOT),
    )  # fmt: skip


@pytest.mark.parametrize("kind", DATABASE_KINDS)
async def test_a_sender_killed_mid_way_and_restarted_sends_no_one_twice_and_leaves_no_miss_unaccounted(
    kind: str, tmp_path: Path
) -> None:
    n, kill_after = 90, 30
    async with scratch_database(kind, tmp_path) as db:
        await populate(db, n)
        store = SqlNoticeStore(db)
        notice = await store.create(WATER, Audience.parse("building:9"))
        _, confirmed = await store.confirm(notice.id)
        assert confirmed
        fake = FakeTelegram(token=DEMO_TOKEN, enforce_limits=True)
        for i in range(n):
            fake.add_user(FIRST_CHAT + i, f"R{i}")
        received: dict[int, int] = {}
        killed = asyncio.Event()
        first: asyncio.subprocess.Process | None = None

        def on_change(change: object) -> None:
            if getattr(change, "kind", None) is not ChangeKind.NEW_MESSAGE:
                return
            chat_id = change.chat_id  # type: ignore[attr-defined]
            received[chat_id] = received.get(chat_id, 0) + 1
            if first is not None and not killed.is_set() and sum(received.values()) >= kill_after:
                os.kill(first.pid, signal.SIGKILL)  # mid-flight, as a crash would
                killed.set()

        fake.state.subscribe(on_change)
        async with fake.serve():
            first = await worker(db, fake, notice.id)
            await asyncio.wait_for(killed.wait(), 60)
            assert await first.wait() == -signal.SIGKILL
            assert 0 < sum(received.values()) < n
            second = await worker(db, fake, notice.id)
            assert await asyncio.wait_for(second.wait(), 60) == 0
        progress = await store.progress(notice.id)
        assert fake.stats.too_many_requests == 0
        assert [c for c in range(FIRST_CHAT, FIRST_CHAT + n) if received.get(c, 0) > 1] == []  # no duplicate
        # Every row is sent, or "unknown": one the killed worker had marked sending (committed before its call).
        assert progress.done and progress.sent + progress.count(DeliveryState.UNKNOWN) == n
        # At most once (bot/notices/delivery.py): an unknown row is never sent again. Usually its call had
        # reached Telegram; on a loaded machine the kill can fall between a row's mark and its request
        # leaving the worker, and that resident misses the notice. Such a miss is accounted for (an unknown
        # row, in the notice's report); a miss that is not is the fault this test catches.
        missed = [c for c in range(FIRST_CHAT, FIRST_CHAT + n) if received.get(c, 0) == 0]
        assert len(missed) <= progress.count(DeliveryState.UNKNOWN)
        assert (await store.get(notice.id)).status is NoticeStatus.DONE  # type: ignore[union-attr]


# -- fee reminders -------------------------------------------------------------------------------------------


def reminders_to(h: Harness, chat_id: int) -> list[str]:
    return [m.text for m in h.fake.bot_messages(chat_id) if "overdue" in m.text or "逾期" in m.text]


async def test_fee_reminders_keep_quiet_hours_honour_the_opt_out_and_go_once(limited: Harness, clock: Clock) -> None:
    h = limited
    job = next(job for name, _, job in h.desk.jobs if name == "fee reminders")
    # The demo arrears fall due on 30 Nov; the first reminder is owed from 3 Dec.
    clock.now = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # 2 Dec, 10:00 in Hong Kong: too early
    await job()
    assert reminders_to(h, 8001) == []
    clock.now = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)  # 3 Dec, 22:00: quiet hours
    await job()
    assert reminders_to(h, 8001) == []
    clock.now = datetime(2026, 12, 4, 1, 30, tzinfo=UTC)  # 4 Dec, 09:30
    await job()
    await job()  # another worker's run: nothing twice
    (first,) = reminders_to(h, 8001)
    assert "3-502" in first and "1,850.00" in first and "轉數快" in first  # zh-Hant, the config's how-to-pay
    assert len(reminders_to(h, 8002)) == 1  # 張偉, 3-201
    assert reminders_to(h, 8005) == []  # Peter owes nothing

    # 陳太太 opts out: the second reminder (from 10 Dec) goes to 張偉 only.
    message = next(m for m in h.fake.bot_messages(8001) if m.find_button("停止繳費提示"))
    await h.act(h.fake.press(8001, message, "停止繳費提示"))
    assert "/bill" in h.fake.bot_messages(8001)[-1].text
    clock.now = datetime(2026, 12, 10, 2, 0, tzinfo=UTC)
    await job()
    assert len(reminders_to(h, 8001)) == 1 and len(reminders_to(h, 8002)) == 2
    store = SqlNoticeStore(h.desk.db)
    chan = await h.desk.registry.by_telegram(8001)
    assert chan is not None and [seq for seq, _, _ in await store.reminders(chan.id)] == [1]
    assert not h.errors
