"""Fee reminders by phone (電話催繳): residents in arrears without Telegram are called under the rules of
``[fee_reminders]``, through the fake Twilio's REST API; the reminder rows are the chat reminders' rows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal

import pytest

from bot.channels.phone.fee_reminders import PhoneFeeReminders, spoken_amount
from bot.domain.residents import Language
from integrations.sql.notices import SqlNoticeStore
from integrations.telephony.rest import TwilioOutbound
from tests.helpers import Clock
from tests.phone.conftest import HOTLINE, MRS_CHAN, Line
from tests.phone.placed_calls import PUBLIC, serving


@dataclass
class Reminding:
    line: Line
    reminders: PhoneFeeReminders
    notices: SqlNoticeStore
    clock: Clock

    async def resident_id(self) -> int:
        resident = await self.line.desk.registry.by_phone(MRS_CHAN)
        assert resident is not None
        return resident.id

    async def states(self) -> list[tuple[int | None, str]]:
        return [(seq, state) for seq, state, _ in await self.notices.reminders(await self.resident_id())]


@pytest.fixture
async def reminding(sqlite_line: Line, clock: Clock) -> AsyncIterator[Reminding]:
    line = sqlite_line
    app = line.desk
    notices = SqlNoticeStore(app.db, clock=app.clock)
    outbound = TwilioOutbound(line.twilio.account_sid, line.twilio.auth_token, base_url=line.twilio.url)
    reminders = PhoneFeeReminders(
        app.estate,
        app.db,
        notices,
        app.store,
        outbound,
        from_number=HOTLINE,
        public_url=f"{PUBLIC}/phone/reminder",
        clock=app.clock,
    )
    try:
        async with serving(line.twilio, reminders, "/phone/reminder"):
            yield Reminding(line, reminders, notices, clock)
    finally:
        await outbound.close()


async def test_a_resident_without_telegram_is_called_and_can_stop_the_calls(reminding: Reminding) -> None:
    r = reminding
    r.line.twilio.answer(MRS_CHAN, "answered")
    assert await r.reminders.sweep() >= 0
    assert await r.states() == []  # 3-502 falls due on 30 November: the first reminder is owed from 3 December
    r.clock.advance(days=31)
    await r.reminders.sweep()
    call = await r.line.twilio.next_call(to=MRS_CHAN)
    spoken = " ".join(call.texts)
    assert call.heard[0].language == "zh-HK" and "3-502" in spoken and "港幣1,850元" in spoken
    assert "/bill" not in spoken and "按9" in spoken
    await call.press("9")
    assert "唔會再打電話" in call.texts[-1]
    await call.finished()
    assert await r.notices.opted_out(await r.resident_id())
    assert await r.states() == [(1, "sent")]
    r.clock.advance(days=7)  # the second reminder day: opted out, no call
    await r.reminders.sweep()
    assert [c.to for c in r.line.twilio.calls].count(MRS_CHAN) == 1


async def test_an_unanswered_reminder_is_not_retried_until_the_next_reminder_day(reminding: Reminding) -> None:
    r = reminding
    r.line.twilio.answer(MRS_CHAN, "busy")
    r.clock.advance(days=31)
    await r.reminders.sweep()
    await (await r.line.twilio.next_call(to=MRS_CHAN)).finished()
    await r.reminders.sweep()  # another worker, the same day
    assert await r.states() == [(1, "failed")]
    r.line.twilio.answer(MRS_CHAN, "answered")
    r.clock.advance(days=7)  # 10 December: the second reminder
    await r.reminders.sweep()
    call = await r.line.twilio.next_call(to=MRS_CHAN)
    await call.silence()
    await call.finished()
    assert await r.states() == [(1, "failed"), (2, "sent")]


async def test_no_reminder_calls_in_the_quiet_hours(reminding: Reminding) -> None:
    r = reminding
    r.clock.advance(days=31, hours=12)  # 3 December, 22:00 in Hong Kong
    assert await r.reminders.sweep() == 0
    assert r.line.twilio.calls == []


def test_amounts_are_spoken_as_money() -> None:
    assert spoken_amount(Decimal("1850.00"), "HKD", Language.ZH_HANT) == "港幣1,850元"
    assert spoken_amount(Decimal("1250.5"), "HKD", Language.EN) == "1,250.50 Hong Kong dollars"
    assert spoken_amount(Decimal("99.90"), "CNY", Language.ZH_HANS) == "人民币99.90元"
