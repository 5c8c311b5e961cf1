"""Notices and fee reminders plugged into estatedesk: staff ``/notice`` and ``/remind``, residents' ``/notices``,
the opt-out button, and the periodic jobs that send scheduled notices and due reminders.

Staff compose in one message (supervisors and managers only)::

    /notice building:3 [emergency] [at 2026-12-03T09:00]
    Water supply will be suspended on 3 Dec, 10:00-14:00.

They get a preview with the number of recipients and Confirm / Cancel buttons (data ``n:<id>:go``).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from telegram import Bot, CallbackQuery, Message
from telegram.error import TelegramError

from bot.channels.telegram.request import AiohttpRequest
from bot.domain.callback_data import OPT_OUT, is_opt_out, notice_data, parse_notice
from bot.domain.notices import Audience, AudienceError, DeliveryState, Notice, Progress, ReminderRules
from bot.domain.residents import Language
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageGone, Priority, fingerprint
from bot.notices.delivery import Deliverer
from bot.notices.pacing import SharedPacer
from bot.notices.telegram import TelegramNoticeTransport
from dialogs.replies import Choice, Reply
from integrations.sql.notices import Debtor, SqlNoticeStore
from integrations.state import Claim

if TYPE_CHECKING:
    from bot.app import Estatedesk
    from dialogs.engine import Turn

log = logging.getLogger(__name__)

COMPOSERS = ("supervisor", "manager")
NOTICE_JOB_S = 10.0
# One worker at a time sends notices (the flood limit is per bot): it holds a state-store claim, which
# lapses after 60 s (integrations/state/keys.py), so it sends for this long, then gives the claim back.
SENDER_CLAIM = "notices:sender"
SEND_BUDGET_S = 40.0
SHOWN_NOTICES = 256  # previews whose shown progress is remembered (a few notices run at once)
# Bulk notices leave headroom under Telegram's 30/s for the desk's own replies meanwhile.
NOTICE_RATE = 25


def progress_text(_: Translator, progress: Progress, rate: float, final: bool) -> str:
    line = _(
        "{sent} / {total} sent · {unreachable} unreachable",
        sent=f"{progress.sent:,}",
        total=f"{progress.total:,}",
        unreachable=progress.unreachable,
    )
    if final:
        unknown = progress.count(DeliveryState.UNKNOWN) + progress.count(DeliveryState.FAILED)
        return _("Delivery report: {line} · {unknown} not confirmed", line=line, unknown=unknown)
    minutes = max(1, round(progress.eta(rate or NOTICE_RATE).total_seconds() / 60))
    return _("{line} · ETA {minutes} min", line=line, minutes=minutes)


class Notices:
    def __init__(self, app: Estatedesk, *, rules: ReminderRules | None = None) -> None:
        self.app = app
        self.store = SqlNoticeStore(app.db, clock=app.clock)
        self.rules = rules or app.estate.fee_reminders
        self._ = Translator(Translator.language_of(app.estate.staff_language))
        self._sending = False
        self._tasks: set[asyncio.Task[None]] = set()
        # What each notice's preview message shows now: progress reports repeat while nothing moves
        # (a 429 pause, an outage), and Telegram refuses an edit that changes nothing.
        self._shown: dict[tuple[int, int], str] = {}

    # -- composing ---------------------------------------------------------------------------------
    async def on_notice(self, message: Message, args: str, member: Any, department: Any) -> None:
        _ = self._
        if department is not None and member.role not in COMPOSERS:
            await self._say(message, _("Only supervisors and managers can send notices."))
            return
        head, _sep, body = args.partition("\n")
        words = head.split()
        if not words or not body.strip():
            await self._say(
                message,
                _("Write: /notice building:3 [emergency] [at 2026-12-03T09:00], then the text on the next line."),
            )
            return
        try:
            audience = Audience.parse(words[0])
        except AudienceError as exc:
            await self._say(message, str(exc))
            return
        emergency = "emergency" in words[1:]
        at = None
        if "at" in words[1:]:
            try:
                local = datetime.fromisoformat(words[words.index("at") + 1])
                at = local.replace(tzinfo=ZoneInfo(self.app.estate.timezone)) if local.tzinfo is None else local
            except (IndexError, ValueError):
                await self._say(message, _("Write the time as 2026-12-03T09:00."))
                return
        photo = message.photo[-1].file_id if message.photo else None
        document = message.document.file_id if message.document else None
        notice = await self.store.create(
            body.strip(), audience, emergency=emergency, created_by=member.user_id, scheduled_at=at,
            photo=photo, document=document, chat_id=message.chat.id,
        )  # fmt: skip
        count = await self.store.count(audience)
        when = _.when(at, self.app.estate.timezone, year=True) if at else _("now")
        preview = Reply(
            text=notice.text,
            title=_("Notice preview"),
            fields=((_("Audience"), str(audience)), (_("Recipients"), str(count)), (_("Send"), when),
                    (_("Emergency"), _("yes") if emergency else _("no"))),
            choices=((Choice(notice_data(notice.id, "go"), _("Confirm")),
                      Choice(notice_data(notice.id, "no"), _("Cancel"))),),
        )  # fmt: skip
        sender = self.app.desk.sender
        assert sender is not None
        message_id = await sender.send(message.chat.id, preview, reply_to=message.message_id, priority=Priority.HIGH)
        await self.store.set_message(notice.id, message.chat.id, message_id)

    async def on_press(self, query: CallbackQuery, member: Any, department: Any) -> None:
        """Confirm or Cancel under a preview (``n:<id>:go|no``); the router checked the roster."""
        _ = self._
        pressed = parse_notice(query.data)
        if pressed is None:
            await self._answer(query, _("This button has expired."))
            return
        if department is not None and member.role not in COMPOSERS:
            await self._answer(query, _("Only supervisors and managers can send notices."), alert=True)
            return
        notice_id, action = pressed
        if action == "no":
            ok = await self.store.cancel(notice_id)
            await self._answer(query, _("Cancelled.") if ok else _("Too late to cancel."))
            return
        try:
            notice, confirmed = await self.store.confirm(notice_id)
        except KeyError:
            await self._answer(query, _("This button has expired."))
            return
        await self._answer(query, _("Confirmed.") if confirmed else _("Already confirmed."))
        if confirmed and notice.scheduled_at is not None and notice.scheduled_at <= self.app.clock():
            self.spawn()

    async def _answer(self, query: CallbackQuery, text: str, alert: bool = False) -> None:
        try:
            await query.answer(text, show_alert=alert)
        except TelegramError as exc:
            log.info("callback answer failed: %s", exc)

    # -- sending -----------------------------------------------------------------------------------
    def bulk_bot(self) -> Bot:
        """A bot of its own for bulk sends: no PTB rate limiter (the Pacer paces), so a 429 reaches the engine."""
        settings = self.app.settings
        return Bot(
            settings.telegram_token.get_secret_value(), base_url=settings.bot_base_url,
            base_file_url=settings.bot_file_url, request=AiohttpRequest(connection_pool_size=64),
        )  # fmt: skip

    def spawn(self) -> asyncio.Task[None]:
        """Start sending now, beside the update being handled (the job would start within NOTICE_JOB_S)."""
        task = asyncio.get_running_loop().create_task(self.send_due())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def send_due(self) -> None:
        """Send due notices, emergencies first, while this worker holds the sender claim."""
        if self._sending:
            return
        self._sending = True
        bot: Bot | None = None
        loop = asyncio.get_running_loop()
        try:
            while True:
                if await self.app.store.claim(SENDER_CLAIM) is not Claim.NEW:
                    return  # another worker is sending
                try:
                    due = await self.store.due(self.app.clock())
                    if not due:
                        return
                    if bot is None:
                        bot = self.bulk_bot()
                        await bot.initialize()
                    deliverer = Deliverer(
                        self.store, TelegramNoticeTransport(bot), pacer=SharedPacer(self.app.budget, NOTICE_RATE),
                        on_progress=self.show_progress,
                    )  # fmt: skip
                    started = loop.time()
                    finished = await deliverer.run(due[0], wait_for_others=False, budget=SEND_BUDGET_S)
                finally:
                    await self.app.store.release(SENDER_CLAIM)
                if not finished and loop.time() - started < SEND_BUDGET_S:
                    return  # a dead worker's leases or an outage hold the rest: the next job run goes on
        except Exception:
            log.exception("sending notices failed; the job retries")
        finally:
            self._sending = False
            if bot is not None:
                await bot.shutdown()

    async def show_progress(self, notice: Notice, progress: Progress, rate: float) -> None:
        if notice.chat_id is None or notice.message_id is None:
            return
        text = progress_text(self._, progress, rate, final=progress.done)
        sender = self.app.desk.sender
        assert sender is not None
        reply = Reply(text=notice.text, title=self._("Notice"), fields=((self._("Progress"), text),))
        shown, where = fingerprint(reply), (notice.chat_id, notice.message_id)
        if self._shown.get(where) == shown:
            return
        try:
            await sender.edit(notice.chat_id, notice.message_id, reply)
        except MessageGone:
            await sender.send(notice.chat_id, Reply(text=text))
        self._shown[where] = shown
        while len(self._shown) > SHOWN_NOTICES:
            del self._shown[next(iter(self._shown))]

    async def job(self) -> None:
        await self.send_due()

    # -- residents ---------------------------------------------------------------------------------
    async def on_notices(self, turn: Turn) -> None:
        _ = turn._
        if turn.resident is None:
            turn.say(_("Link your home first with /start."))
            return
        buildings = [link.unit.building for link in turn.resident.units]
        notices = await self.store.recent(buildings)
        if not notices:
            turn.say(_("No recent notices for your building."))
            return
        zone = self.app.estate.timezone
        fields = tuple(
            (_.when(n.scheduled_at or n.created_at, zone, year=True, time=False), n.text[:200]) for n in notices
        )
        turn.say(_("Recent notices:"), title=_("Notices"), fields=fields)

    async def on_opt_out(self, turn: Turn) -> None:
        if turn.resident is None or not is_opt_out(turn.event.choice):
            turn.notify(turn._("This button has expired."))
            return
        await self.store.opt_out(turn.resident.id)
        turn.say(turn._("You will get no more fee reminders. Your bill is still at /bill."))

    # -- fee reminders -----------------------------------------------------------------------------
    async def reminder_job(self) -> None:
        if not self.rules.enabled:
            return
        now = self.app.clock()
        local = now.astimezone(ZoneInfo(self.app.estate.timezone))
        if self.rules.quiet(local.time()):
            return
        for debtor in await self.store.debtors():
            if debtor.due_date is None:
                continue
            sent = await self.store.reminders_sent(debtor.resident_id, debtor.unit_id, debtor.due_date)
            if self.rules.due(local.date(), debtor.due_date, sent):
                await self.remind(debtor, seq=sent + 1, actor="schedule")

    async def remind(self, debtor: Debtor, *, seq: int | None, actor: str) -> bool:
        reminder_id = await self.store.record_reminder(debtor, seq=seq, actor=actor)
        if reminder_id is None:
            return False  # another worker sent this one
        _ = Translator(Language.from_code(debtor.language))
        how = self.rules.payment_text(debtor.language) or _(
            "Please pay at the management office, by bank transfer or FPS; details with /bill."
        )
        reply = Reply(
            text=_(
                "Unit {unit}: {currency} {amount} is overdue.", unit=debtor.unit_label, currency=debtor.currency,
                amount=f"{debtor.amount:,.2f}",
            ) + "\n" + how,
            title=_("Fee reminder"),
            choices=((Choice(OPT_OUT, _("Stop fee reminders")),),),
        )  # fmt: skip
        sender = self.app.desk.sender
        assert sender is not None
        try:
            message_id = await sender.send(debtor.chat_id, reply)
        except ChatUnreachable:
            await self.store.settle_reminder(reminder_id, DeliveryState.UNREACHABLE)
            return False
        await self.store.settle_reminder(reminder_id, DeliveryState.SENT, message_id)
        return True

    async def on_remind(self, message: Message, args: str, member: Any, department: Any) -> None:
        _ = self._
        target = args.strip()
        debtors: list[Debtor] = []
        if target.upper().startswith(("R-", "C-", "E-")):
            ticket = await self.app.tickets.get(target.upper())
            if ticket is not None and ticket.resident_id is not None:
                debtors = await self.store.debtors(resident_id=ticket.resident_id)
        elif "-" in target:
            building, _sep, unit = target.partition("-")
            found = await self.app.registry.find_unit(building, unit)
            if found is not None:
                debtors = await self.store.debtors(unit_id=found.id)
        if not debtors:
            await self._say(
                message, _("No resident with arrears, on Telegram and not opted out, for {target}.", target=target)
            )
            return
        sent = 0
        for debtor in debtors:
            sent += await self.remind(debtor, seq=None, actor=f"staff:{member.user_id}")
        await self._say(message, _("Fee reminder sent to {count} resident(s).", count=sent))

    async def _say(self, message: Message, text: str) -> None:
        sender = self.app.desk.sender
        assert sender is not None
        await sender.send(message.chat.id, Reply(text=text), reply_to=message.message_id, priority=Priority.HIGH)


def install(app: Estatedesk) -> None:
    notices = Notices(app)
    app.notices = notices  # type: ignore[attr-defined]
    assert app.services is not None and app.router is not None
    app.services.commands["notices"] = notices.on_notices
    app.services.buttons["f"] = notices.on_opt_out
    app.router.commands["notice"] = notices.on_notice
    app.router.commands["remind"] = notices.on_remind
    app.router.buttons["n"] = notices.on_press
    app.every("notices", NOTICE_JOB_S, notices.job)
    app.every("fee reminders", notices.rules.sweep_seconds, notices.reminder_job)
