"""estatedesk: a customer-service bot for property-management desks."""

__version__ = "0.1.0"
