"""Staff desk variants from configuration: forum topics, round-robin and fixed dispatch; staff
commands; a group that migrates or removes the bot."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import embedded_config_text
from bot.demo.harness import Harness, running
from integrations.sql.testing import scratch_database
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.talk import last_number, link, press, report_repair
from tests.helpers import Clock

PETER, CHAN = 7002, 7001
ENGINEERING, SECURITY, MANAGERS = -1001000000002, -1001000000003, -1001000000009
CHRIS, DAVID, ERIC, GRACE = 9101, 9102, 9201, 9901


@pytest.fixture
async def forum_harness(tmp_path: Path) -> AsyncIterator[Harness]:
    """Engineering is a forum with round-robin dispatch; security assigns noise complaints to Eric."""
    text = embedded_config_text()
    text = text.replace(
        'chat_id = -1001000000002\ndispatch = "claim"',
        'chat_id = -1001000000002\ndispatch = "round_robin"\nforum = true',
    )
    text = text.replace(
        'staff = [{ user_id = 9201, name = "Eric Ng", role = "supervisor" }]',
        'staff = [{ user_id = 9201, name = "Eric Ng", role = "supervisor" }]\n'
        'dispatch = "fixed"\nfixed = { noise = 9201 }',
    )
    assert "round_robin" in text and "fixed = { noise" in text
    config = tmp_path / "estate.toml"
    config.write_text(text, encoding="utf-8")
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    async with scratch_database("sqlite", tmp_path) as db:
        async with running(
            database=db, redis_url=REDIS_URL, redis_prefix=prefix, config=str(config), clock=Clock()
        ) as h:
            yield h
    await drop_redis_prefix(prefix)


async def test_forum_topics_and_round_robin(forum_harness: Harness) -> None:
    h = forum_harness
    await link(h, PETER, "Resident", "+852 6123 0001")
    first = await report_repair(h, PETER, "Kitchen socket loose")
    second = await report_repair(h, PETER, "Bathroom light dead")
    t1, t2 = await h.desk.tickets.get(first), await h.desk.tickets.get(second)
    assert t1 is not None and t2 is not None
    # Round robin among on-duty staff: one each.
    assert {t1.assignee, t2.assignee} == {CHRIS, DAVID}
    # Each ticket has its own topic named with number, status and place; its card is in it.
    assert t1.topic_id and t2.topic_id and t1.topic_id != t2.topic_id
    card = next(m for m in h.fake.bot_messages(ENGINEERING) if m.text.startswith(first))
    assert card.message_thread_id == t1.topic_id
    topics = h.fake.calls_to("createForumTopic")
    assert any(c.params.get("name", "").startswith(f"{first} · Assigned · A-1203") for c in topics)
    # Writing in the ticket's topic reaches the resident as the desk.
    await h.act(h.fake.send_text(t1.assignee, "Electrician on the way", chat_id=ENGINEERING, thread_id=t1.topic_id))
    assert "Electrician on the way" in h.fake.bot_messages(PETER)[-1].text
    # Status changes rename the topic.
    card = next(m for m in h.fake.bot_messages(ENGINEERING) if m.text.startswith(first))
    await h.act(h.fake.press(t1.assignee, card, "Start"))
    renamed = h.fake.calls_to("editForumTopic")
    assert any(first in c.params.get("name", "") and "In progress" in c.params.get("name", "") for c in renamed)


async def test_no_edit_or_rename_that_changes_nothing_reaches_telegram(forum_harness: Harness) -> None:
    """Telegram refuses an unchanged message edit and an unchanged topic rename; neither is ever sent."""
    h = forum_harness
    await link(h, PETER, "Resident", "+852 6123 0001")
    number = await report_repair(h, PETER, "Kitchen socket loose")
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee is not None
    for button in ("Assign…", "‹ Back", "Start", "Assign…", "‹ Back"):
        card = next(m for m in h.fake.bot_messages(ENGINEERING) if m.text.startswith(number))
        await h.act(h.fake.press(ticket.assignee, card, button))
    renames = h.fake.calls_to("editForumTopic")
    assert len(renames) == 1 and "In progress" in renames[0].params.get("name", "")  # the status changed once
    refused = [(c.method, c.description) for c in h.fake.calls if c.status not in (None, 200)]
    assert refused == []
    assert not h.errors


async def test_fixed_dispatch_and_staff_commands(forum_harness: Harness) -> None:
    h = forum_harness
    await link(h, PETER, "Resident", "+852 6123 0001")
    await h.act(h.fake.send_text(PETER, "/complaint"))
    await press(h, PETER, PETER, "Noise")
    await h.act(h.fake.send_text(PETER, "Loud music from 13/F every night"))
    await press(h, PETER, PETER, "Skip photos")
    await press(h, PETER, PETER, "Confirm")
    number = last_number(h, PETER)
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee == ERIC
    assert "Expected by" in "\n".join(m.text for m in h.fake.bot_messages(PETER))

    await h.act(h.fake.send_text(ERIC, "/queue", chat_id=SECURITY))
    assert number in h.fake.bot_messages(SECURITY)[-1].text
    await h.act(h.fake.send_text(ERIC, "/mine", chat_id=SECURITY))
    assert number in h.fake.bot_messages(SECURITY)[-1].text
    await h.act(h.fake.send_text(ERIC, f"/ticket {number}", chat_id=SECURITY))
    assert "Loud music" in h.fake.bot_messages(SECURITY)[-1].text
    # Engineering staff may not read security's ticket; a manager may.
    h.fake.join(SECURITY, CHRIS)
    await h.act(h.fake.send_text(CHRIS, f"/ticket {number}", chat_id=SECURITY))
    assert "Loud music" not in h.fake.bot_messages(SECURITY)[-1].text
    await h.act(h.fake.send_text(GRACE, f"/ticket {number}", chat_id=SECURITY))
    assert "Loud music" in h.fake.bot_messages(SECURITY)[-1].text
    # /note as a reply to the card keeps something internal: the resident never sees it.
    card = next(m for m in h.fake.bot_messages(SECURITY) if m.text.startswith(number))
    await h.act(
        h.fake.send_text(ERIC, "/note neighbour has been warned twice", chat_id=SECURITY, reply_to=card.message_id)
    )
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.events[-1].action == "note"
    assert ticket.events[-1].detail["chat"] == SECURITY
    assert all("warned twice" not in m.text for m in h.fake.bot_messages(PETER))
    # A stranger's command is refused.
    h.fake.add_user(4242, "Mallory")
    h.fake.join(SECURITY, 4242)
    await h.act(h.fake.send_text(4242, "/queue", chat_id=SECURITY))
    assert "Only staff" in h.fake.bot_messages(SECURITY)[-1].text


async def test_bot_removed_from_a_group_tells_the_managers(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await h.act(
        h.fake.push_update(
            {
                "my_chat_member": {
                    "chat": {"id": ENGINEERING, "type": "supergroup", "title": "Engineering"},
                    "from": {"id": CHRIS, "is_bot": False, "first_name": "Chris"},
                    "date": 1,
                    "old_chat_member": {
                        "user": {"id": 123456, "is_bot": True, "first_name": "Bot"},
                        "status": "member",
                    },
                    "new_chat_member": {"user": {"id": 123456, "is_bot": True, "first_name": "Bot"}, "status": "left"},
                }
            }
        )
    )
    assert any("cannot post in staff chat" in m.text for m in h.fake.bot_messages(MANAGERS))
