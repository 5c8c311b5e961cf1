"""Fixtures for the language-understanding tests: one trained built-in model per test session."""

from __future__ import annotations

import pytest

from bot.nlu.model import BuiltinUnderstander
from tests.helpers import trained_understander


@pytest.fixture(scope="session")
def model() -> BuiltinUnderstander:
    return trained_understander()
