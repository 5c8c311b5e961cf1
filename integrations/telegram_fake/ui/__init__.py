"""A browser chat UI over the fake Telegram: act as residents and staff, and watch the bot answer live."""

from integrations.telegram_fake.ui.api import ChatUI, UiRequestError
from integrations.telegram_fake.ui.views import ClockControl, Person

__all__ = ["ChatUI", "ClockControl", "Person", "UiRequestError"]
