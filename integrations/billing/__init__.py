"""Billing sources: property fees, prepaid water and electricity, payments."""

from integrations.billing.base import BillingSource

__all__ = ["BillingSource"]
