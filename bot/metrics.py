"""Prometheus metrics, defined once; served at ``/metrics`` by the web server."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

UPDATES = Counter("estatedesk_updates_total", "Telegram updates by outcome", ["outcome"])
UPDATE_SECONDS = Histogram(
    "estatedesk_update_seconds",
    "Time to process one update, dialog turn and replies included",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
TICKETS = Counter("estatedesk_tickets_total", "Tickets created", ["kind"])
DEAD_LETTERS = Counter(
    "estatedesk_dead_letters_total",
    "Updates set aside in the dead-letter table (acknowledged, never processed), by reason",
    ["reason"],
)
