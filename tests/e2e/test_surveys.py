"""Follow-up surveys and questionnaires end to end: fake Telegram, controlled clock, SQLite and PostgreSQL, Redis."""

from __future__ import annotations

import asyncio
import re
import uuid
from pathlib import Path
from typing import Any

from bot.demo.harness import Harness, running
from bot.domain.surveys import parse_audience
from bot.domain.tickets import Ticket, TicketEvent, TicketStatus
from bot.errors import BackendUnavailable
from bot.settings import DEMO_TOKEN
from bot.surveys.questionnaires import load_questionnaire
from integrations.sql.surveys import SqlSurveys
from integrations.sql.testing import scratch_database
from integrations.telegram_fake.server import FakeTelegram
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.helpers import Clock

CHAN, PETER = 7001, 7002
ENGINEERING = -1001000000002
CHRIS = 9101


async def linked(h: Harness, user_id: int, name: str, phone: str, lang: str) -> None:
    h.fake.add_user(user_id, name, language_code=lang)
    await h.act(h.fake.send_text(user_id, "/start"))
    await h.act(h.fake.send_contact(user_id, phone))


async def press(h: Harness, user_id: int, chat_id: int, button: str) -> dict:
    message = next(m for m in reversed(h.fake.messages(chat_id)) if m.from_bot and m.find_button(button))
    return await h.act(h.fake.press(user_id, message, button))


def card_text(h: Harness, number: str) -> str:
    return next(m.text for m in h.fake.bot_messages(ENGINEERING) if m.text.split("\n")[0].endswith(number))


async def resolved_leak(h: Harness) -> str:
    """陳太太 reports a leak; Chris claims and resolves it."""
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水"))
    for label in ("略過相片", "一般", "確認"):
        await press(h, CHAN, CHAN, label)
    number = next(
        found.group(0) for m in reversed(h.fake.bot_messages(CHAN)) if (found := re.search(r"R-\d{6}", m.text))
    )
    await press(h, CHRIS, ENGINEERING, "Claim")
    await press(h, CHRIS, ENGINEERING, "Resolve")
    prompt = h.fake.bot_messages(ENGINEERING)[-1]
    await h.act(h.fake.send_text(CHRIS, "Valve replaced.", chat_id=ENGINEERING, reply_to=prompt.message_id))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    return number


async def surveyed_leak(h: Harness, clock: Clock) -> str:
    """陳太太's leak, resolved a day ago: its follow-up survey has just been sent."""
    number = await resolved_leak(h)
    clock.advance(hours=25)
    await run_job(h, "surveys")
    return number


async def run_job(h: Harness, name: str) -> None:
    job = next(job for n, _, job in h.desk.jobs if n == name)
    await job()


def survey_message(h: Harness, user_id: int):  # type: ignore[no-untyped-def]
    return next(m for m in reversed(h.fake.bot_messages(user_id)) if m.find_button("5⭐"))


def actions(ticket) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in ticket.events]


async def test_survey_after_the_delay_a_good_rating_is_recorded_once_with_its_comment(
    harness: Harness, clock: Clock
) -> None:
    h = harness
    number = await resolved_leak(h)
    before = len(h.fake.bot_messages(CHAN))
    clock.advance(hours=23)
    await run_job(h, "surveys")
    assert len(h.fake.bot_messages(CHAN)) == before  # not due yet
    clock.advance(hours=2)
    await run_job(h, "surveys")
    await run_job(h, "surveys")  # a second sweep (another worker) sends nothing more
    asked = [m for m in h.fake.bot_messages(CHAN)[before:] if m.find_button("5⭐")]
    assert len(asked) == 1 and number in asked[0].text and "評分" in asked[0].text

    # A double tap: both presses arrive; the answer counts once.
    message = survey_message(h, CHAN)
    a, b = await asyncio.gather(h.fake.press(CHAN, message, "5⭐"), h.fake.press(CHAN, message, "5⭐"))
    await h.settle(a)
    await h.settle(b)
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    answered = [e for e in ticket.events if e.action == "survey_answered"]
    assert len(answered) == 1 and answered[0].detail["rating"] == 5
    assert "survey_sent" in actions(ticket)

    await h.act(h.fake.send_text(CHAN, "師傅好有禮貌"))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and "survey_comment" in actions(ticket)
    assert any("師傅好有禮貌" in m.text for m in h.fake.bot_messages(ENGINEERING))
    assert "5/5" in card_text(h, number)
    assert not h.errors


async def test_a_low_rating_reopens_the_ticket_and_tells_staff(harness: Harness, clock: Clock) -> None:
    h = harness
    number = await surveyed_leak(h, clock)
    await h.act(h.fake.press(CHAN, survey_message(h, CHAN), "1⭐"))
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is not TicketStatus.RESOLVED and ticket.reopen_count == 1
    assert actions(ticket)[-2:] == ["survey_answered", "reopened"]
    assert "重新處理" in h.fake.bot_messages(CHAN)[-2].text
    card = card_text(h, number)
    assert "1/5" in card and "Resolved" not in card.split("Status")[1].split("\n")[0]
    assert any("reopened after the follow-up survey" in m.text for m in h.fake.bot_messages(ENGINEERING))

    # A forged button (someone else's survey, or none) is refused politely and changes nothing.
    update = await h.act(h.fake.press(CHAN, h.fake.bot_messages(CHAN)[-1], "s:999999:1", forge=True))
    assert h.fake.callback_answer(update).answer_text
    again = await h.desk.tickets.get(number)
    assert again is not None and again.version == ticket.version
    assert not h.errors


MANAGERS = -1001000000009


async def test_a_low_rating_whose_reopen_hit_a_database_outage_is_reopened_on_redelivery(
    harness: Harness, clock: Clock
) -> None:
    """The answer is stored, then the database fails: the press is deferred and its redelivery finishes the job."""
    h = harness
    number = await surveyed_leak(h, clock)
    backend = h.desk.tickets
    real_append = backend.append_event
    failures: list[str] = []

    async def append_failing_once(number: str, event: TicketEvent, **kwargs: Any) -> Ticket:
        if event.action == "reopened" and not failures:
            failures.append(number)
            raise BackendUnavailable("database unavailable (write): injected outage")
        return await real_append(number, event, **kwargs)

    backend.append_event = append_failing_once  # type: ignore[method-assign]
    try:
        await h.act(h.fake.press(CHAN, survey_message(h, CHAN), "1⭐"))
        for _ in range(200):  # polling redelivers the deferred press; wait for its reply
            if any("重新處理" in m.text for m in h.fake.bot_messages(CHAN)):
                break
            await asyncio.sleep(0.05)
    finally:
        backend.append_event = real_append  # type: ignore[method-assign]
    await h.desk.processor.drain()
    assert failures == [number]
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.reopen_count == 1
    assert actions(ticket).count("survey_answered") == 1 and actions(ticket).count("reopened") == 1
    replies = [m.text for m in h.fake.bot_messages(CHAN)]
    assert any("重新處理" in text for text in replies)  # the resident hears of the reopen
    assert any("reopened after the follow-up survey" in m.text for m in h.fake.bot_messages(ENGINEERING))
    assert not any(number in m.text for m in h.fake.bot_messages(MANAGERS))  # not escalated as well
    assert all(isinstance(e, BackendUnavailable) for e in h.errors)


async def test_an_answer_stored_just_before_a_crash_is_acted_on_by_the_next_sweep(
    harness: Harness, clock: Clock
) -> None:
    h = harness
    number = await surveyed_leak(h, clock)
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None
    surveys = SqlSurveys(h.desk.db)
    survey = await surveys.for_ticket(ticket.id)
    assert survey is not None
    # What a process that died right after committing a "not fixed" answer leaves behind.
    assert await surveys.answer(survey.id, None, True, clock())

    await run_job(h, "surveys")  # within the grace period the press itself may still be acting
    left = await h.desk.tickets.get(number)
    assert left is not None and left.status is TicketStatus.RESOLVED
    clock.advance(minutes=5)
    await run_job(h, "surveys")
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.status is not TicketStatus.RESOLVED and ticket.reopen_count == 1
    assert actions(ticket)[-2:] == ["survey_answered", "reopened"]
    await run_job(h, "surveys")  # nothing left to do: not reopened twice
    again = await h.desk.tickets.get(number)
    assert again is not None and again.version == ticket.version
    assert sum("reopened after the follow-up survey" in m.text for m in h.fake.bot_messages(ENGINEERING)) == 1
    assert not h.errors


async def test_no_answer_one_reminder_then_a_phone_follow_up_on_the_card(harness: Harness, clock: Clock) -> None:
    h = harness
    number = await surveyed_leak(h, clock)
    clock.advance(hours=49)
    await run_job(h, "surveys")
    await run_job(h, "surveys")
    asked = [m for m in h.fake.bot_messages(CHAN) if m.find_button("5⭐")]
    assert len(asked) == 2 and "溫馨提示" in asked[1].text
    clock.advance(hours=49)
    await run_job(h, "surveys")
    clock.advance(hours=49)
    await run_job(h, "surveys")
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None
    assert actions(ticket).count("survey_reminded") == 1 and actions(ticket).count("followup_phone") == 1
    assert len([m for m in h.fake.bot_messages(CHAN) if m.find_button("5⭐")]) == 2
    assert "call the resident" in card_text(h, number)
    assert any("Please call the resident" in m.text for m in h.fake.bot_messages(ENGINEERING))
    assert not h.errors


async def test_an_old_survey_button_still_works_after_a_restart(tmp_path: Path) -> None:
    clock = Clock()
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    fake = FakeTelegram(token=DEMO_TOKEN, webhook_retry_delay=0.05, webhook_max_retry_delay=0.3)
    async with fake.serve(), scratch_database("sqlite", tmp_path) as db:
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock, fake=fake) as h:
            number = await resolved_leak(h)
            clock.advance(hours=25)
            await run_job(h, "surveys")
        # A new process: nothing in memory survives, the button's data names the survey.
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock, fake=fake) as h2:
            await h2.act(h2.fake.press(CHAN, survey_message(h2, CHAN), "4⭐"))
            ticket = await h2.desk.tickets.get(number)
            assert ticket is not None
            answered = [e for e in ticket.events if e.action == "survey_answered"]
            assert [e.detail["rating"] for e in answered] == [4]
            assert not h2.errors
    await drop_redis_prefix(prefix)


QUESTIONNAIRE = """
title = {en = "Resident satisfaction 2026", zh-Hant = "2026 住戶滿意度調查"}

[[questions]]
kind = "rating"
text = {en = "How clean are the common areas?", zh-Hant = "公共地方清潔嗎？"}

[[questions]]
kind = "choice"
text = {en = "Which service matters most to you?", zh-Hant = "您最重視哪項服務？"}
options = [{en = "Security", zh-Hant = "保安"}, {en = "Cleaning", zh-Hant = "清潔"}, {en = "Repairs", zh-Hant = "維修"}]
"""


async def test_a_questionnaire_to_one_building_collects_answers_per_question(harness: Harness, tmp_path: Path) -> None:
    h = harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")  # building 3
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")  # building A
    path = tmp_path / "q.toml"
    path.write_text(QUESTIONNAIRE, encoding="utf-8")
    surveys = SqlSurveys(h.desk.db)
    qid = await surveys.create_questionnaire(load_questionnaire(path), h.desk.clock())
    audience = await surveys.audience(parse_audience("building:3"))
    assert await surveys.add_recipients(qid, audience) == 1
    assert await surveys.add_recipients(qid, audience) == 0  # sending again adds nobody twice
    peter_before = len(h.fake.bot_messages(PETER))
    await run_job(h, "questionnaires")
    await run_job(h, "questionnaires")
    first = [m for m in h.fake.bot_messages(CHAN) if "住戶滿意度" in m.text]
    assert len(first) == 1 and "公共地方清潔嗎" in first[0].text
    assert len(h.fake.bot_messages(PETER)) == peter_before

    rid = next(data for row in first[0].buttons for text, data in row if text == "4").split(":")[1]
    await h.act(h.fake.press(CHAN, first[0], "4"))
    second = h.fake.bot_messages(CHAN)[-1]
    assert "(2/2)" in second.text and second.find_button("清潔")
    await h.act(h.fake.press(CHAN, second, "清潔"))
    assert "多謝" in h.fake.bot_messages(CHAN)[-1].text
    # Pressing an answered question again changes nothing.
    update = await h.act(h.fake.press(CHAN, first[0], f"q:{rid}:0:1", forge=True))
    assert h.fake.callback_answer(update).answer_text

    results = await surveys.results(qid)
    assert results[0].counts == {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0} and results[0].average == 4.0
    assert results[1].counts == {"0": 0, "1": 1, "2": 0}
    assert await surveys.delivery(qid) == {"sent": 1}
    assert not h.errors
