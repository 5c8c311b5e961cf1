"""Updates that can never succeed are acknowledged, kept whole as dead letters, and block nobody."""

from __future__ import annotations

import asyncio
import logging
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
from prometheus_client import REGISTRY

from bot.cli import main
from bot.demo.harness import Harness, running
from dialogs.understanding import MenuOnly, Understanding
from integrations.deadletters import DeadLetter, DeadReason
from integrations.sql.database import Database
from integrations.sql.deadletters import SqlDeadLetters
from integrations.sql.testing import scratch_database
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix

PETER = 7002
SECRET = {"X-Telegram-Bot-Api-Secret-Token": "demo-webhook-secret"}


def poll_without_persistent_id(user_id: int) -> dict[str, Any]:
    """A poll message as Bot API 9.5 sent it: python-telegram-bot 22.8 cannot read it (TypeError)."""
    person = {"id": user_id, "is_bot": False, "first_name": "Peter"}
    return {
        "message": {
            "message_id": 900,
            "date": 1764547200,
            "chat": {"id": user_id, "type": "private", "first_name": "Peter"},
            "from": person,
            "poll": {
                "id": "5001",
                "question": "Lunch?",
                "options": [{"text": "Yes", "voter_count": 0}, {"text": "No", "voter_count": 0}],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
            },
        }
    }


def dead_count(reason: DeadReason) -> float:
    return REGISTRY.get_sample_value("estatedesk_dead_letters_total", {"reason": reason.value}) or 0.0


async def dead_count_reaches(reason: DeadReason, count: float, within: float = 5.0) -> float:
    """The counter once it reaches ``count`` (or its value after ``within`` seconds): the processor counts
    a dead letter just after the row is stored, so a test that has seen the row may look a moment early."""
    deadline = asyncio.get_running_loop().time() + within
    while (value := dead_count(reason)) < count and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    return value


async def recent_dead_letters(db: Database, within: float = 10.0) -> list[DeadLetter]:
    """The dead letters once there is one (or none after ``within`` seconds)."""
    deadline = asyncio.get_running_loop().time() + within
    while not (letters := await SqlDeadLetters(db).recent()) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
    return letters


async def link_peter(h: Harness) -> None:
    h.fake.add_user(PETER, "Peter", language_code="en")
    await h.act(h.fake.send_text(PETER, "/start"))
    await h.act(h.fake.send_contact(PETER, "+852 6123 0001"))


@pytest.mark.parametrize("mode", ["webhook", "polling"])
async def test_an_update_the_library_cannot_read_is_set_aside_and_the_next_one_is_served(
    tmp_path: Path, mode: str
) -> None:
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    before = dead_count(DeadReason.UNPARSABLE)
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode=mode) as h,
        ):
            await link_peter(h)
            dead = await h.fake.push_update(poll_without_persistent_id(PETER))
            after = await h.fake.send_text(PETER, "/help")
            await h.settle(after, timeout=10)
            assert any("/repair" in m.text for m in h.fake.bot_messages(PETER)), "the next update was not served"

            # The update that cannot be read belongs to no chat, so nothing orders it before the next one:
            # its dead letter may be written just after /help is answered.
            letters = await recent_dead_letters(db)
            assert [(x.update_id, x.reason) for x in letters] == [(dead["update_id"], DeadReason.UNPARSABLE)]
            assert orjson.loads(letters[0].payload) == dead  # kept whole
            assert "persistent_id" in letters[0].error
            assert await dead_count_reaches(DeadReason.UNPARSABLE, before + 1) == before + 1
            if mode == "webhook":
                attempts = [a for a in h.fake.webhook_attempts if a.update_id == dead["update_id"]]
                assert [a.status for a in attempts] == [200]  # acknowledged at once, never redelivered
                async with aiohttp.ClientSession() as http:
                    metrics_url = h.webhook_url.replace("/telegram/webhook", "/metrics")
                    async with http.get(metrics_url) as resp:
                        assert 'estatedesk_dead_letters_total{reason="unparsable"}' in await resp.text()
            else:
                await h.fake.wait_for(lambda: not h.fake.state.updates, what="every update confirmed")
    finally:
        await drop_redis_prefix(prefix)


async def test_a_body_that_is_not_json_is_kept_and_acknowledged(tmp_path: Path) -> None:
    async with scratch_database("sqlite", tmp_path) as db, running(database=db, mode="webhook") as h:
        async with aiohttp.ClientSession() as http:
            for body in (b"not even json \xff", b"[]", b'{"update_id": "seven"}'):
                async with http.post(h.webhook_url, data=body, headers=SECRET) as resp:
                    assert resp.status == 200
        letters = await SqlDeadLetters(db).recent()
        assert [x.payload for x in reversed(letters)] == [b"not even json \xff", b"[]", b'{"update_id": "seven"}']
        assert all(x.update_id is None and x.reason is DeadReason.UNPARSABLE for x in letters)


class BrokenOn:
    """An understanding step with a bug that only one message triggers, every time."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.calls = 0
        self.menu = MenuOnly()

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        if self.word in text:
            self.calls += 1
            raise KeyError(self.word)
        return await self.menu.understand(text, language)


async def test_a_turn_that_fails_every_time_is_retried_then_set_aside_and_the_chat_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = BrokenOn("kaboom")
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook", understander=broken) as h,
        ):
            await link_peter(h)
            bad = await h.act(h.fake.send_text(PETER, "kaboom in the lift"), timeout=15)
            assert broken.calls == 3  # a bounded number of attempts
            letters = await SqlDeadLetters(db).recent()
            assert [(x.update_id, x.reason, x.attempts) for x in letters] == [(bad["update_id"], DeadReason.FAILED, 3)]
            assert "KeyError: 'kaboom'" in letters[0].error
            errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
            assert len(errors) == 1 and "KeyError: 'kaboom'" in errors[0].getMessage()  # logged once
            assert orjson.loads(letters[0].payload)["message"]["text"] == "kaboom in the lift"
            assert [a.status for a in h.fake.webhook_attempts if a.update_id == bad["update_id"]] == [200]
            assert sum("something went wrong" in m.text for m in h.fake.bot_messages(PETER)) == 1
            seen = len(h.fake.bot_messages(PETER))
            await h.act(h.fake.send_text(PETER, "/help"))
            assert any("/repair" in m.text for m in h.fake.bot_messages(PETER)[seen:])
            # A redelivery of the dead update (Telegram never saw the 200) is not run or told again.
            await h.act(h.fake.redeliver(bad))
            assert broken.calls == 3
            assert sum("something went wrong" in m.text for m in h.fake.bot_messages(PETER)) == 1
    finally:
        await drop_redis_prefix(prefix)


async def test_a_worker_that_died_on_an_update_again_and_again_sets_it_aside(tmp_path: Path) -> None:
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with (
            scratch_database("sqlite", tmp_path) as db,
            running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, mode="webhook") as h,
        ):
            await link_peter(h)
            await h.desk.bot.delete_webhook()  # hold the update back while we play three dead workers
            update = await h.fake.send_text(PETER, "/help")
            key = f"update:{update['update_id']}"
            for _ in range(3):  # each claimed it, counted an attempt and died without a word
                await h.desk.store.count(key, "attempts")
            await h.desk.bot.set_webhook(h.webhook_url, secret_token="demo-webhook-secret")
            await h.settle(update)
            letters = await SqlDeadLetters(db).recent()
            assert [(x.update_id, x.reason) for x in letters] == [(update["update_id"], DeadReason.CRASHED)]
            assert not any("/repair" in m.text for m in h.fake.bot_messages(PETER))
    finally:
        await drop_redis_prefix(prefix)


async def test_the_deadletters_command_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    db = Database(url)
    await db.migrate()
    store = SqlDeadLetters(db)
    for update_id, reason, error, attempts in (
        (41, DeadReason.UNPARSABLE, "TypeError", 1),
        (42, DeadReason.FAILED, "KeyError: 'y'", 3),
    ):
        payload = b'{"update_id":%d}' % update_id
        await store.add(update_id=update_id, reason=reason, payload=payload, error=error, attempts=attempts)
    await db.dispose()
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", url)
    assert await asyncio.to_thread(main, ["deadletters", "--payload"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2 dead letter(s); newest first"
    assert out.index("update 42 failed attempts=3") < out.index("update 41 unparsable attempts=1")
    assert "error: KeyError: 'y'" in out and '{"update_id":41}' in out
