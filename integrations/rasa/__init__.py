"""Rasa assistants: estatedesk's custom actions over rasa-sdk, and ticket news through Rasa's HTTP API."""
