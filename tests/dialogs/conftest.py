from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.nlu.model import BuiltinUnderstander
from dialogs.engine import Engine
from dialogs.main import route
from integrations.sql.testing import scratch_sqlite
from integrations.state.memory import MemoryStateStore
from tests.helpers import ChatDriver, Clock, load_demo_estate, make_services, trained_understander


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with scratch_sqlite(tmp_path) as db:
        await load_demo_estate(db)
        store = MemoryStateStore()
        services, _ = make_services(db, store, Clock())
        yield Engine(services, store, route)


@pytest.fixture(scope="session")
def understander() -> BuiltinUnderstander:
    """The built-in language understanding, trained once per session."""
    return trained_understander()


@pytest.fixture
async def nlu_engine(tmp_path: Path, understander: BuiltinUnderstander) -> AsyncIterator[Engine]:
    """The demo estate with free text understood, as in production (``NLU=builtin``)."""
    async with scratch_sqlite(tmp_path) as db:
        await load_demo_estate(db)
        store = MemoryStateStore()
        services, _ = make_services(db, store, Clock(), understander)
        yield Engine(services, store, route)


@pytest.fixture
def chan(engine: Engine) -> ChatDriver:
    """Mrs Chan (3-502), not yet linked, Telegram set to Hong Kong Chinese."""
    return ChatDriver(engine, user_id=5550001, language_code="zh-hk")


@pytest.fixture
def peter(engine: Engine) -> ChatDriver:
    return ChatDriver(engine, user_id=5550002, language_code="en")


@pytest.fixture
def li(engine: Engine) -> ChatDriver:
    return ChatDriver(engine, user_id=5550003, language_code="zh-cn")
