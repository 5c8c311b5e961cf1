"""Staff groups that Telegram upgrades to supergroups (a new chat id) while the desk runs: every message for them,
the managers' weekly digest and escalations included, follows them to the new id, and staff work on there."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import embedded_config_text
from bot.demo.harness import Harness, running
from bot.reports.telegram import ReportDesk
from integrations.sql.testing import scratch_database
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.talk import link, press, report_repair
from tests.helpers import Clock
from tests.reports.fixture import load_fixture

PETER = 7002
CHRIS, GRACE = 9101, 9901  # engineering supervisor; a manager
# Basic groups, as an estate's chats often start: Telegram upgrades them when a topic or a public link is added.
ENGINEERING, MANAGERS = -4002, -4009


@pytest.fixture
async def basic_groups(tmp_path: Path, clock: Clock) -> AsyncIterator[Harness]:
    text = embedded_config_text()
    text = text.replace("managers_chat_id = -1001000000009", f"managers_chat_id = {MANAGERS}")
    text = text.replace("chat_id = -1001000000002", f"chat_id = {ENGINEERING}")
    assert str(MANAGERS) in text and str(ENGINEERING) in text
    config = tmp_path / "estate.toml"
    config.write_text(text, encoding="utf-8")
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    async with scratch_database("sqlite", tmp_path) as db:
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, config=str(config), clock=clock) as h:
            yield h
    await drop_redis_prefix(prefix)


async def upgrade(h: Harness, chat_id: int, by: int) -> int:
    update = await h.act(h.fake.upgrade_group(by, chat_id))
    new: int = update["message"]["migrate_to_chat_id"]
    return new


async def test_the_managers_chat_upgraded_gets_the_digest_and_answers_report_there(
    basic_groups: Harness, clock: Clock
) -> None:
    h = basic_groups
    await load_fixture(h.desk.db, estate=False)
    new = await upgrade(h, MANAGERS, GRACE)
    assert await h.desk.durable.chat_moves() == {MANAGERS: new}

    desk: ReportDesk = h.desk.report_desk  # type: ignore[attr-defined]
    clock.now = datetime(2026, 11, 9, 1, 0, tzinfo=UTC)  # Monday 09:00 in Hong Kong
    assert await desk.digest() is True
    sent = h.fake.bot_messages(new)
    assert len([m for m in sent if m.text and "Weekly figures" in m.text]) == 1 and [m for m in sent if m.photo]

    await h.act(h.fake.send_text(GRACE, "/report 2026-11", chat_id=new))
    latest = [m.text or "" for m in h.fake.bot_messages(new) if m.text][-1]
    assert "Figures 2026-11-01 – 2026-11-30" in latest  # not "Only managers can use /report, in the managers' chat."
    assert not h.fake.bot_messages(MANAGERS) and not h.errors


async def test_a_group_upgraded_unseen_by_this_worker_still_gets_its_cards(basic_groups: Harness) -> None:
    # The upgrade's service message reached another worker: this one still holds the old id when the card goes.
    h = basic_groups
    new = await upgrade(h, ENGINEERING, CHRIS)
    h.desk.desk.chat_moves.clear()

    await link(h, PETER, "Peter", "+852 6123 0001")
    number = await report_repair(h, PETER, "Corridor light flickering outside my door")

    cards = [m for m in h.fake.bot_messages(new) if number in (m.text or "")]
    assert len(cards) == 1 and h.desk.desk.chat_moves == {ENGINEERING: new}
    await press(h, CHRIS, new, "Claim")
    card = next(m for m in h.fake.bot_messages(new) if number in (m.text or ""))
    assert "Chris Wong" in (card.text or "")
    assert number in "\n".join(m.text or "" for m in h.fake.bot_messages(PETER)[-2:])
    assert not h.errors
