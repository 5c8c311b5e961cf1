"""The resident registry: who lives where, their phones, languages and Telegram links."""

from integrations.registry.base import ImportReport, RejectedRow, ResidentRegistry, ResidentRow

__all__ = ["ImportReport", "RejectedRow", "ResidentRegistry", "ResidentRow"]
