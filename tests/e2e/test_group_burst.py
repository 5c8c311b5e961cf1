"""A burst of cards to one staff group through python-telegram-bot and the fake Bot API with flood limits on:
no 429s, emergencies first, everything delivered on its own or as a digest line; forum topics; edits.

The fake's group limit is 5 a minute and its clock runs 30 times faster than ours, so its minute is our
two seconds; the outbox is given the same 5 per 2 s, and the whole burst drains in a few seconds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from telegram.ext import ExtBot

from bot.channels.telegram.group_outbox import Delivery, GroupOutbox
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.topics import ForumTopics, topic_name
from bot.messaging import ChatUnreachable, MessageGone, Priority
from dialogs.replies import Reply
from integrations.telegram_fake import DEFAULT_TOKEN, FakeMessage, FakeTelegram, FloodLimits
from integrations.telegram_fake.media import TINY_JPEG

ENGINEERING = -1001500000010
FORUM = -1001500000011
PLAIN_GROUP = -1001500000012
SPEED_UP = 30.0  # fake seconds per real second
GROUP_LIMIT = 5
WINDOW = 60.0 / SPEED_UP
TIMEOUT = 30.0


@dataclass
class World:
    fake: FakeTelegram
    bot: ExtBot[None]
    sender: TelegramSender
    outbox: GroupOutbox


@pytest.fixture
async def world() -> AsyncIterator[World]:
    fake = FakeTelegram(
        enforce_limits=True,
        limits=FloodLimits(group_per_minute=GROUP_LIMIT),
        monotonic=lambda: time.monotonic() * SPEED_UP,
    )
    fake.add_group(ENGINEERING, "Engineering")
    fake.add_group(FORUM, "Engineering (topics)", forum=True)
    fake.add_group(PLAIN_GROUP, "Security")
    async with fake.serve():
        # The production stack: PTB's ExtBot over our aiohttp request class.
        bot: ExtBot[None] = ExtBot(
            DEFAULT_TOKEN, base_url=f"{fake.url}/bot", base_file_url=f"{fake.url}/file/bot", request=AiohttpRequest()
        )
        async with bot:
            sender = TelegramSender(bot)
            outbox = GroupOutbox(sender, limit=GROUP_LIMIT, window=WINDOW, reserve=1, max_wait=WINDOW / 2, margin=0.05)
            sender.on_flood = outbox.note_flood
            outbox.start()
            try:
                yield World(fake, bot, sender, outbox)
            finally:
                await outbox.stop(timeout=0)


def card(n: int, *, emergency: bool = False, photos: tuple[str, ...] = (), status: str = "Received") -> Reply:
    title = f"{'🚨 ' if emergency else ''}R-{n:06d}"
    return Reply(text=f"Water leaking in 3-{500 + n}\n{status}", title=title, photos=photos)


def line(n: int) -> str:
    return f"R-{n:06d} plumbing 3-{500 + n}"


def message(fake: FakeTelegram, chat_id: int, message_id: int) -> FakeMessage:
    return next(m for m in fake.messages(chat_id) if m.message_id == message_id)


async def test_a_burst_to_one_group_gets_no_429_and_loses_nothing(world: World) -> None:
    fake, outbox = world.fake, world.outbox
    photo = fake.state.store_photo(TINY_JPEG)[-1]["file_id"]
    emergencies = {4, 9, 13}
    with_photos = {20: (photo,), 31: (photo, photo)}  # staff-facing relays: never batched
    deliveries: dict[int, asyncio.Future[Delivery]] = {}
    for wave in range(3):
        # Reports arrive in three waves of fifteen, each as soon as the previous one is out.
        for n in range(wave * 15, wave * 15 + 15):
            if n in emergencies:
                future = outbox.send_nowait(ENGINEERING, card(n, emergency=True), priority=Priority.EMERGENCY)
            elif n in with_photos:
                future = outbox.send_nowait(ENGINEERING, card(n, photos=with_photos[n]), priority=Priority.HIGH)
            else:
                future = outbox.send_nowait(ENGINEERING, card(n), summary=line(n))
            deliveries[n] = future
        if wave == 0:
            first = await asyncio.wait_for(deliveries[4], TIMEOUT)
            # The first emergency's card changes four times while the group is busy: one edit goes out.
            edits = [
                outbox.edit_nowait(ENGINEERING, first.message_id, card(4, emergency=True, status=f"status {v}"))
                for v in range(1, 5)
            ]
        await asyncio.wait_for(asyncio.gather(*deliveries.values()), TIMEOUT)
    await asyncio.wait_for(asyncio.gather(*edits), TIMEOUT)

    assert fake.stats.flood_limited == 0
    bot_messages = fake.bot_messages(ENGINEERING)
    texts = [m.text for m in bot_messages if m.text is not None]
    assert [text.splitlines()[0] for text in texts[:3]] == [f"🚨 R-{n:06d}" for n in sorted(emergencies)]
    for n, future in deliveries.items():
        delivery = future.result()
        shown = message(fake, ENGINEERING, delivery.message_id)
        if delivery.digest:
            assert n not in emergencies and n not in with_photos
            assert line(n) in shown.body
        else:
            assert f"R-{n:06d}" in shown.body
    assert sum(1 for m in bot_messages if m.photo) == 3
    assert any(f.result().digest for f in deliveries.values()), "a burst of 45 at 5 a window needs digests"
    edited = message(fake, ENGINEERING, deliveries[4].result().message_id)
    assert edited.text is not None and edited.text.endswith("status 4")
    assert len(edited.history) == 1


async def test_forum_topics_are_opened_renamed_and_budgeted(world: World) -> None:
    fake, outbox = world.fake, world.outbox
    topics = ForumTopics(world.bot, outbox)
    thread = await topics.ensure_topic(FORUM, topic_name("R-000123", "Received", "3-502"))
    assert thread is not None
    posted = await outbox.send(FORUM, card(123), thread_id=thread)
    assert message(fake, FORUM, posted.message_id).message_thread_id == thread

    renamed = await asyncio.wait_for(
        asyncio.gather(
            *(topics.rename_topic(FORUM, thread, topic_name("R-000123", s, "3-502")) for s in ("Claimed", "Resolved"))
        ),
        TIMEOUT,
    )
    assert renamed == [True, True]
    forum = fake.state.chat(FORUM)
    assert forum is not None and forum.topics[thread].name == "R-000123 · Resolved · 3-502"
    assert await topics.rename_topic(FORUM, thread, "R-000123 · Resolved · 3-502")  # unchanged: fine
    assert not await topics.rename_topic(FORUM, thread + 999, "R-000999 · Received · -")
    assert await topics.ensure_topic(PLAIN_GROUP, "R-000124 · Received · 1-101") is None
    assert fake.stats.flood_limited == 0


async def test_edits_in_place_and_their_failures(world: World) -> None:
    fake, sender = world.fake, world.sender
    message_id = await sender.send(ENGINEERING, card(1))
    await sender.edit(ENGINEERING, message_id, card(1))  # nothing changed: a success, not an error
    await sender.edit(ENGINEERING, message_id, card(1, status="Claimed by Wong"))
    assert message(fake, ENGINEERING, message_id).body.endswith("Claimed by Wong")
    with pytest.raises(MessageGone):
        await sender.edit(ENGINEERING, message_id + 1000, card(1))
    thread = await ForumTopics(world.bot).ensure_topic(FORUM, "R-000002 · Received · 1-101")
    assert thread is not None
    with pytest.raises(MessageGone):  # the "topic created" service message is not ours to edit
        await sender.edit(FORUM, thread, card(2))
    answer = await sender.send(ENGINEERING, Reply("Resident: the tap is off now"), reply_to=message_id)
    assert message(fake, ENGINEERING, answer).reply_to_message_id == message_id
    fake.block(ENGINEERING)
    with pytest.raises(ChatUnreachable):
        await world.outbox.send(ENGINEERING, card(3))
