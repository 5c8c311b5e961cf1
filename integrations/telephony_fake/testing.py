"""A pytest fixture for the fake telephony provider: list ``integrations.telephony_fake.testing`` in a
conftest's ``pytest_plugins``, or import :func:`fake_twilio_fixture` into a test module."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from integrations.telephony_fake.server import FakeTwilio


@pytest.fixture(name="fake_twilio")
async def fake_twilio_fixture() -> AsyncIterator[FakeTwilio]:
    """A served fake Twilio account (``DEFAULT_ACCOUNT_SID``/``DEFAULT_AUTH_TOKEN``). The test fails if the
    provider logged an error (invalid TwiML, failed webhook ...) that the test did not ``take_errors()``."""
    fake = FakeTwilio(webhook_timeout=5.0)
    async with fake.serve():
        yield fake
    if fake.errors:
        pytest.fail(f"the telephony provider logged errors nobody expected: {fake.errors}")
