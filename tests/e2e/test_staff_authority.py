"""Staff commands and buttons act only in the chats configured for them (issue 9, items 2, 3 and 9).

Every staff command from a rostered member and from an outsider, in the department's group, another
department's group, the managers' chat, a foreign group and a private chat; forged button data in
groups and in private chats. Nothing about a resident leaves the desk's chats, every press is
answered, nothing raises, and every refusal is in the audit trail that managers read with /audit.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.demo.harness import Harness, running
from bot.domain.audit import AuditEntry, Place, Refusal
from bot.domain.residents import Language
from bot.i18n import translate
from bot.staff.router import SHARED_COMMANDS
from integrations.sql.testing import scratch_database
from integrations.telegram_fake.model import FakeMessage
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.talk import bot_texts, link, press
from tests.helpers import Clock

CHAN = 7001
ENGINEERING, SECURITY, MANAGERS, FOREIGN = -1001000000002, -1001000000003, -1001000000009, -1005550000001
CHRIS, DAVID, GRACE, OUTSIDER = 9101, 9102, 9901, 4242
MAX_ID = 2**63 - 1

# Each staff command, with arguments that would make it answer something.
COMMANDS = (
    "queue",
    "mine",
    "overdue",
    "ticket {number}",
    "incident",
    "note checked the valve",
    "help",
    "notice building:9\nWater off on Friday.",
    "remind 9-999",
    "report",
    "audit",
)
PRIVATE = "private"
CHATS: tuple[int | str, ...] = (ENGINEERING, SECURITY, MANAGERS, FOREIGN, PRIVATE)


@pytest.fixture
async def busy_harness(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: Clock) -> AsyncIterator[Harness]:
    """SQLite; staff groups take more than Telegram's ~20 messages a minute: the matrix sends over a hundred."""
    monkeypatch.setenv("ESTATEDESK_GROUP_PER_MINUTE", "1000")
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    async with scratch_database("sqlite", tmp_path) as db:
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock) as h:
            yield h
    await drop_redis_prefix(prefix)


async def report_leak(h: Harness) -> tuple[str, int]:
    await link(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水"))
    await press(h, CHAN, CHAN, "略過相片")
    await press(h, CHAN, CHAN, "一般")
    await press(h, CHAN, CHAN, "確認")
    ticket = (await h.desk.tickets.open_tickets(department="engineering"))[0]
    return ticket.number, ticket.id


def secrets_of(number: str) -> tuple[str, ...]:
    """What must never be shown outside the desk's chats: the resident, their phone, unit, words, ticket."""
    return ("陳太太", "4567", "3棟502", "廚房漏水", "3-502", number)


async def command(h: Harness, user: int, chat: int | str, text: str) -> list[FakeMessage]:
    """``user`` sends ``text`` in ``chat``; the bot's messages there that answer it."""
    chat_id = user if chat == PRIVATE else int(chat)
    before = len(h.fake.bot_messages(chat_id))
    await h.act(h.fake.send_text(user, text, chat_id=None if chat == PRIVATE else chat_id))
    # The weekly digest goes to the managers' chat at the first minute boundary the desk lives through, which a
    # slow run can reach in the middle of this matrix: it answers no command.
    return [m for m in h.fake.bot_messages(chat_id)[before:] if not (m.text or "").startswith("Weekly figures\n")]


def expected_refusal(user: int, chat: int | str, name: str) -> tuple[Refusal, Place] | None:
    if chat == PRIVATE:
        return None if name in SHARED_COMMANDS else (Refusal.WRONG_CHAT, Place.PRIVATE)
    if chat == FOREIGN:
        return Refusal.WRONG_CHAT, Place.FOREIGN
    place = Place.MANAGERS if chat == MANAGERS else Place.DEPARTMENT
    if user == OUTSIDER:
        return Refusal.NOT_STAFF, place
    if chat == ENGINEERING and name not in ("report", "audit"):
        return None
    return Refusal.WRONG_CHAT, place


def refusal_text(user: int, chat: int | str, name: str) -> str | None:
    """The reply a refusal gets: none in a foreign group."""
    if chat == FOREIGN:
        return None
    if chat == PRIVATE:
        return "Staff commands work only in the desk's staff groups."
    if user == OUTSIDER:
        return f"Only staff can use /{name}."
    if chat == MANAGERS or name in ("report", "audit"):
        return f"Only managers can use /{name}, in the managers' chat."
    return f"Use /{name} in your own department's group."


async def test_every_staff_command_in_every_kind_of_chat(busy_harness: Harness, caplog: Any) -> None:
    h = busy_harness
    caplog.set_level(logging.WARNING)
    number, _id = await report_leak(h)
    h.fake.add_user(OUTSIDER, "Mallory")
    h.fake.add_group(FOREIGN, "Residents' chit-chat", members=[CHRIS, GRACE, OUTSIDER, CHAN])
    for chat in (ENGINEERING, SECURITY, MANAGERS):
        h.fake.join(int(chat), OUTSIDER)
    h.fake.join(SECURITY, CHRIS)
    h.fake.join(MANAGERS, CHRIS)
    secrets = secrets_of(number)

    refusals: list[tuple[int, int, str, Refusal, Place]] = []
    for user in (CHRIS, OUTSIDER):
        for chat in CHATS:
            for template in COMMANDS:
                text = "/" + template.format(number=number)
                name = template.split()[0]
                answer = await command(h, user, chat, text)
                where = f"/{name} by {user} in {chat}"
                refused = expected_refusal(user, chat, name)
                if refused is None:
                    assert answer, f"{where}: no answer"
                    continue
                chat_id = user if chat == PRIVATE else int(chat)
                refusals.append((user, chat_id, f"/{name}", *refused))
                expected = refusal_text(user, chat, name)
                assert [m.text for m in answer] == ([expected] if expected else []), where
                assert not any(s in (m.text or "") for m in answer for s in secrets), f"{where}: leaked"

    # The allowed answers do show the resident: the leak check above would have caught one.
    assert "廚房漏水" in bot_texts(h, ENGINEERING)
    # Nothing at all was said in the foreign group; the private chats name no ticket.
    assert h.fake.bot_messages(FOREIGN) == []
    for user in (CHRIS, OUTSIDER):
        assert not any(s in bot_texts(h, user) for s in secrets)

    trail = await h.desk.router.audit.recent(1000)  # type: ignore[union-attr]
    assert sorted((e.user_id, e.chat_id, e.attempt, e.refusal, e.place) for e in trail) == sorted(refusals)

    # A manager: everything in the managers' chat; a department's group shows that department only.
    queue = await command(h, GRACE, MANAGERS, "/queue")
    assert number in (queue[0].text or "") and "all departments" in (queue[0].text or "")
    other = await command(h, GRACE, SECURITY, f"/ticket {number}")
    assert [m.text for m in other] == [f"{number} belongs to Engineering; ask in its group or the managers' chat."]
    assert await command(h, GRACE, FOREIGN, "/queue") == []
    audit = await command(h, GRACE, MANAGERS, "/audit")
    listing = audit[0].text or ""
    assert "Refused staff attempts" in listing
    # The newest first: the manager's own /queue in the foreign group, then the outsider's last attempts.
    assert listing.index("Grace Ho (9901) · other group -1005550000001 · /queue · not in this chat") < listing.index(
        "4242 · private chat 4242 · /audit · not in this chat"
    )
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not h.errors


def card(h: Harness, number: str) -> FakeMessage:
    return next(m for m in h.fake.bot_messages(ENGINEERING) if (m.text or "").startswith(number))


async def forged_press(h: Harness, user: int, message: FakeMessage, data: str) -> Any:
    update = await h.act(h.fake.press(user, message, data, forge=True))
    return h.fake.callback_answer(update)


async def test_forged_buttons_in_a_staff_group_are_answered_and_recorded(harness: Harness, caplog: Any) -> None:
    h = harness
    caplog.set_level(logging.WARNING)
    number, ticket_id = await report_leak(h)
    h.fake.add_user(OUTSIDER, "Mallory")
    h.fake.join(ENGINEERING, OUTSIDER)
    message = card(h, number)
    forged = [
        "t:²:claim",  # passes str.isdigit(), fails int()
        "t:٣:claim",  # int() reads it as 3
        f"t:{MAX_ID + 1}:claim",  # beyond BIGINT: the driver's DataError
        "t:99999999999999999999:claim",
        f"t:{ticket_id}:assign:²",
        f"t:{ticket_id}:assign:99999999999999999999",
        f"t:{ticket_id}:merge:{MAX_ID + 1}",
        f"t:{ticket_id}:xfer:nowhere at all",
        f"t:{ticket_id}:bogus",
        f"t:0{ticket_id}:claim",
        "n:²:go",
        "n:99999999999999999999:go",
        "r:1:msg",
        "zz:top",
        "t:1:claim\u202e",
    ]
    events = len(ticket.events) if (ticket := await h.desk.tickets.get(number)) else 0
    for data in forged:
        answer = await forged_press(h, CHRIS, message, data)
        assert answer.answered and answer.answer_text == "This button has expired.", data
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee is None and len(ticket.events) == events
    # An outsider is refused before anything is looked up: a ticket that does not exist is not "expired" for them.
    for data in ("t:999999:claim", f"t:{ticket_id}:claim", "t:²:claim", "n:1:go"):
        answer = await forged_press(h, OUTSIDER, message, data)
        assert answer.answered and answer.show_alert and answer.answer_text == "Only staff can do that.", data
    # David is an agent: a notice's Confirm is for supervisors and managers.
    answer = await forged_press(h, DAVID, message, "n:1:go")
    assert answer.answer_text == "Only supervisors and managers can do that."
    # An outsider's reply to the card never reaches the resident; a word in the group that is not for the desk
    # is not an attempt.
    told = len(h.fake.bot_messages(CHAN))
    await h.act(h.fake.send_text(OUTSIDER, "Free pizza at 3-502!", chat_id=ENGINEERING, reply_to=card(h, number)))
    await h.act(h.fake.send_text(OUTSIDER, "Anyone up for lunch?", chat_id=ENGINEERING))
    assert len(h.fake.bot_messages(CHAN)) == told
    # Ticket numbers typed with other scripts' digits, or too long for any ticket, are no ticket.
    for typed in ("R-²", "R-𐩀", "R-99999999999999999999"):
        await h.act(h.fake.send_text(CHRIS, f"/ticket {typed}", chat_id=ENGINEERING))
        assert h.fake.bot_messages(ENGINEERING)[-1].text == f"No ticket {typed}. Write it as /ticket R-000123."
    # The real button still works.
    await press(h, CHRIS, ENGINEERING, "Claim")
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee == CHRIS
    # Transferred to security: its old card in engineering cannot act on it any more, forged or not.
    await press(h, CHRIS, ENGINEERING, "Transfer…")
    await press(h, CHRIS, ENGINEERING, "Security")
    answer = await forged_press(h, CHRIS, message, f"t:{ticket_id}:resolve")
    assert answer.show_alert and answer.answer_text == "Only staff of this department can do that."

    trail: list[AuditEntry] = await h.desk.router.audit.recent(100)  # type: ignore[union-attr]
    assert sorted(e.refusal for e in trail) == sorted(
        [Refusal.FORGED] * len(forged) + [Refusal.NOT_STAFF] * 5 + [Refusal.ROLE, Refusal.WRONG_CHAT]
    )
    assert any(e.attempt == "reply" and e.user_id == OUTSIDER for e in trail)
    assert {e.chat_id for e in trail} == {ENGINEERING} and {e.place for e in trail} == {Place.DEPARTMENT}
    assert any(e.attempt == "button t:²:claim" and e.user_id == CHRIS for e in trail)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not h.errors


@pytest.mark.parametrize(
    "template",
    [
        "r:²:msg",
        "r:٣:reopen",
        "r:99999999999999999999:msg",
        "r:{max}:nudge",
        "r:{id}:delete",
        "s:²:5",
        "s:99999999999999999999:5",
        "s:1:9",
        "q:1:²:1",
        "q:99999999999999999999:0:1",
        "f:bogus",
        "t:{id}:claim",
        "n:1:go",
        "d:zz:unit:²",
        "",
    ],
)
async def test_forged_buttons_in_a_private_chat_get_a_polite_answer(
    sqlite_harness: Harness, caplog: Any, template: str
) -> None:
    h = sqlite_harness
    caplog.set_level(logging.WARNING)
    number, ticket_id = await report_leak(h)
    message = h.fake.bot_messages(CHAN)[-1]
    before = len(h.fake.bot_messages(CHAN))
    data = template.format(id=ticket_id, max=MAX_ID + 1) or " "
    answer = await forged_press(h, CHAN, message, data)
    assert answer.answered and answer.answer_text == translate(Language.ZH_HANT, "This button has expired.")
    assert all("Sorry, something went wrong" not in (m.text or "") for m in h.fake.bot_messages(CHAN)[before:])
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status.value == "new"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not h.errors


async def test_a_press_that_fails_inside_is_still_answered(sqlite_harness: Harness, caplog: Any) -> None:
    """Not forged, just unlucky: Telegram refuses the message to the resident in a way nobody planned for.

    The processor logs the failure and runs the turn again (a turn failing on every attempt is set aside
    as a dead letter: tests/e2e/test_dead_letters.py); the press is answered either way."""
    h = sqlite_harness
    await report_leak(h)
    h.fake.fail_next("sendMessage", 400, description="Bad Request: something nobody planned for")
    with caplog.at_level(logging.DEBUG, logger="bot.channels.telegram.processor"):
        update = await press(h, CHRIS, ENGINEERING, "Claim")
    assert any("failed" in r.getMessage() for r in caplog.records)  # the fault is logged, not hidden
    answer = h.fake.callback_answer(update)
    assert answer.answered and answer.answer_text
