"""The phone channel: a provider's voice webhooks in, the channel-neutral dialogs, voice actions out."""

from bot.channels.phone.channel import PhoneChannel

__all__ = ["PhoneChannel"]
