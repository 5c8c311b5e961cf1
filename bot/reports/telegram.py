"""The figures in Telegram: ``/report`` in the managers' chat (managers only) and the weekly digest job.

``/report`` answers with the text and a PNG of the charts. ``/report 2026-10`` reports that month,
``/report 2026-10-01 2026-10-15`` those days, and a last word ``department``, ``building`` or
``category`` groups by it; without arguments it reports the current month so far.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.errors import BackendUnavailable
from bot.i18n import Translator
from bot.messaging import ChatUnreachable
from bot.reports.charts import dashboard_png
from bot.reports.figures import GroupBy, Period, Report
from bot.reports.render import group_labels, text, title_of
from dialogs.replies import Reply
from integrations.sql.reports import SqlReports
from integrations.state import Claim

if TYPE_CHECKING:
    from telegram import Message

    from bot.app import Estatedesk
    from bot.domain.routing import StaffMember

log = logging.getLogger(__name__)

DIGEST_EVERY_S = 60.0
# After the managers' chat refused the digest, the next attempt waits this long (then twice as long, up to the
# cap): the operator may add the bot back within the day's window, but a refusal every minute is 1,440 calls and
# warnings a day that help nobody.
UNREACHABLE_HOLD = timedelta(hours=1)
UNREACHABLE_HOLD_CAP = timedelta(hours=6)


def digest_key(week: str) -> str:
    return f"report-digest:{week}"


class ReportDesk:
    """What ``/report`` and the digest need from the running desk."""

    def __init__(self, app: Estatedesk) -> None:
        self.app = app
        self.reports = SqlReports(app.db)
        self._ = Translator(Translator.language_of(app.estate.staff_language))
        # Per worker: each worker holds off on its own, so N workers try at most N times per hold.
        self._hold_until: datetime | None = None
        self._hold = UNREACHABLE_HOLD

    @property
    def chat_id(self) -> int | None:
        """The managers' chat, at its new id once it became a supergroup."""
        configured = self.app.estate.routing.managers_chat_id
        return None if configured is None else self.app.desk.chat_moves.get(configured, configured)

    def labels(self, report: Report) -> Callable[[str], str]:
        return group_labels(report.by, self.app.estate.routing.departments, self._)

    def is_manager(self, member: StaffMember) -> bool:
        return member.role == "manager" or any(m.user_id == member.user_id for m in self.app.estate.desk.managers)

    async def on_report(self, message: Message, args: str, member: StaffMember, department: Any) -> None:
        _ = self._
        if not self.is_manager(member) or message.chat.id != self.chat_id:
            await self.say(message, _("Only managers can use /report, in the managers' chat."))
            return
        try:
            period, by = parse_args(args, self.app.clock(), self.app.estate.timezone)
        except ValueError:
            await self.say(
                message,
                _(
                    "Use /report, /report 2026-10 or /report 2026-10-01 2026-10-15, "
                    "optionally followed by department, building or category."
                ),
            )
            return
        report = await self.reports.report(period, by)
        await self.send(report, reply_to=message.message_id)

    async def send(self, report: Report, *, reply_to: int | None = None, title: str | None = None) -> None:
        chat_id = self.chat_id
        assert chat_id is not None
        label = self.labels(report)
        body = text(report, self._, label)
        sender = self.app.desk.sender
        assert sender is not None
        await sender.send(chat_id, Reply(text=body, title=title), reply_to=reply_to)
        chat_id = self.chat_id or chat_id  # the text's send may have found the chat moved
        png = dashboard_png(report, self._, label, title=title_of(report, self._, self.app.estate.name))
        caption = self._("Figures {period}", period=str(report.period))

        async def upload() -> Any:
            return await self.app.bot.send_photo(chat_id, photo=png, caption=caption)

        if self.app.outbox is not None:
            # A new upload counts against the managers' chat budget like any message there.
            await self.app.outbox.call(chat_id, upload)
        else:
            await upload()

    async def say(self, message: Message, words: str) -> None:
        sender = self.app.desk.sender
        assert sender is not None
        await sender.send(message.chat.id, Reply(text=words), reply_to=message.message_id)

    def next_attempt(self) -> str:
        return "now" if self._hold_until is None else self._hold_until.isoformat(timespec="minutes")

    async def digest(self) -> bool:
        """Send last week's figures if this week's digest moment has come; once per ISO week across workers.

        The claim's done-mark outlives the one-day window in which the digest may go out, so a
        second worker or a restart inside the window finds it DONE and sends nothing.
        """
        now = self.app.clock()
        due = self.app.estate.reports.due(now, self.app.estate.timezone)
        if due is None or self.chat_id is None:
            return False
        moment, week = due
        if self._hold_until is not None and now < self._hold_until:
            return False
        key = digest_key(week)
        if await self.app.store.claim(key) is not Claim.NEW:
            return False
        try:
            zone = self.app.estate.timezone
            period = Period.week_before(moment.astimezone(ZoneInfo(zone)).date(), zone)
            report = await self.reports.report(period, GroupBy.DEPARTMENT)
            await self.send(report, title=self._("Weekly figures"))
        except ChatUnreachable:
            await self.app.store.release(key)
            self._hold_until = now + self._hold
            self._hold = min(self._hold * 2, UNREACHABLE_HOLD_CAP)
            raise
        except BaseException:
            await self.app.store.release(key)
            raise
        self._hold_until, self._hold = None, UNREACHABLE_HOLD
        await self.app.store.finish(key)
        log.info("weekly digest %s sent to the managers' chat", week)
        return True


def parse_args(args: str, now: datetime, timezone: str) -> tuple[Period, GroupBy]:
    """``[YYYY-MM | YYYY-MM-DD YYYY-MM-DD] [department|building|category]``; raises ValueError."""
    words = args.split()
    by = GroupBy.DEPARTMENT
    if words and words[-1].lower() in GroupBy.__members__.values():
        by = GroupBy(words.pop().lower())
    if not words:
        local_today = now.astimezone(ZoneInfo(timezone)).date()
        return Period(local_today.replace(day=1), local_today, timezone), by
    if len(words) == 1:
        month = date.fromisoformat(words[0] + "-01")
        return Period.month_of(month, timezone), by
    if len(words) == 2:
        return Period(date.fromisoformat(words[0]), date.fromisoformat(words[1]), timezone), by
    raise ValueError(args)


def install(app: Estatedesk) -> None:
    desk = ReportDesk(app)
    assert app.router is not None
    app.router.commands["report"] = desk.on_report

    async def weekly_digest() -> None:
        try:
            await desk.digest()
        except BackendUnavailable:
            raise
        except ChatUnreachable as exc:
            # An expected condition (the managers' chat gone or the bot removed from it): one line, no traceback.
            log.warning(
                "weekly digest not sent: the managers' chat is unreachable (%s); next attempt not before %s",
                exc,
                desk.next_attempt(),
            )
        except Exception:
            log.exception("weekly digest failed; the next run retries")

    app.every("weekly digest", DIGEST_EVERY_S, weekly_digest)
    app.report_desk = desk  # type: ignore[attr-defined]  # tests and the CLI reach the digest through it
