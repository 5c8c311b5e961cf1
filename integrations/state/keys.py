"""Every Redis key, prefix and TTL estatedesk uses, in one place."""

from __future__ import annotations

from dataclasses import dataclass

# Dialog state outlives any sensible pause in a conversation, but not forever.
STATE_TTL_S = 14 * 24 * 3600
# A claim held by a worker that died is given up after this long, so a redelivery is processed.
CLAIM_TTL_S = 60
# Telegram redelivers for up to 24 h; remembering done updates for 48 h covers it.
DONE_TTL_S = 48 * 3600
# A chat lock is released after this long even if its holder died mid-update.
LOCK_TIMEOUT_S = 30.0
# How long a worker waits for a chat's lock before giving up (the update is then redelivered).
LOCK_WAIT_S = 10.0


@dataclass(frozen=True)
class KeyBuilder:
    prefix: str = "estatedesk"

    def state(self, chat: str) -> str:
        return f"{self.prefix}:state:{chat}"

    def lock(self, chat: str) -> str:
        return f"{self.prefix}:lock:{chat}"

    def claim(self, key: str) -> str:
        return f"{self.prefix}:claim:{key}"

    def counter(self, key: str) -> str:
        return f"{self.prefix}:counter:{key}"
