"""Corrections: what staff and residents teach the understander by correcting its guesses.

A correction is stored when staff transfer a ticket to another department (the target department's
category becomes the label) or when a resident changes the category the understander pre-filled. An
operator lists them (``estatedesk nlu corrections``), marks the right ones reviewed, and reviewed
corrections join the training data at the next start-up, after the shipped data, at most
:data:`MAX_CORRECTIONS` of them (the newest). A correction that is no longer valid (a category renamed)
is skipped with a warning: corrections never stop the desk from starting.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from bot.domain.routing import RoutingTable
from bot.domain.tickets import TicketKind
from bot.nlu.dataset import Example, parse_example
from bot.nlu.errors import NluDataError
from dialogs.understanding import Correction, Intent

log = logging.getLogger(__name__)

MAX_CORRECTIONS = 500
# A correction is one voice against many shipped examples; it counts this many times so that a similar
# message is read the corrected way at once.
CORRECTION_WEIGHT = 3

_INTENT_OF_KIND = {TicketKind.REPAIR: Intent.REPAIR, TicketKind.COMPLAINT: Intent.COMPLAINT}


def label_for_department(routing: RoutingTable, kind: TicketKind, department: str) -> tuple[Intent, str] | None:
    """The (intent, category) a transfer to ``department`` says a ticket of ``kind`` is, if only one fits.

    The ticket's own kind is looked at first; a department owning several of its categories (or none of
    any kind) says nothing certain, and None is returned.
    """
    for kinds in ((kind,), tuple(_INTENT_OF_KIND)):
        found = {
            (k, category)
            for k in kinds
            if k in _INTENT_OF_KIND
            for category, dept in routing.routes.get(k, {}).items()
            if dept == department
        }
        if len(found) == 1:
            k, category = found.pop()
            return _INTENT_OF_KIND[k], category
        if found:
            return None
    return None


def as_record(c: Correction) -> dict[str, object]:
    """A correction as a labelled JSONL record, with who, when and why beside the labels."""
    return {
        "text": c.text,
        "intent": c.intent.value,
        "category": c.category,
        "building": None,
        "unit": None,
        "id": c.id,
        "source": c.source,
        "by": c.actor,
        "at": c.at.isoformat(),
        "ticket": c.ticket,
        "reviewed": c.reviewed,
    }


def training_examples(corrections: Sequence[Correction], cap: int = MAX_CORRECTIONS) -> list[Example]:
    """The reviewed corrections as training examples: the newest ``cap``, invalid ones skipped and logged."""
    reviewed = sorted((c for c in corrections if c.reviewed), key=lambda c: c.at)[-cap:] if cap > 0 else []
    examples: list[Example] = []
    for c in reviewed:
        try:
            example = parse_example(json.dumps(as_record(c), ensure_ascii=False), f"correction {c.id}")
        except NluDataError as exc:
            log.warning("NLU correction skipped: %s", exc)
            continue
        examples.extend([example] * CORRECTION_WEIGHT)
    return examples
