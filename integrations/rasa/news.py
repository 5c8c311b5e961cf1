"""Ticket news into a resident's Rasa conversation, through Rasa's HTTP API.

``POST /conversations/{sender_id}/trigger_intent?token=…`` with ``EXTERNAL_ticket_news`` and the
ticket, its status and the desk's message (already in the resident's language) as entities; the
assistant's rule runs ``action_estatedesk_ticket_news``, which says it (integrations/rasa/actions.py).
The conversation is the one named in the ticket's log (``rasa_conversation``). A failed request is retried with
back-off; if Rasa stays unreachable the news raises :class:`BackendUnavailable`, as a Telegram
outage does, so the staff action that caused it is answered with the outage and can be repeated.
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import quote

import aiohttp

from bot.domain.tickets import Ticket
from bot.errors import BackendUnavailable
from dialogs.replies import Reply
from integrations.rasa.actions import CONVERSATION_EVENT, NEWS_INTENT, render

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.2, 1.0, 3.0)  # then the outage goes up


def conversation_of(ticket: Ticket) -> str | None:
    """The Rasa sender id the ticket came from (the newest ``rasa_conversation`` entry of its log)."""
    for event in reversed(ticket.events):
        if event.action == CONVERSATION_EVENT and event.detail.get("sender_id"):
            return str(event.detail["sender_id"])
    return None


class RasaNews:
    def __init__(self, url: str, token: str | None, *, delays: tuple[float, ...] = RETRY_DELAYS) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.delays = delays
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:  # the token stays out of logs
        return f"RasaNews({self.url!r})"

    async def tell(self, ticket: Ticket, reply: Reply) -> bool:
        """Trigger the news intent in the ticket's conversation. False when the ticket has none."""
        sender_id = conversation_of(ticket)
        if sender_id is None:
            log.info("%s came from Rasa but names no conversation; no news sent", ticket.number)
            return False
        body = {
            "name": NEWS_INTENT,
            "entities": {"ticket": ticket.number, "status": ticket.status.value, "message": render(reply)},
            "output_channel": "latest",
        }
        url = f"{self.url}/conversations/{quote(sender_id, safe='')}/trigger_intent"
        params = {"token": self.token} if self.token else {}
        last: str = ""
        for attempt, delay in enumerate((0.0, *self.delays)):
            if delay:
                await asyncio.sleep(delay)
            try:
                async with self.session.post(url, json=body, params=params) as resp:
                    if resp.status == 200:
                        return True
                    last = f"HTTP {resp.status}: {(await resp.text())[:200]}"
                    if resp.status in (400, 401, 403, 404, 422):
                        # Rasa will not take it however often it is sent: log it, do not block staff.
                        log.error("Rasa refused news of %s: %s", ticket.number, last)
                        return False
            except (TimeoutError, aiohttp.ClientError) as exc:
                last = str(exc) or type(exc).__name__
            log.warning("news of %s to Rasa, attempt %d: %s", ticket.number, attempt + 1, last)
        raise BackendUnavailable(f"Rasa HTTP API unreachable: {last}")

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
