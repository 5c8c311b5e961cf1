"""Every Redis key, prefix and TTL estatedesk uses, in one place."""

from __future__ import annotations

from dataclasses import dataclass

# Dialog state outlives any sensible pause in a conversation, but not forever.
STATE_TTL_S = 14 * 24 * 3600
# A claim held by a worker that died is given up after this long, so a redelivery is processed.
CLAIM_TTL_S = 60
# An update's claim and a chat's lock are short leases that their holder renews every LEASE_RENEW_S
# while the turn runs: a worker killed mid-turn (kill -9, OOM) stops renewing, and its chats are
# served again by any worker within LEASE_S instead of CLAIM_TTL_S. A holder stalled longer than
# LEASE_S - LEASE_RENEW_S (a blocked event loop) loses its lease.
LEASE_S = 3.0
LEASE_RENEW_S = 1.0
# What a worker remembers of an update while it is handled (attempts, replies already sent), kept
# as long as a redelivery can come.
PROGRESS_TTL_S = 48 * 3600
# Telegram redelivers for up to 24 h; remembering done updates for 48 h covers it.
DONE_TTL_S = 48 * 3600
# A chat lock (a lease of LEASE_S, renewed while held) is renewed for at most this long, so a turn
# that hangs cannot hold its chat forever.
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

    def progress(self, key: str) -> str:
        return f"{self.prefix}:progress:{key}"

    def counter(self, key: str) -> str:
        return f"{self.prefix}:counter:{key}"

    def budget(self, name: str) -> str:
        return f"{self.prefix}:budget:{name}"
