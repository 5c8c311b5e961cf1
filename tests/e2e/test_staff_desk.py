"""The staff desk end to end (issue 4): cards with buttons, claim, need info, transfer, resolve, relay,
roster checks, duplicates, incidents, residents reopening and nudging. SQLite and PostgreSQL, Redis state.
"""

from __future__ import annotations

import asyncio

import pytest
from telegram.error import BadRequest

from bot.demo.harness import Harness
from bot.domain.tickets import TicketStatus
from tests.e2e.talk import bot_texts, last_number, press
from tests.e2e.talk import link as linked

CHAN, PETER, IVY = 7001, 7002, 7004
SERVICE_DESK, ENGINEERING, SECURITY, CLEANING = -1001000000001, -1001000000002, -1001000000003, -1001000000004
CHRIS, DAVID, ERIC, AMY, OUTSIDER = 9101, 9102, 9201, 9001, 4242


async def report_leak(h: Harness, user_id: int, text: str = "3棟502廚房漏水") -> str:
    await h.act(h.fake.send_text(user_id, text))
    await press(h, user_id, user_id, "略過相片")
    await press(h, user_id, user_id, "一般")
    await press(h, user_id, user_id, "確認")
    return last_number(h, user_id)


def card(h: Harness, chat_id: int, number: str):  # type: ignore[no-untyped-def]
    return next(m for m in h.fake.bot_messages(chat_id) if m.text.startswith(number) or number in m.text.split("\n")[0])


async def test_a_repair_through_the_whole_desk(harness: Harness) -> None:
    h = harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    c = card(h, ENGINEERING, number)
    assert [t for row in c.buttons for t, _ in row][:2] == ["Claim", "Assign…"]

    # Someone not on the roster is refused, and nothing changes.
    h.fake.add_user(OUTSIDER, "Mallory")
    h.fake.join(ENGINEERING, OUTSIDER)
    update = await press(h, OUTSIDER, ENGINEERING, "Claim")
    assert h.fake.callback_answer(update).show_alert
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee is None

    await press(h, CHRIS, ENGINEERING, "Claim")
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.ASSIGNED and ticket.assignee == CHRIS
    assert "Chris Wong" in card(h, ENGINEERING, number).text  # the card was edited in place
    assert "同事正在處理" in bot_texts(h, CHAN)

    # Need info: the staff member is prompted, the resident gets the question and answers it.
    await press(h, CHRIS, ENGINEERING, "Need info")
    prompt = h.fake.bot_messages(ENGINEERING)[-1]
    await h.act(
        h.fake.send_text(
            CHRIS, "Is the leak under the sink or from the ceiling?", chat_id=ENGINEERING, reply_to=prompt.message_id
        )
    )
    question = h.fake.bot_messages(CHAN)[-1]
    assert "Is the leak under the sink" in question.text
    await h.act(h.fake.send_text(CHAN, "洗碗盆下面", reply_to=question.message_id))
    assert any("洗碗盆下面" in m.text for m in h.fake.bot_messages(ENGINEERING))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.IN_PROGRESS

    # A reply to the card goes to the resident as the desk; the staff name stays hidden.
    await h.act(
        h.fake.send_text(
            CHRIS, "We will come at 3pm today.", chat_id=ENGINEERING, reply_to=card(h, ENGINEERING, number).message_id
        )
    )
    relayed = h.fake.bot_messages(CHAN)[-1]
    assert "We will come at 3pm today." in relayed.text and "客服中心" in relayed.text and "Chris" not in relayed.text

    # Transfer: the card moves to security with its history; the old card says where it went.
    await press(h, CHRIS, ENGINEERING, "Transfer…")
    await press(h, CHRIS, ENGINEERING, "Security")
    assert "Transferred to Security" in card(h, ENGINEERING, number).text
    assert card(h, SECURITY, number).buttons
    assert "保安部" in bot_texts(h, CHAN)

    # Resolve with a note; the resident hears it and can say it is not fixed.
    await press(h, ERIC, SECURITY, "Resolve")
    prompt = h.fake.bot_messages(SECURITY)[-1]
    await h.act(h.fake.send_text(ERIC, "Valve replaced.", chat_id=SECURITY, reply_to=prompt.message_id))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED and ticket.resolution_note == "Valve replaced."
    resolved = h.fake.bot_messages(CHAN)[-1]
    assert "Valve replaced." in resolved.text
    await h.act(h.fake.press(CHAN, resolved, "仍未修好"))
    before = ticket.sla_due_at
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is not TicketStatus.RESOLVED and ticket.reopen_count == 1
    assert ticket.sla_due_at is not None and before is not None and ticket.sla_due_at >= before  # the clock restarts
    actions = [e.action for e in ticket.events]
    for expected in ("claimed", "need_info", "info_received", "relayed_out", "transferred", "resolved", "reopened"):
        assert expected in actions
    assert not h.errors


async def test_two_staff_claim_at_once_one_wins(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    c = card(h, ENGINEERING, number)
    a, b = await asyncio.gather(h.fake.press(CHRIS, c, "Claim"), h.fake.press(DAVID, c, "Claim"))
    await h.settle(a)
    await h.settle(b)
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.assignee in (CHRIS, DAVID)
    assert [e.action for e in ticket.events].count("claimed") == 1
    answers = [h.fake.callback_answer(u).answer_text or "" for u in (a, b)]
    assert any("Already taken" in t for t in answers)
    # A double tap by the winner acts once too.
    winner = ticket.assignee
    again = await h.act(h.fake.press(winner, card(h, ENGINEERING, number), "Start"))
    again2 = await h.act(h.fake.redeliver(again))
    assert again2
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and [e.action for e in ticket.events].count("started") == 1


async def test_duplicates_merge_and_incident_resolves_every_report_once(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")
    await linked(h, IVY, "Ivy", "+852 9345 6789", "zh-hk")

    async def common_area(user_id: int, where: str, what: str, buttons: tuple[str, ...]) -> str:
        await h.act(h.fake.send_text(user_id, "/repair"))
        await press(h, user_id, user_id, buttons[0])  # Common area
        await h.act(h.fake.send_text(user_id, where))
        await h.act(h.fake.send_text(user_id, what))
        for b in buttons[1:]:
            await press(h, user_id, user_id, b)
        return last_number(h, user_id)

    first = await common_area(
        PETER,
        "Block 2 car park",
        "Water dripping from a pipe, puddles on the floor",
        ("Common area", "Skip photos", "Urgent", "Confirm"),
    )
    second = await common_area(IVY, "Block 2 car park B1", "停車場大量漏水", ("公共地方", "略過相片", "緊急", "確認"))
    assert "Possible duplicate of: " + first in card(h, CLEANING, second).text
    # Merge the second into the first: its resident is told and hears the result later.
    await press(h, 9301, CLEANING, "Merge into…")
    await press(h, 9301, CLEANING, f"Into {first}")
    merged = await h.desk.tickets.get(second)
    assert merged is not None and merged.merged_into == first and merged.status is TicketStatus.CLOSED
    assert first in bot_texts(h, IVY)

    # An incident from the first ticket; a later report of the same kind attaches to it.
    c1 = card(h, CLEANING, first)
    await h.act(h.fake.press(9301, c1, "Open incident"))
    third = await common_area(
        IVY, "Block 2 lift lobby", "lobby floor is wet too", ("公共地方", "略過相片", "一般", "確認")
    )
    t3 = await h.desk.tickets.get(third)
    assert t3 is not None and t3.incident == "I-0001"
    await h.act(h.fake.send_text(9301, "/incident resolve I-0001 Main valve replaced", chat_id=CLEANING))
    for n in (first, third):
        t = await h.desk.tickets.get(n)
        assert t is not None and t.status is TicketStatus.RESOLVED
    assert bot_texts(h, PETER).count("Main valve replaced") == 1
    # Ivy reported twice (one report merged): she hears the result once, like everyone else.
    assert bot_texts(h, IVY).count("Main valve replaced") == 1


async def test_resident_nudges_an_overdue_ticket(sqlite_harness: Harness, clock) -> None:  # type: ignore[no-untyped-def]
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    clock.advance(days=7)  # well past the 48 working hours a plumbing repair may take
    await h.act(h.fake.send_text(CHAN, "/mytickets"))
    listing = next(
        m
        for m in reversed(h.fake.bot_messages(CHAN))
        if m.find_button(f"催辦 {number}") or m.find_button(f"Nudge {number}")
    )
    button = f"催辦 {number}" if listing.find_button(f"催辦 {number}") else f"Nudge {number}"
    await h.act(h.fake.press(CHAN, listing, button))
    assert any("chasing" in m.text and number in m.text for m in h.fake.bot_messages(ENGINEERING))


async def test_a_staff_reply_to_a_card_is_acknowledged_with_a_reaction(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    posted = len(h.fake.bot_messages(ENGINEERING))
    update = await h.act(
        h.fake.send_text(
            CHRIS, "We will come at 3pm.", chat_id=ENGINEERING, reply_to=card(h, ENGINEERING, number).message_id
        )
    )
    assert "We will come at 3pm." in h.fake.bot_messages(CHAN)[-1].text
    reply = h.fake.state.chats[ENGINEERING].message(update["message"]["message_id"])
    assert reply is not None and reply.reactions == {h.fake.state.bot.id: ["👍"]}
    # A reaction, not a message: the group's ~20 messages a minute are kept for cards.
    assert len(h.fake.bot_messages(ENGINEERING)) == posted

    # Telegram refuses what it would refuse: an emoji not on its list, two at once, a message that is not there.
    bot = h.desk.bot
    with pytest.raises(BadRequest, match=r"(?i)reaction_invalid"):
        await bot.set_message_reaction(ENGINEERING, reply.message_id, "🦆")
    with pytest.raises(BadRequest, match=r"(?i)reactions_too_many"):
        await bot.set_message_reaction(ENGINEERING, reply.message_id, ["👍", "👌"])
    with pytest.raises(BadRequest, match=r"(?i)message to react not found"):
        await bot.set_message_reaction(ENGINEERING, 999_999, "👍")
    await bot.set_message_reaction(ENGINEERING, reply.message_id, [])  # taking it away is allowed
    assert reply.reactions == {}


async def test_where_reactions_are_off_a_short_reply_acknowledges_instead(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    posted = len(h.fake.bot_messages(ENGINEERING))
    h.fake.fail_next("setMessageReaction", 400, description="Bad Request: REACTION_INVALID")
    update = await h.act(
        h.fake.send_text(CHRIS, "On our way.", chat_id=ENGINEERING, reply_to=card(h, ENGINEERING, number).message_id)
    )
    assert "On our way." in h.fake.bot_messages(CHAN)[-1].text  # relayed once
    assert len([m for m in h.fake.bot_messages(CHAN) if "On our way." in (m.text or "")]) == 1
    acknowledgements = h.fake.bot_messages(ENGINEERING)[posted:]
    assert [m.text for m in acknowledgements] == ["Sent to the resident."]
    assert acknowledgements[0].reply_to_message_id == update["message"]["message_id"]
