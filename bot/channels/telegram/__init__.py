"""The Telegram channel: python-telegram-bot's Bot and Update types, our transport and processing."""
