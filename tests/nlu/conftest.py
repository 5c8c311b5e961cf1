"""Fixtures for the language-understanding tests: one trained built-in model per test session."""

from __future__ import annotations

import pytest

from bot.nlu.model import BuiltinUnderstander


@pytest.fixture(scope="session")
def model() -> BuiltinUnderstander:
    return BuiltinUnderstander()
