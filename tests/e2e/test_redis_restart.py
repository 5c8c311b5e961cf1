"""Redis restarted empty (issue 9, item 7): forms under way are noticed and the resident told; staff prompts
and group migrations, kept in the database, are not lost at all."""

from __future__ import annotations

import uuid
from pathlib import Path

from bot.demo.harness import Harness, running
from bot.domain.tickets import TicketStatus
from integrations.sql.testing import scratch_database
from integrations.state.redis import RedisStateStore
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.e2e.talk import bot_texts, last_bot, last_number, link, press
from tests.helpers import Clock

PETER = 7002
ENGINEERING = -1001000000002
CHRIS = 9101
LOST = "your unfinished repair report was lost"


async def redis_restarted_empty(h: Harness) -> None:
    """Every key of this desk is gone: states, claims, locks (a Redis without persistence, restarted)."""
    await drop_redis_prefix(h.desk.settings.redis_prefix)


async def start_repair(h: Harness) -> None:
    await link(h, PETER, "Peter", "+852 6123 0001")
    await h.act(h.fake.send_text(PETER, "/repair"))
    await press(h, PETER, PETER, "Elevator")


async def test_a_button_of_a_lost_form_tells_the_resident_and_offers_to_start_again(harness: Harness) -> None:
    h = harness
    await start_repair(h)
    await redis_restarted_empty(h)
    update = await press(h, PETER, PETER, "My unit A-1203")
    assert h.fake.callback_answer(update).answer_text == "This button has expired."
    notice = last_bot(h, PETER)
    assert LOST in notice.text
    assert [text for row in notice.buttons for text, _ in row] == ["Start again", "Main menu"]
    await press(h, PETER, PETER, "Start again")
    assert last_bot(h, PETER).find_button("Elevator")  # the form, from its first question
    assert not h.errors


async def test_a_text_answer_for_a_lost_form_is_kept_for_the_new_one(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await start_repair(h)
    await press(h, PETER, PETER, "My unit A-1203")
    assert "describe" in last_bot(h, PETER).text.lower()
    await redis_restarted_empty(h)
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    assert LOST in last_bot(h, PETER).text
    assert "What can I do for you?" not in last_bot(h, PETER).text  # not silently the menu
    await press(h, PETER, PETER, "Start again")
    # What they typed is the new form's description (and tells its category): neither is asked again.
    # A lift is a common area: only its building is asked (one button per building of the resident's).
    place = last_bot(h, PETER)
    assert place.text.startswith("Which building's Lift")
    await press(h, PETER, PETER, place.buttons[0][0][0])
    for button in ("Skip photos", "Urgent", "Confirm"):
        await press(h, PETER, PETER, button)
    number = last_number(h, PETER)
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.description == "Lift A2 stops between floors"
    assert ticket.category == "elevator"
    assert not h.errors


async def test_a_form_lost_then_a_command_the_command_runs_and_the_resident_is_told(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await start_repair(h)
    await redis_restarted_empty(h)
    await h.act(h.fake.send_text(PETER, "/mytickets"))
    texts = bot_texts(h, PETER)
    assert LOST in texts and "You have no open tickets." in texts.split(LOST, 1)[1]
    # Told once: the next message is an ordinary one.
    await h.act(h.fake.send_text(PETER, "/help"))
    assert LOST not in last_bot(h, PETER).text and bot_texts(h, PETER).count(LOST) == 1
    assert not h.errors


async def test_a_staff_prompt_survives_a_redis_restart(sqlite_harness: Harness, clock: Clock) -> None:
    h = sqlite_harness
    await start_repair(h)
    for button in ("My unit A-1203",):
        await press(h, PETER, PETER, button)
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    for button in ("Skip photos", "Urgent", "Confirm"):
        await press(h, PETER, PETER, button)
    number = last_number(h, PETER)
    await press(h, CHRIS, ENGINEERING, "Claim")
    await press(h, CHRIS, ENGINEERING, "Resolve")
    prompt = last_bot(h, ENGINEERING)
    await redis_restarted_empty(h)
    # Kept until answered; but a plain message hours later is not taken for the answer...
    clock.advance(hours=2)
    await h.act(h.fake.send_text(CHRIS, "Lunch at 1?", chat_id=ENGINEERING))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is not TicketStatus.RESOLVED
    # ...while a reply to the question is, however late.
    await h.act(h.fake.send_text(CHRIS, "Cable re-tensioned.", chat_id=ENGINEERING, reply_to=prompt.message_id))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    assert ticket.resolution_note == "Cable re-tensioned."
    assert "Cable re-tensioned." in bot_texts(h, PETER)
    assert not h.errors


async def test_group_migrations_survive_a_redis_restart_and_old_records_are_carried_over(tmp_path: Path) -> None:
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    moved_to, legacy_old, legacy_new = -1009000000002, -4005, -1009000000005
    try:
        async with scratch_database("sqlite", tmp_path) as db:
            async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix) as h:
                await h.act(
                    h.fake.push_update(
                        {
                            "message": {
                                "message_id": 77,
                                "date": 1,
                                "chat": {"id": ENGINEERING, "type": "group", "title": "Engineering"},
                                "from": {"id": CHRIS, "is_bot": False, "first_name": "Chris"},
                                "migrate_to_chat_id": moved_to,
                            }
                        }
                    )
                )
                assert h.desk.desk.chat_moves == {ENGINEERING: moved_to}
            await drop_redis_prefix(prefix)
            # A desk of an older version kept migrations in Redis only; the next start moves them.
            store = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
            await store.save("chatmoves", {str(legacy_old): legacy_new})
            async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix) as h:
                assert h.desk.desk.chat_moves == {ENGINEERING: moved_to, legacy_old: legacy_new}
            assert await store.load("chatmoves") is None
            await store.close()
            await drop_redis_prefix(prefix)
            async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix) as h:
                assert h.desk.desk.chat_moves == {ENGINEERING: moved_to, legacy_old: legacy_new}
    finally:
        await drop_redis_prefix(prefix)


async def test_a_photo_sent_to_a_lost_complaint_is_kept_for_the_new_one(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await link(h, PETER, "Peter", "+852 6123 0001")
    await h.act(h.fake.send_text(PETER, "/complaint"))
    await press(h, PETER, PETER, "Noise")
    await redis_restarted_empty(h)
    await h.act(h.fake.send_photo(PETER, caption="Drilling upstairs at 11pm every night"))
    assert "your unfinished complaint was lost" in last_bot(h, PETER).text
    await press(h, PETER, PETER, "Start again")
    while not last_bot(h, PETER).find_button("Confirm"):
        message = last_bot(h, PETER)
        button = next(b for b in ("Noise", "My unit A-1203", "Done", "Skip photos") if message.find_button(b))
        await press(h, PETER, PETER, button)
    await press(h, PETER, PETER, "Confirm")
    ticket = await h.desk.tickets.get(last_number(h, PETER))
    assert ticket is not None and ticket.description == "Drilling upstairs at 11pm every night"
    assert len(ticket.attachments) == 1
    assert not h.errors


async def test_a_reply_to_a_staff_question_still_reaches_the_ticket_when_a_form_was_lost(
    sqlite_harness: Harness,
) -> None:
    h = sqlite_harness
    await start_repair(h)
    await press(h, PETER, PETER, "My unit A-1203")
    await h.act(h.fake.send_text(PETER, "Lift A2 stops between floors"))
    for button in ("Skip photos", "Urgent", "Confirm"):
        await press(h, PETER, PETER, button)
    await press(h, CHRIS, ENGINEERING, "Claim")
    await press(h, CHRIS, ENGINEERING, "Need info")
    prompt = last_bot(h, ENGINEERING)
    await h.act(h.fake.send_text(CHRIS, "Which floor?", chat_id=ENGINEERING, reply_to=prompt.message_id))
    question = next(m for m in reversed(h.fake.bot_messages(PETER)) if "Which floor?" in m.text)
    await h.act(h.fake.send_text(PETER, "/complaint"))  # another form under way...
    await redis_restarted_empty(h)  # ...and lost
    await h.act(h.fake.send_text(PETER, "Between 7 and 8", reply_to=question.message_id))
    assert any("Between 7 and 8" in m.text for m in h.fake.bot_messages(ENGINEERING))
    assert "your unfinished complaint was lost" in bot_texts(h, PETER)
    assert not h.errors
