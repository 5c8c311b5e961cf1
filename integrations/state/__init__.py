"""Dialog state, per-chat locks and update claims: Redis in production, in-process for the demo."""

from integrations.state.base import Claim, Hold, StateStore

__all__ = ["Claim", "Hold", "StateStore"]
