"""When the understander is unsure, the dialog asks instead of guessing, and the resident's words are kept."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.nlu.model import BuiltinUnderstander
from dialogs.engine import Engine
from dialogs.main import route
from integrations.sql.testing import scratch_sqlite
from integrations.state.memory import MemoryStateStore
from tests.helpers import PETER, ChatDriver, Clock, load_demo_estate, make_services, texts

INTENT_BUTTONS = ["A repair", "A bill", "A complaint", "Something else"]


async def engine_with(tmp_path: Path, understander: BuiltinUnderstander) -> AsyncIterator[Engine]:
    async with scratch_sqlite(tmp_path) as db:
        await load_demo_estate(db)
        services, _ = make_services(db, MemoryStateStore(), Clock(), understander)
        yield Engine(services, MemoryStateStore(), route)


@pytest.fixture
async def unsure_engine(tmp_path: Path, understander: BuiltinUnderstander) -> AsyncIterator[Engine]:
    """The built-in understander with an asking threshold no answer reaches: it always asks (but where a keyword
    rule decides, which is as sure as ``rule_confidence``; a model answer that sure is not taken for a rule's)."""
    settings = replace(understander.settings, ask_below=1.01, rule_confidence=1.01)
    always_ask = BuiltinUnderstander.from_trained(understander, settings)
    async for engine in engine_with(tmp_path, always_ask):
        yield engine


@pytest.fixture
async def category_unsure_engine(tmp_path: Path, understander: BuiltinUnderstander) -> AsyncIterator[Engine]:
    """Sure of every intent, never sure enough of a category to pre-fill it."""
    settings = replace(understander.settings, ask_below=0.0, category_ask_below=1.01)
    async for engine in engine_with(tmp_path, BuiltinUnderstander.from_trained(understander, settings)):
        yield engine


async def linked(engine: Engine) -> ChatDriver:
    peter = ChatDriver(engine, user_id=5550300, language_code="en")
    await peter.command("start")
    await peter.contact(PETER)
    return peter


async def test_unsure_asks_with_buttons_and_the_choice_starts_that_form(unsure_engine: Engine) -> None:
    peter = await linked(unsure_engine)
    out = await peter.text("the thing near the back door again")
    assert peter.question().text == "Is this about a repair, a bill, a complaint or something else?"
    assert peter.buttons() == INTENT_BUTTONS
    assert "R-" not in texts(out)
    await peter.press("A complaint")
    # The words are the description: the form does not ask for them again.
    for _ in range(6):
        if peter.question().title in {"Your complaint"}:
            break
        await peter.press(peter.question().choices[0][0].value)
    assert "the thing near the back door again" in texts(peter.last)


async def test_something_else_passes_the_message_to_the_desk(unsure_engine: Engine) -> None:
    peter = await linked(unsure_engine)
    await peter.text("could the estate lend me a long ladder for my curtains")
    out = await peter.press("Something else")
    assert "passed your question to the service desk" in texts(out)
    resident = await unsure_engine.services.registry.by_telegram(peter.user_id)
    assert resident is not None
    enquiries = await unsure_engine.services.tickets.list_for_resident(resident.id)
    assert [t.description for t in enquiries] == ["could the estate lend me a long ladder for my curtains"]


async def test_an_emergency_is_never_asked_about(unsure_engine: Engine) -> None:
    peter = await linked(unsure_engine)
    out = await peter.text("water is pouring from the ceiling")
    assert "Is this about" not in texts(out)
    assert "A repair" not in peter.buttons()


async def test_unsure_category_offers_the_two_likeliest_then_the_whole_list(category_unsure_engine: Engine) -> None:
    peter = await linked(category_unsure_engine)
    await peter.text("the kitchen tap is leaking")
    assert peter.question().text == "Is it one of these?"
    offered = peter.buttons()
    assert len(offered) == 3 and offered[-1] == "Something else"
    assert "Plumbing / leak" in offered[:2]
    await peter.press("more")
    assert peter.question().text == "What needs repairing?"
    assert len(peter.buttons()) == 6
