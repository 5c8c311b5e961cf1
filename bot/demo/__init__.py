"""The embedded demo: the demo estate's data, and a harness that runs estatedesk against the fake Telegram."""
