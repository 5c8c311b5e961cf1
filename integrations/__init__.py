"""Adapters to the outside world: ticket backends, billing data, state stores, telephony, NLU servers."""
