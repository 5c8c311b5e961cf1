"""Ticket news into a resident's Rasa conversation, through Rasa's HTTP API, queued durably.

``POST /conversations/{sender_id}/trigger_intent?token=…`` with ``EXTERNAL_ticket_news`` and the
ticket, its status and the desk's message (already in the resident's language) as entities; the
assistant's rule runs ``action_estatedesk_ticket_news``, which says it (integrations/rasa/actions.py).
A follow-up survey goes the same way as ``EXTERNAL_survey`` (entities ticket, survey, message).
The conversation is the one named in the ticket's log (``rasa_conversation``).

Every request is first stored in the ``rasa_news`` table (:class:`integrations.sql.rasa_news.SqlRasaNews`),
then tried once at once; the staff action that caused it never waits for Rasa longer than one attempt and
never fails because Rasa is down. What did not go out is sent by the sweep (every worker runs it; a
conversation's requests are claimed one at a time, oldest first, so they arrive in order) with back-off,
for as long as Rasa stays away. A request Rasa refuses for good (a 4xx other than 408 and 429: a wrong
token, an unknown conversation, a body it will not take) is set aside in the dead letters (reason
``refused``) and the conversation's next news goes on. Rasa has no idempotency key: a request whose answer
is lost (a worker killed after Rasa took it, a timeout) is sent again, as a Telegram reply is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.domain.tickets import Ticket
from bot.metrics import DEAD_LETTERS
from dialogs.replies import Reply
from integrations.deadletters import DeadLetters, DeadReason
from integrations.rasa.actions import CONVERSATION_EVENT, NEWS_INTENT, SURVEY_INTENT, render
from integrations.sql.rasa_news import QueuedNews, SqlRasaNews

log = logging.getLogger(__name__)

# Seconds before the next try of a conversation's oldest request, by attempts so far (the last repeats).
BACKOFF = (2.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0)
SWEEP_EVERY_S = 5.0
LEASE = timedelta(seconds=30)  # a worker killed while sending holds the conversation this long at most
TIMEOUT = aiohttp.ClientTimeout(total=5)
RETRYABLE = {408, 429}  # 4xx answers that mean "later", not "never"
# Answers that say Rasa is away or overloaded: retried for as long as it takes, like a refused connection.
AWAY = {502, 503, 504}
# Any other 5xx is Rasa answering that it failed on this request (an action of its own crashed on it, say). It
# may be passing, so it is retried; once a request has been tried this often (about 40 minutes with the back-off)
# it is set aside, so that it cannot hold the conversation's later news behind it for ever.
MAX_ATTEMPTS_FAILING = 10


class Sent(Enum):
    OK = "ok"
    LATER = "later"  # Rasa down, restarting, overloaded: try again
    NEVER = "never"  # refused for good
    FAILED = "failed"  # Rasa answered that it failed on this request: later, a bounded number of times


def _utcnow() -> datetime:
    return datetime.now(UTC)


def conversation_of(ticket: Ticket) -> str | None:
    """The Rasa sender id the ticket came from (the newest ``rasa_conversation`` entry of its log)."""
    for event in reversed(ticket.events):
        if event.action == CONVERSATION_EVENT and event.detail.get("sender_id"):
            return str(event.detail["sender_id"])
    return None


class RasaApi:
    """One ``trigger_intent`` request, and what its answer means."""

    def __init__(self, url: str, token: str | None) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:  # the token stays out of logs
        return f"RasaApi({self.url!r})"

    async def trigger(self, sender_id: str, body: dict[str, Any]) -> tuple[Sent, str]:
        url = f"{self.url}/conversations/{quote(sender_id, safe='')}/trigger_intent"
        params = {"token": self.token} if self.token else {}
        try:
            async with self.session.post(url, json=body, params=params) as resp:
                if resp.status == 200:
                    return Sent.OK, ""
                detail = f"HTTP {resp.status}: {(await resp.text())[:150]}"
                if 400 <= resp.status < 500 and resp.status not in RETRYABLE:
                    return Sent.NEVER, detail
                if resp.status >= 500 and resp.status not in AWAY:
                    return Sent.FAILED, detail
                return Sent.LATER, detail
        except (TimeoutError, aiohttp.ClientError) as exc:
            return Sent.LATER, str(exc) or type(exc).__name__

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


class RasaNews:
    """What :class:`bot.ticket_news.ResidentNews` calls for tickets of channel ``rasa`` (``tell``, ``ask_survey``)."""

    def __init__(
        self,
        store: SqlRasaNews,
        api: RasaApi,
        *,
        dead_letters: DeadLetters | None = None,
        clock: Callable[[], datetime] = _utcnow,
        backoff: tuple[float, ...] = BACKOFF,
        lease: timedelta = LEASE,
    ) -> None:
        self.store = store
        self.api = api
        self.dead_letters = dead_letters
        self.clock = clock
        self.backoff = backoff
        self.lease = lease

    def __repr__(self) -> str:
        return f"RasaNews({self.api!r})"

    async def tell(self, ticket: Ticket, reply: Reply) -> bool:
        """Queue the news for the ticket's conversation and try to send it. False when the ticket has none."""
        entities = {"ticket": ticket.number, "status": ticket.status.value, "message": render(reply)}
        return await self._queue(ticket, NEWS_INTENT, entities)

    async def ask_survey(self, ticket: Ticket, survey_id: int, reply: Reply) -> bool:
        """Queue the follow-up survey's question for the ticket's conversation (``EXTERNAL_survey``)."""
        entities = {"ticket": ticket.number, "survey": str(survey_id), "message": render(reply)}
        return await self._queue(ticket, SURVEY_INTENT, entities)

    async def _queue(self, ticket: Ticket, intent: str, entities: dict[str, str]) -> bool:
        sender_id = conversation_of(ticket)
        if sender_id is None:
            log.info("%s came from Rasa but names no conversation; no news sent", ticket.number)
            return False
        body = {"name": intent, "entities": entities, "output_channel": "latest"}
        await self.store.add(sender_id, ticket.number, body)  # a database outage goes up, as for any write
        try:
            await self.flush(sender_id)
        except Exception:  # queued: the sweep sends it; the staff action that caused it is done
            log.exception("news of %s queued; sending it now failed", ticket.number)
        return True

    async def flush(self, sender_id: str) -> int:
        """Send the conversation's due requests, oldest first, until one must wait. Returns how many went."""
        sent = 0
        while (news := await self.store.claim_head(sender_id, lease=self.lease)) is not None:
            outcome, detail = await self.api.trigger(sender_id, news.body)
            if outcome is Sent.OK:
                await self.store.sent(news)
                sent += 1
            elif outcome is Sent.NEVER or (outcome is Sent.FAILED and news.attempts + 1 >= MAX_ATTEMPTS_FAILING):
                await self._set_aside(news, detail)
            else:
                delay = self.backoff[min(news.attempts, len(self.backoff) - 1)]
                await self.store.retry_at(news, self.clock() + timedelta(seconds=delay), detail)
                log.warning("news of %s to Rasa, attempt %d: %s", news.ticket, news.attempts + 1, detail)
                break
        return sent

    async def _set_aside(self, news: QueuedNews, detail: str) -> None:
        log.error("Rasa will not take news of %s; set aside as a dead letter: %s", news.ticket, detail)
        if self.dead_letters is not None:
            payload = {"rasa_conversation": news.conversation, "ticket": news.ticket, "request": news.body}
            await self.dead_letters.add(
                update_id=None,
                reason=DeadReason.REFUSED,
                payload=json.dumps(payload, ensure_ascii=False).encode(),
                error=detail,
                attempts=news.attempts + 1,
            )
            DEAD_LETTERS.labels(reason=DeadReason.REFUSED.value).inc()
        await self.store.dead(news, detail)

    async def sweep(self) -> int:
        """Every conversation with news due: what Rasa missed while it was away (a periodic job)."""
        sent = 0
        for sender_id in await self.store.due_conversations():
            sent += await self.flush(sender_id)
        return sent

    async def close(self) -> None:
        await self.api.close()
