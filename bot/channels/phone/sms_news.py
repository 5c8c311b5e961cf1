"""Ticket news by SMS for residents the chat cannot reach (issue 10, item 9).

:class:`SmsResidentNews` is :class:`bot.ticket_news.ResidentNews` with a second way out: when the chat message
cannot go (no Telegram, or a resident who blocked the bot) and the ticket has a phone number (the resident's,
or the callback number of a caller the registry does not know), the same news goes as a text message through
the provider's REST API, in the resident's language (Cantonese wording for a caller we cannot place).

Texts are plain: the title, the text and the fields of the chat reply, without buttons. The two chat replies
that ask for a button press or a reply ("the desk asks", "resolved: not fixed?") get SMS wording that points
to the hotline instead. A text is at most :data:`MAX_SMS_CHARS` characters (Twilio's limit is 1,600; long
resolution notes are shortened). A recipient who texted STOP (Twilio's 21610) is not texted again by Twilio,
and the refusal is logged at info level; a provider that is down loses that one text (logged as a warning):
ticket news by SMS is a courtesy, the ticket and its card hold the facts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.config import EstateConfig
from bot.domain.residents import Language
from bot.domain.text import shorten
from bot.domain.tickets import Ticket
from bot.errors import BackendUnavailable
from bot.i18n import Translator
from bot.messaging import MessageSender
from bot.ticket_news import ResidentNews
from dialogs.replies import Reply
from integrations.registry import ResidentRegistry
from integrations.telephony.rest import Outbound, OutboundRefused
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)

# Four GSM segments or seven UCS-2 ones: enough for any news, far under Twilio's 1,600.
MAX_SMS_CHARS = 480

_ASKS = {
    Language.ZH_HANT: "{number}：管理處想問：{question}\n請致電{hotline}回覆。",
    Language.ZH_HANS: "{number}：管理处想问：{question}\n请致电{hotline}回复。",
    Language.EN: "{number}: the desk asks: {question}\nPlease call {hotline} to answer.",
}
_NOT_FIXED = {
    Language.ZH_HANT: "如果仲未修好，請喺{days}日內致電{hotline}。",
    Language.ZH_HANS: "如果还没修好，请在{days}日内致电{hotline}。",
    Language.EN: "If it is not fixed, call {hotline} within {days} days.",
}


def sms_text(reply: Reply) -> str:
    """A chat reply as a text message: title, text, then "name: value" fields; buttons dropped."""
    lines = [reply.title] if reply.title else []
    if reply.text:
        lines.append(reply.text)
    lines += [f"{name}: {value}" for name, value in reply.fields]
    return shorten("\n".join(line for line in lines if line).strip(), MAX_SMS_CHARS)


class SmsResidentNews(ResidentNews):
    """Ticket news by chat, and by SMS when the chat cannot reach the resident."""

    def __init__(
        self,
        estate: EstateConfig,
        tickets: TicketBackend,
        registry: ResidentRegistry,
        sender_getter: Callable[[], MessageSender | None],
        outbound: Outbound,
        *,
        from_number: str,
        status_callback: str | None = None,
    ) -> None:
        super().__init__(estate, tickets, registry, sender_getter)
        self.outbound = outbound
        self.from_number = from_number
        self.status_callback = status_callback

    @property
    def hotline(self) -> str:
        return self.estate.phone.numbers[0] if self.estate.phone.numbers else self.from_number

    async def tell(self, ticket: Ticket, build: Callable[[Translator], Reply], *, photos: tuple[str, ...] = ()) -> bool:
        if await super().tell(ticket, build, photos=photos):
            return True
        target = await self._sms_target(ticket)
        if target is None:
            return False
        number, language = target
        return await self._text(ticket, number, sms_text(build(Translator(language))))

    async def need_info(self, ticket: Ticket, question: str) -> bool:
        if await _ChatOnly(self).need_info(ticket, question):
            return True
        target = await self._sms_target(ticket)
        if target is None:
            return False
        number, language = target
        body = _ASKS[language].format(number=ticket.number, question=question, hotline=self.hotline)
        return await self._text(ticket, number, shorten(body, MAX_SMS_CHARS))

    async def resolved(self, ticket: Ticket, note: str, photos: tuple[str, ...] = ()) -> bool:
        if await _ChatOnly(self).resolved(ticket, note, photos):
            return True
        target = await self._sms_target(ticket)
        if target is None:
            return False
        number, language = target
        _ = Translator(language)
        days = self.estate.desk.reopen_days
        reply = Reply(
            _NOT_FIXED[language].format(days=days, hotline=self.hotline) if days else "",
            title=_("{number} is resolved", number=ticket.number),
            fields=((_("Resolution"), note or "-"),),
        )
        return await self._text(ticket, number, sms_text(reply))

    async def _sms_target(self, ticket: Ticket) -> tuple[str, Language] | None:
        """Where a text about the ticket goes: the resident's phone, or the caller's number on the ticket."""
        resident = await self.registry.get(ticket.resident_id) if ticket.resident_id is not None else None
        if resident is not None and resident.phone:
            return resident.phone, resident.language
        if ticket.contact_phone:
            return ticket.contact_phone, Language.ZH_HANT
        return None

    async def _text(self, ticket: Ticket, number: str, body: str) -> bool:
        try:
            await self.outbound.send_sms(number, body, from_=self.from_number, status_callback=self.status_callback)
        except OutboundRefused as exc:
            level = logging.INFO if exc.unsubscribed else logging.WARNING
            log.log(level, "%s: SMS to the resident refused (%s %s)", ticket.number, exc.code, exc.message)
            return False
        except BackendUnavailable as exc:
            log.warning("%s: SMS to the resident not sent, the provider is unavailable: %s", ticket.number, exc)
            return False
        log.info("%s: news sent by SMS", ticket.number)
        return True


class _ChatOnly(ResidentNews):
    """The chat-only view of an :class:`SmsResidentNews`, for the replies whose SMS wording differs."""

    def __init__(self, news: SmsResidentNews) -> None:
        super().__init__(news.estate, news.tickets, news.registry, news._sender_getter)
