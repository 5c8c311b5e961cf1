"""A local fake of Telegram's Bot API, so tests and demos drive the real python-telegram-bot stack offline."""

from integrations.telegram_fake.botapi import FakeStats
from integrations.telegram_fake.errors import BotApiError, FakeTelegramError, SimulationError, WaitTimeout
from integrations.telegram_fake.limits import FloodLimits
from integrations.telegram_fake.model import (
    ApiCall,
    CallbackQueryRecord,
    Change,
    ChangeKind,
    FakeChat,
    FakeMessage,
    FakeUser,
    TelegramState,
    WebhookAttempt,
)
from integrations.telegram_fake.server import DEFAULT_TOKEN, FakeTelegram

__all__ = [
    "DEFAULT_TOKEN",
    "ApiCall",
    "BotApiError",
    "CallbackQueryRecord",
    "Change",
    "ChangeKind",
    "FakeChat",
    "FakeMessage",
    "FakeStats",
    "FakeTelegram",
    "FakeTelegramError",
    "FakeUser",
    "FloodLimits",
    "SimulationError",
    "TelegramState",
    "WaitTimeout",
    "WebhookAttempt",
]
