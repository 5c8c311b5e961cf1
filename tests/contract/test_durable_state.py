"""Contract test for what must survive a Redis restart (SQLite and PostgreSQL), and the store's own say on it."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

import redis.asyncio as aioredis

from integrations.sql.database import Database
from integrations.sql.durable import SqlDurableState
from integrations.state.durable import DurableState, StaffPrompt
from integrations.state.memory import MemoryStateStore
from integrations.state.redis import RedisStateStore

REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def test_group_migrations_are_kept_and_a_second_move_wins(sql_database: Database) -> None:
    durable: DurableState = SqlDurableState(sql_database)
    assert await durable.chat_moves() == {}
    await durable.record_chat_move(-4001, -1004001)
    await durable.record_chat_move(-4002, -1004002)
    await durable.record_chat_move(-4001, -1004009)  # recorded twice (a redelivered update): the latest wins
    assert await SqlDurableState(sql_database).chat_moves() == {-4001: -1004009, -4002: -1004002}


async def test_a_staff_prompt_is_kept_per_person_and_chat_and_taken_once(sql_database: Database) -> None:
    asked = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    durable: DurableState = SqlDurableState(sql_database, clock=lambda: asked)
    group, chris, david = -1001000000002, 9101, 9102
    assert await durable.staff_prompt(group, chris) is None
    await durable.save_staff_prompt(group, chris, StaffPrompt("need_info", "R-000001", 41))
    await durable.save_staff_prompt(group, david, StaffPrompt("resolve", "R-000002", None))
    # A newer prompt for the same person in the same chat replaces the older one.
    await durable.save_staff_prompt(group, chris, StaffPrompt("resolve", "R-000003", 42))
    assert await durable.staff_prompt(group, chris) == StaffPrompt("resolve", "R-000003", 42, asked)
    assert await durable.staff_prompt(group, david) == StaffPrompt("resolve", "R-000002", None, asked)
    assert await durable.staff_prompt(-1001000000003, chris) is None
    assert await durable.clear_staff_prompt(group, chris) is True
    assert await durable.clear_staff_prompt(group, chris) is False  # a second worker finds it gone
    assert await durable.staff_prompt(group, chris) is None
    assert await durable.staff_prompt(group, david) is not None


async def test_open_forms_are_recorded_per_chat(sql_database: Database) -> None:
    durable: DurableState = SqlDurableState(sql_database)
    assert await durable.open_form("tg:7002") is None
    await durable.set_open_form("tg:7002", "repair")
    await durable.set_open_form("tg:7001", "bill")
    await durable.set_open_form("tg:7002", "complaint")
    assert await durable.open_form("tg:7002") == "complaint"
    await durable.set_open_form("tg:7002", None)
    await durable.set_open_form("tg:7003", None)  # nothing to clear: fine
    assert (await durable.open_form("tg:7002"), await durable.open_form("tg:7001")) == (None, "bill")


async def test_the_redis_store_says_whether_it_persists() -> None:
    client = aioredis.Redis.from_url(REDIS_URL)
    config = await client.config_get("appendonly")
    config.update(await client.config_get("save"))
    await client.aclose()
    persists = config.get("appendonly") == "yes" or bool(config.get("save", "").strip())
    store = RedisStateStore.from_url(REDIS_URL, prefix=f"test-{uuid.uuid4().hex[:8]}")
    try:
        reason = await store.durability()
    finally:
        await store.close()
    assert (reason is None) == persists, (reason, config)
    if reason is not None:
        assert "appendonly" in reason
    assert await MemoryStateStore().durability() is None
