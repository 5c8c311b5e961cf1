"""Random text and random event sequences: the dialogs never crash and never lose their state."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogs.engine import Engine
from dialogs.events import EventKind, Inbound
from dialogs.main import route
from integrations.sql.testing import scratch_sqlite
from integrations.state.memory import MemoryStateStore
from tests.helpers import MRS_CHAN, Clock, load_demo_estate, make_services

USER = 5550001
nasty_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("<>&\"'*_`[]()~|#+-=.!{}\\\u200b\u200f\u202e\ufeff漏水電梯")),
    ),
    max_size=300,
)
choice_values = st.sampled_from(
    [
        "menu:repair",
        "menu:complaint",
        "menu:bill",
        "menu:tickets",
        "plumbing",
        "noise",
        "unit:1",
        "unit:999",
        "common",
        "done",
        "skip",
        "normal",
        "emergency",
        "confirm",
        "edit",
        "edit:photos",
        "cancel",
        "lang:en",
        "lang:xx",
        "switch:go",
        "switch:stay",
        "x" * 40,
    ]
)


def event_strategy() -> st.SearchStrategy[dict]:
    return st.one_of(
        st.builds(lambda t: {"kind": EventKind.TEXT, "text": t}, nasty_text),
        st.builds(
            lambda c, a: {"kind": EventKind.COMMAND, "command": c, "text": a},
            st.sampled_from(["start", "help", "cancel", "language", "mytickets", "menu", "repair", "bill", "zzz"]),
            nasty_text,
        ),
        st.builds(
            lambda v, tok: {"kind": EventKind.CHOICE, "choice": v, "token": tok},
            choice_values,
            st.one_of(st.just("CURRENT"), st.text(max_size=4)),
        ),
        st.builds(
            lambda own, phone: {
                "kind": EventKind.CONTACT,
                "contact_phone": phone,
                "contact_user_id": USER if own else USER + 1,
            },
            st.booleans(),
            st.one_of(st.just(MRS_CHAN), st.text(max_size=20)),
        ),
        st.builds(
            lambda f, c: {"kind": EventKind.PHOTO, "photo": f, "text": c}, st.text(min_size=1, max_size=20), nasty_text
        ),
        st.just({"kind": EventKind.UNSUPPORTED, "what": "sticker"}),
    )


async def play(events: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with scratch_sqlite(Path(tmp)) as db:
            await load_demo_estate(db)
            store = MemoryStateStore()
            services, _ = make_services(db, store, Clock())
            engine = Engine(services, store, route)
            for n, raw in enumerate(events):
                state = await store.load(f"tg:{USER}") or {}
                if raw.get("token") == "CURRENT":
                    raw = {**raw, "token": state.get("token", "")}
                event = Inbound(event_id=f"fuzz:{n}", channel="telegram", chat=f"tg:{USER}", user_id=USER, **raw)
                outcome = await engine.handle(event)
                # Every turn answers something, and leaves a saved, consistent state behind.
                assert outcome.replies or outcome.toast
                saved = await store.load(f"tg:{USER}")
                assert saved is not None and saved["last_event"] == f"fuzz:{n}"
                if saved.get("flow"):
                    assert saved.get("step")
                for reply in outcome.replies:
                    for row in reply.choices:
                        for choice in row:
                            assert len(f"d:{reply.token}:{choice.value}".encode()) <= 64
                # Tickets created are exactly the ones the resident was told about.
                for ticket in outcome.tickets:
                    assert any(ticket.number in (r.text + (r.title or "")) for r in outcome.replies)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_strategy(), min_size=1, max_size=25))
def test_random_event_sequences_never_crash(events: list[dict]) -> None:
    asyncio.run(play(events))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nasty_text, min_size=1, max_size=6))
def test_linked_resident_typing_anything_is_answered(texts_: list[str]) -> None:
    head = [
        {"kind": EventKind.COMMAND, "command": "start"},
        {"kind": EventKind.CONTACT, "contact_phone": MRS_CHAN, "contact_user_id": USER},
    ]
    asyncio.run(play(head + [{"kind": EventKind.TEXT, "text": t} for t in texts_]))
