"""Fee reminders by phone (電話催繳) for residents in arrears whom the chat cannot remind.

The same rules as chat reminders (``[fee_reminders]``, :class:`bot.domain.notices.ReminderRules`): on the
configured days after the due date, at most ``max_reminders`` per due date (counted together with chat
reminders, in the same ``fee_reminders`` rows: one resident is never reminded twice for one step), never in
the quiet hours, never to a resident who opted out. Each reminder is written before the call is placed (a
second worker finds it written and does nothing) and settled by the call's final status: ``sent`` when the
resident answered, ``failed`` otherwise (a call is not retried: the next configured day brings the next one).

The resident hears the unit, the amount as money in their language and how to pay (``how_to_pay``, unless it
names a chat command such as /bill: then the phone's own sentence), then "press 9 to stop these calls" (the
same opt-out as the chat's button) or 1 to hear it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from bot.channels.phone.outbound_web import query_id, spoken
from bot.config import EstateConfig
from bot.domain.notices import DeliveryState
from bot.domain.residents import Language
from bot.errors import BackendUnavailable
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore
from integrations.sql.phone_debtors import PhoneDebtor, phone_debtors
from integrations.state import StateStore
from integrations.telephony.base import CallEvent, Gather, Hangup, Say, VoiceAction
from integrations.telephony.rest import Outbound, OutboundRefused

log = logging.getLogger(__name__)

STOP_KEY = "9"
AGAIN_KEY = "1"

_CURRENCY = {
    "HKD": {Language.ZH_HANT: "港幣", Language.ZH_HANS: "港币", Language.EN: "Hong Kong dollars"},
    "CNY": {Language.ZH_HANT: "人民幣", Language.ZH_HANS: "人民币", Language.EN: "yuan"},
}
_TEXTS: dict[str, dict[Language, str]] = {
    "reminder": {
        Language.ZH_HANT: "你好，呢度係{estate}管理處。{unit}嘅管理費尚欠{amount}，已經過咗繳費日期。{how}",
        Language.ZH_HANS: "您好，这里是{estate}管理处。{unit}的管理费尚欠{amount}，已经过了缴费日期。{how}",
        Language.EN: "Hello, this is the {estate} management office. Unit {unit} has {amount} overdue. {how}",
    },
    "how": {
        Language.ZH_HANT: "請到管理處、銀行轉賬或者轉數快繳交。",
        Language.ZH_HANS: "请到管理处、银行转账或者转数快缴交。",
        Language.EN: "Please pay at the management office, by bank transfer or FPS.",
    },
    "menu": {
        Language.ZH_HANT: "再聽一次請按1。唔想再收到呢類電話請按9。",
        Language.ZH_HANS: "再听一次请按1。不想再接到这类电话请按9。",
        Language.EN: "To hear this again, press 1. To stop these calls, press 9.",
    },
    "stopped": {
        Language.ZH_HANT: "以後唔會再打電話提你交費。再見。",
        Language.ZH_HANS: "以后不会再打电话提醒您缴费。再见。",
        Language.EN: "You will get no more fee reminder calls. Goodbye.",
    },
    "goodbye": {Language.ZH_HANT: "多謝，再見。", Language.ZH_HANS: "谢谢，再见。", Language.EN: "Thank you. Goodbye."},
}


def spoken_amount(amount: Decimal, currency: str, language: Language) -> str:
    """Money as it is said: "港幣1,250.50元", "1,250.50 Hong Kong dollars"."""
    name = _CURRENCY.get(currency, {}).get(language, currency)
    figure = f"{amount:,.2f}".removesuffix(".00")
    if language is Language.EN:
        return f"{figure} {name}"
    return f"{name}{figure}元"


def _text(key: str, language: Language, **params: Any) -> str:
    return _TEXTS[key][language].format(**params)


class PhoneFeeReminders:
    """Places fee reminder calls and answers their webhooks."""

    def __init__(
        self,
        estate: EstateConfig,
        db: Database,
        notices: SqlNoticeStore,
        store: StateStore,
        outbound: Outbound,
        *,
        from_number: str,
        public_url: str,
        clock: Callable[[], datetime],
        ring_seconds: int = 30,
    ) -> None:
        self.estate = estate
        self.rules = estate.fee_reminders
        self.db = db
        self.notices = notices
        self.store = store
        self.outbound = outbound
        self.from_number = from_number
        self.public_url = public_url.rstrip("/")  # e.g. https://desk.example.com/phone/reminder
        self.clock = clock
        self.ring_seconds = ring_seconds

    async def sweep(self) -> int:
        """Call the debtors a reminder is owed today; returns how many calls were placed."""
        if not self.rules.enabled:
            return 0
        local = self.clock().astimezone(ZoneInfo(self.estate.timezone))
        if self.rules.quiet(local.time()):
            return 0
        placed = 0
        for debtor in await phone_debtors(self.db):
            if debtor.due_date is None:
                continue
            sent = await self.notices.reminders_sent(debtor.resident_id, debtor.unit_id, debtor.due_date)
            if self.rules.due(local.date(), debtor.due_date, sent):
                placed += await self._call(debtor, sent + 1)
        return placed

    async def _call(self, debtor: PhoneDebtor, seq: int) -> int:
        reminder_id = await self.notices.record_reminder(debtor.as_debtor(), seq=seq, actor="phone")
        if reminder_id is None:
            return 0  # another worker is calling about this one
        try:
            call = await self.outbound.place_call(
                debtor.phone,
                self.from_number,
                self._url("voice", reminder_id),
                status_callback=self._url("status", reminder_id),
                events=("completed",),
                ring_seconds=self.ring_seconds,
            )
        except (BackendUnavailable, OutboundRefused) as exc:
            log.warning("fee reminder %s to resident %s: call not placed: %s", reminder_id, debtor.resident_id, exc)
            await self.notices.settle_reminder(reminder_id, DeliveryState.FAILED)
            return 0
        await self.store.save(
            _key(reminder_id),
            {
                "call": call.sid,
                "resident": debtor.resident_id,
                "language": debtor.language,
                "unit": debtor.unit_label,
                "amount": str(debtor.amount),
                "currency": debtor.currency,
            },
        )
        return 1

    async def handle(self, what: str, event: CallEvent, query: Mapping[str, str]) -> list[VoiceAction]:
        reminder_id = query_id(query, "reminder")
        state = await self.store.load(_key(reminder_id)) if reminder_id is not None else None
        if reminder_id is None or state is None or state.get("call") != event.call_id:
            log.warning("fee reminder webhook %s for %s from call %s: not expected", what, reminder_id, event.call_id)
            return [Hangup()]
        language = Language.from_code(state["language"], Language.ZH_HANT)
        if what == "answer" and event.digits[:1] == STOP_KEY:
            await self.notices.opt_out(int(state["resident"]))
            log.info("resident %s opted out of fee reminders by phone", state["resident"])
            return [self._say(_text("stopped", language), language), Hangup()]
        if what == "answer" and event.digits[:1] != AGAIN_KEY:
            return [self._say(_text("goodbye", language), language), Hangup()]
        how = self.rules.payment_text(language.value) or ""
        if not how or "/" in how:  # the chat's text points to a command ("/bill"): the phone says its own
            how = _text("how", language)
        amount = spoken_amount(Decimal(state["amount"]), state["currency"], language)
        message = _text("reminder", language, estate=self.estate.name, unit=state["unit"], amount=amount, how=how)
        gather = Gather(
            action=self._url("answer", reminder_id),
            prompts=(self._say(message, language), self._say(_text("menu", language), language)),
            keys=True,
            speech=False,
            num_digits=1,
            timeout=self.estate.phone.gather_timeout_seconds,
        )
        return [gather, self._say(_text("goodbye", language), language), Hangup()]

    async def status(self, event: CallEvent, query: Mapping[str, str]) -> None:
        reminder_id = query_id(query, "reminder")
        if reminder_id is None or not event.ended:
            return
        key = _key(reminder_id)
        async with self.store.lock(key):
            state = await self.store.load(key)
            if state is None or state.get("call") != event.call_id or state.get("settled"):
                return
            answered = event.status == "completed" and (event.duration or 0) > 0
            await self.notices.settle_reminder(reminder_id, DeliveryState.SENT if answered else DeliveryState.FAILED)
            await self.store.save(key, state | {"settled": event.status})

    def _say(self, text: str, language: Language) -> Say:
        return spoken(self.estate, text, language)

    def _url(self, what: str, reminder_id: int) -> str:
        return f"{self.public_url}/{what}?{urlencode({'reminder': reminder_id})}"


def _key(reminder_id: int | None) -> str:
    return f"phremind:{reminder_id}"
