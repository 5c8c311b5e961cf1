"""What the desk sends by phone, wired in one place: follow-up survey calls, fee reminder calls, ticket news
by SMS. The composition root calls :func:`install` once the desk is built and, on the web server,
:meth:`OutboundPhone.mount` beside the hotline's routes::

    outbound = install(app)                      # None when the desk cannot place calls (see outbound_client)
    if outbound is not None:
        outbound.mount(web_app, app.voice, public=settings.phone_public_url or "")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web

from bot.channels.phone.fee_reminders import PhoneFeeReminders
from bot.channels.phone.followup import FollowUpCalls, build_followup_calls, callback_base, outbound_client
from bot.channels.phone.outbound_web import add_outbound_routes
from bot.channels.phone.sms_news import SmsResidentNews
from integrations.sql.notices import SqlNoticeStore
from integrations.telephony.base import VoiceProvider
from integrations.telephony.rest import TwilioOutbound

if TYPE_CHECKING:
    from bot.app import Estatedesk

FOLLOWUP_PATH = "/followup"
REMINDER_PATH = "/reminder"


@dataclass
class OutboundPhone:
    client: TwilioOutbound
    followups: FollowUpCalls
    reminders: PhoneFeeReminders
    news: SmsResidentNews | None
    path: str  # the phone webhooks' path prefix (ESTATEDESK_PHONE_PATH)

    def mount(self, app: web.Application, provider: VoiceProvider, *, public: str = "") -> None:
        """The placed calls' webhooks: ``<path>/followup/...`` and ``<path>/reminder/...``, signature-checked."""
        add_outbound_routes(app, self.followups, provider, path=self.path + FOLLOWUP_PATH, public=public)
        add_outbound_routes(app, self.reminders, provider, path=self.path + REMINDER_PATH, public=public)

    async def close(self) -> None:
        await self.client.close()


def install(app: Estatedesk, *, api_url: str | None = None) -> OutboundPhone | None:
    """Build the desk's outbound phone work and schedule it; with ``[phone] sms = true`` ticket news reaches
    residents the chat cannot reach by SMS. None (and nothing changed) when the desk cannot place calls."""
    client = outbound_client(app, api_url)
    public = callback_base(app)
    followups = build_followup_calls(app, outbound=client) if client is not None else None
    if client is None or public is None or followups is None:
        return None
    estate = app.estate
    hotline = estate.phone.numbers[0]
    reminders = PhoneFeeReminders(
        estate,
        app.db,
        SqlNoticeStore(app.db, clock=app.clock),
        app.store,
        client,
        from_number=hotline,
        public_url=public + REMINDER_PATH,
        clock=app.clock,
    )
    news: SmsResidentNews | None = None
    if estate.phone.sms:
        news = SmsResidentNews(estate, app.tickets, app.registry, lambda: app.desk.sender, client, from_number=hotline)
        before = app.desk.news
        if before is not None:
            # Other ways out (a Rasa assistant) still hear the news, and still ask their follow-up surveys.
            news.elsewhere.update(before.elsewhere)
            news.surveys_elsewhere.update(before.surveys_elsewhere)
        app.desk.news = news
        actions = app.services.ticket_actions if app.services is not None else None
        if actions is not None and hasattr(actions, "news"):
            actions.news = news

    async def call_followups() -> None:
        await followups.sweep()

    async def call_reminders() -> None:
        await reminders.sweep()

    # Before start(): the desk runs its jobs from then on (bot.app.Estatedesk.every).
    app.every("phone follow-up calls", estate.surveys.sweep_seconds, call_followups)
    app.every("phone fee reminders", estate.fee_reminders.sweep_seconds, call_reminders)
    return OutboundPhone(client, followups, reminders, news, app.settings.phone_path)
