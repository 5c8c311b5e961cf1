"""Speech the provider is unsure of, and how long a call's state outlives the call."""

from __future__ import annotations

import redis.asyncio as aioredis

from integrations.state.keys import KeyBuilder
from tests.e2e.conftest import REDIS_URL
from tests.phone.conftest import DESK, DUTY, ENGINEERING, HOTLINE, MRS_CHAN, PETER, Line
from tests.phone.test_calls import numbers

DAY_S = 24 * 3600


async def test_speech_below_the_confidence_threshold_is_not_understood(sqlite_line: Line) -> None:
    line = sqlite_line  # [phone] speech_confidence = 0.4 (the default)
    line.twilio.answer(DESK, "answered")
    call = await line.twilio.call(PETER, HOTLINE)
    menu = call.texts[-1]
    mark = len(call.texts)
    await call.say("report a repair", confidence=0.2)  # would be "1" if it were trusted
    again = call.heard_since(mark)
    assert "did not catch" in again[0] and again[-1] == menu
    await call.say("the kitchen tap is leaking", confidence=0.39)
    await call.finished()
    assert [d.numbers for d in call.dialed] == [(DESK,)]  # a second miss: the desk, no loop
    assert numbers(call.texts) == []


async def test_an_emergency_heard_unsurely_is_still_put_through(sqlite_line: Line) -> None:
    line = sqlite_line
    line.twilio.answer(DUTY, "answered")
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.say("有人困咗喺電梯入面", confidence=0.1)
    await call.finished()
    assert [d.numbers for d in call.dialed] == [(DUTY,)]


async def test_speech_at_the_threshold_is_understood(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.say("三座五零二廚房漏水", confidence=0.4)
    assert any("緊急" in t for t in call.texts[-4:]), call.texts  # the form goes on to the urgency
    await call.press("1")
    await call.press("1")  # confirm
    [number] = numbers(call.texts)
    await call.hangup()
    await line.settle()
    assert number in line.group_texts(ENGINEERING)


async def test_a_call_keeps_its_state_for_a_day_after_it_ends(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(PETER, HOTLINE)
    await call.press("1")
    await call.hangup()
    await call.finished()
    await line.settle()
    client = aioredis.Redis.from_url(REDIS_URL)
    try:
        keys = KeyBuilder(line.desk.settings.redis_prefix)
        ttl = await client.ttl(keys.state(f"phcall:{call.sid}"))
        assert 0 < ttl <= DAY_S, ttl
        assert await client.exists(keys.state(f"ph:{call.sid}")) == 0  # the dialog's state went at once
    finally:
        await client.aclose()
