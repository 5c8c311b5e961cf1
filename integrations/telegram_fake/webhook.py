"""Webhook delivery as Telegram does it: POST each update, one at a time per chat, retrying until a 2xx."""

from __future__ import annotations

import asyncio
import json
import logging
from contextlib import suppress

import aiohttp

from integrations.telegram_fake.model import PendingUpdate, TelegramState, WebhookAttempt, WebhookSettings

_LOG = logging.getLogger(__name__)


class WebhookDelivery:
    """Runs while the fake serves; idle unless a webhook is set.

    Telegram keeps one queue per chat: the next update of a chat waits until the previous one was accepted,
    while other chats go ahead (up to ``max_connections`` at once). A failure is retried after a delay that
    doubles up to ``max_retry_delay``.
    """

    def __init__(
        self,
        state: TelegramState,
        *,
        retry_delay: float = 1.0,
        max_retry_delay: float = 60.0,
        timeout: float = 10.0,
    ) -> None:
        self.state = state
        self.retry_delay = retry_delay
        self.max_retry_delay = max_retry_delay
        self.timeout = timeout
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._session: aiohttp.ClientSession | None = None
        self._slots: tuple[int, asyncio.Semaphore] | None = None
        self._stopping = False

    def stop(self) -> None:
        """Make :meth:`run` return (after cancelling deliveries in flight)."""
        self._stopping = True
        self.state.touch()

    async def run(self) -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as session:
            self._session = session
            self._stopping = False
            try:
                while not self._stopping:
                    self._start_lanes()
                    await self.state.wait_change(1.0)
            finally:
                tasks = list(self._lanes.values())
                for task in tasks:
                    task.cancel()
                for task in tasks:
                    with suppress(asyncio.CancelledError):
                        await task
                self._lanes.clear()

    def _start_lanes(self) -> None:
        if self.state.webhook is None:
            return
        for lane, _ in self.state.lanes():
            task = self._lanes.get(lane)
            if task is None or task.done():
                self._lanes[lane] = asyncio.create_task(self._deliver_lane(lane), name=f"webhook {lane}")

    def _slot(self, hook: WebhookSettings) -> asyncio.Semaphore:
        if self._slots is None or self._slots[0] != hook.generation:
            self._slots = (hook.generation, asyncio.Semaphore(hook.max_connections))
        return self._slots[1]

    async def _deliver_lane(self, lane: str) -> None:
        delay = self.retry_delay
        while True:
            hook = self.state.webhook
            entry = next((e for name, e in self.state.lanes() if name == lane), None)
            if hook is None or entry is None:
                return
            async with self._slot(hook):
                status, error = await self._post(hook, entry)
            attempt = WebhookAttempt(entry.update_id, hook.url, self.state.clock(), status, error)
            self.state.record_attempt(attempt)
            if attempt.ok:
                self.state.remove_update(entry)
                delay = self.retry_delay
                continue
            _LOG.debug("webhook delivery of update %s failed: %s", entry.update_id, error)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.max_retry_delay)

    async def _post(self, hook: WebhookSettings, entry: PendingUpdate) -> tuple[int | None, str | None]:
        assert self._session is not None
        headers = {"Content-Type": "application/json"}
        if hook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
        try:
            async with self._session.post(hook.url, data=json.dumps(entry.payload), headers=headers) as response:
                await response.read()
                if 200 <= response.status <= 299:
                    return response.status, None
                return response.status, f"Wrong response from the webhook: {response.status} {response.reason}"
        except TimeoutError:
            return None, "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return None, "Connection refused"
        except aiohttp.ClientError as exc:
            return None, f"Connection error: {exc}"
