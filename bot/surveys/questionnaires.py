"""Satisfaction questionnaires (入戶調查): defined in a TOML file, sent to an audience at a steady pace.

Sending is durable per recipient: ``estatedesk survey send`` stores one pending row per resident,
and the workers' job sends them (each claimed, then marked in SQL), so a restart resumes where
it stopped and nobody gets a questionnaire twice.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.domain.residents import Language
from bot.domain.surveys import Question, Questionnaire, QuestionResult, pick_text
from bot.errors import BackendUnavailable, ConfigError
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageSender, RateLimited
from dialogs.survey import questionnaire_intro
from integrations.sql.surveys import SqlSurveys
from integrations.state import Claim, StateStore
from integrations.state.budget import FloodBudget, MemoryFloodBudget, reserve

log = logging.getLogger(__name__)

# Below Telegram's ~30 messages/s overall, leaving room for the desk's own traffic.
SENDS_PER_SECOND = 25.0


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Read a questionnaire file; :class:`ConfigError` names what is wrong.

    ``title = {en = "...", zh-Hant = "..."}`` and ``[[questions]]`` tables with ``kind``
    ("rating" or "choice"), ``text`` (per language) and, for a choice, ``options`` (a list of
    per-language texts).
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: {exc}") from None
    try:
        questions = tuple(
            Question(
                kind=q["kind"],
                text=_texts(q["text"]),
                options=tuple(_texts(o) for o in q.get("options", ())),
            )
            for q in data.get("questions", [])
        )
        for i, q in enumerate(questions):
            if q.kind not in ("rating", "choice"):
                raise ValueError(f"questions[{i}].kind must be rating or choice")
        return Questionnaire(title=_texts(data["title"]), questions=questions)
    except KeyError as exc:
        raise ConfigError(f"{p}: missing {exc.args[0]!r}") from None
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{p}: {exc}") from None


def _texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    raise ValueError(f"expected a text or a table of texts per language, got {value!r}")


def format_results(questionnaire: Questionnaire, results: list[QuestionResult], delivery: dict[str, int]) -> str:
    """Counts per answer and the average of each rating question, for the terminal."""
    lines = [
        f"Questionnaire {questionnaire.id}: {pick_text(questionnaire.title, 'en')}",
        "recipients: " + ", ".join(f"{k} {v}" for k, v in sorted(delivery.items())) if delivery else "recipients: 0",
    ]
    for r in results:
        lines.append(f"Q{r.position + 1} ({r.question.kind}) {pick_text(r.question.text, 'en')}  answers={r.answers}")
        if r.question.kind == "rating":
            lines.append("  " + "  ".join(f"{v}:{n}" for v, n in r.counts.items()))
            if r.average is not None:
                lines.append(f"  average={r.average:.2f}")
        else:
            for v, n in r.counts.items():
                lines.append(f"  {pick_text(r.question.options[int(v)], 'en')}: {n}")
    return "\n".join(lines)


class QuestionnaireSender:
    """Sends pending questionnaire rows at a steady pace; safe with several workers."""

    def __init__(
        self,
        surveys: SqlSurveys,
        store: StateStore,
        sender_getter: Callable[[], MessageSender | None],
        clock: Callable[[], datetime],
        per_second: float = SENDS_PER_SECOND,
        budget: FloodBudget | None = None,
    ) -> None:
        self.surveys = surveys
        self.store = store
        self._sender_getter = sender_getter
        self.clock = clock
        self.interval = 1.0 / per_second
        # The pace is shared by every worker on the budget (each send also counts against the bot's limits).
        self.budget: FloodBudget = budget or MemoryFloodBudget()

    async def send_pending(self, limit: int = 500) -> int:
        """Send up to ``limit`` pending rows; the number delivered."""
        sender = self._sender_getter()
        if sender is None:
            return 0
        sent = 0
        cache: dict[int, Questionnaire | None] = {}
        for recipient in await self.surveys.pending_recipients(limit):
            key = f"questionnaire:{recipient.id}"
            if await self.store.claim(key) is not Claim.NEW:
                continue
            # A steady pace keeps us under Telegram's overall limit (each resident gets one message).
            await reserve(self.budget, [], spacing=("questionnaires", self.interval))
            if recipient.questionnaire_id not in cache:
                cache[recipient.questionnaire_id] = await self.surveys.questionnaire(recipient.questionnaire_id)
            questionnaire = cache[recipient.questionnaire_id]
            if questionnaire is None:
                await self.store.finish(key)
                continue
            reply = questionnaire_intro(Translator(Language.from_code(recipient.language)), questionnaire, recipient.id)
            try:
                await sender.send(recipient.chat_id, reply)
            except ChatUnreachable:
                await self.surveys.mark_recipient(recipient.id, "unreachable", self.clock())
                await self.store.finish(key)
                continue
            except RateLimited as exc:
                await self.store.release(key)
                log.warning("questionnaire sending paused for %.1fs: %s", exc.retry_after, exc)
                break
            except (BackendUnavailable, OSError) as exc:
                await self.store.release(key)
                log.warning("questionnaire sending stopped: %s", exc)
                break
            await self.surveys.mark_recipient(recipient.id, "sent", self.clock())
            await self.store.finish(key)
            sent += 1
        if sent:
            log.info("questionnaires sent to %d residents", sent)
        return sent
