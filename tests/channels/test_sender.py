"""The Telegram sender's requests, through the real python-telegram-bot stack, as the fake Bot API checks them.

The sender posts ``sendMessage`` and ``editMessageText`` itself rather than through ``Bot.send_message`` (see
``bot.channels.telegram.sender.post``): these tests pin that what reaches Telegram is what those methods would
send, and that Telegram's refusals still come back as the desk's errors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.ext import ExtBot

from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.sender import TelegramSender
from bot.messaging import ChatUnreachable, MessageGone
from dialogs.replies import Choice, Reply
from integrations.telegram_fake import DEFAULT_TOKEN, FakeTelegram

RESIDENT = 5001
GROUP = -100777


@pytest.fixture
async def sender(fake_telegram: FakeTelegram) -> AsyncIterator[TelegramSender]:
    fake_telegram.add_user(RESIDENT, "Chan")
    fake_telegram.add_group(GROUP, "Repairs", forum=True, members=(RESIDENT,))
    bot = ExtBot(DEFAULT_TOKEN, base_url=f"{fake_telegram.url}/bot", request=AiohttpRequest())
    async with bot:
        yield TelegramSender(bot)


SUMMARY = Reply(
    "Please check <your> report",
    title="Repair",
    fields=(("Unit", "3/502"),),
    choices=((Choice("confirm", "Confirm ✅"), Choice("change", "Change")),),
    token="t1",
)


async def test_a_message_goes_out_with_its_keyboard_html_and_no_preview(
    fake_telegram: FakeTelegram, sender: TelegramSender
) -> None:
    message_id = await sender.send(RESIDENT, SUMMARY)

    [message] = fake_telegram.bot_messages(RESIDENT)
    assert message.message_id == message_id > 0
    assert "<your>" in (message.text or "") and "Repair" in (message.text or "")
    assert "bold" in [e["type"] for e in message.entities]  # the title, parsed as HTML by the fake
    buttons = [b["text"] for b in (message.reply_markup or {})["inline_keyboard"][0]]
    assert buttons == ["Confirm ✅", "Change"]
    [call] = fake_telegram.calls_to("sendMessage")
    assert call.status == 200
    assert call.params["link_preview_options"] == {"is_disabled": True}
    # Nothing PTB would have dropped reaches Telegram: no empty thread or reply parameters.
    assert "message_thread_id" not in call.params and "reply_parameters" not in call.params


async def test_a_reply_in_a_topic_keeps_its_thread_and_survives_a_deleted_original(
    fake_telegram: FakeTelegram, sender: TelegramSender
) -> None:
    topic = await sender.bot.create_forum_topic(GROUP, "R-000001")
    card = await sender.send(GROUP, Reply("card"), thread_id=topic.message_thread_id)
    answer = await sender.send(GROUP, Reply("claimed"), reply_to=card, thread_id=topic.message_thread_id)
    by_id = {m.message_id: m for m in fake_telegram.bot_messages(GROUP)}
    assert by_id[answer].reply_to_message_id == card
    assert by_id[answer].message_thread_id == topic.message_thread_id

    await sender.delete(GROUP, card)
    late = await sender.send(GROUP, Reply("resolved"), reply_to=card, thread_id=topic.message_thread_id)
    assert late > answer  # allow_sending_without_reply: the message goes out without the quote


async def test_an_edit_replaces_text_and_keyboard_and_an_unchanged_edit_is_no_error(
    fake_telegram: FakeTelegram, sender: TelegramSender
) -> None:
    message_id = await sender.send(RESIDENT, SUMMARY)
    await sender.edit(RESIDENT, message_id, Reply("Report R-000001 received"))
    [message] = fake_telegram.bot_messages(RESIDENT)
    assert message.text == "Report R-000001 received"
    assert message.reply_markup is None and message.edit_date is not None
    [edit] = fake_telegram.calls_to("editMessageText")
    assert edit.params["link_preview_options"] == {"is_disabled": True}

    await sender.edit(RESIDENT, message_id, Reply("Report R-000001 received"))  # "message is not modified"
    assert fake_telegram.calls_to("editMessageText")[-1].status == 400


async def test_refusals_come_back_as_the_desks_errors(fake_telegram: FakeTelegram, sender: TelegramSender) -> None:
    message_id = await sender.send(RESIDENT, Reply("hello"))
    with pytest.raises(MessageGone):
        await sender.edit(RESIDENT, message_id + 100, Reply("edited"))
    fake_telegram.block(RESIDENT)
    with pytest.raises(ChatUnreachable):
        await sender.send(RESIDENT, Reply("hello again"))
    with pytest.raises(ChatUnreachable):
        await sender.send(424242, Reply("nobody"))  # "chat not found"


async def test_a_group_upgraded_to_a_supergroup_is_followed_to_its_new_id_and_the_move_kept(
    fake_telegram: FakeTelegram, sender: TelegramSender
) -> None:
    # A basic group becomes a supergroup (a topic or a public link added, say): Telegram gives it a new id and
    # refuses every send to the old one with "group chat was upgraded", naming the new. Nothing the desk holds
    # (the estate config, a ticket's card chat) knows the new id until told.
    basic = -4009
    fake_telegram.add_group(basic, "Managers", members=(RESIDENT,))
    kept: list[tuple[int, int]] = []

    async def keep(old: int, new: int) -> None:
        kept.append((old, new))

    sender.on_moved = keep
    before = await sender.send(basic, Reply("before"))
    new = (await fake_telegram.upgrade_group(RESIDENT, basic))["message"]["migrate_to_chat_id"]
    after = await sender.send(basic, Reply("escalation"), reply_to=before)

    assert [m.text for m in fake_telegram.bot_messages(new)] == ["escalation"]
    assert after == fake_telegram.bot_messages(new)[0].message_id
    assert kept == [(basic, new)] and sender.moves == {basic: new}
    refused = [c for c in fake_telegram.calls_to("sendMessage") if c.status != 200]
    assert len(refused) == 1 and int(refused[0].params["chat_id"]) == basic
    # From then on the new id is used at once: no refused call first, edits too.
    await sender.send(basic, Reply("next"))
    await sender.edit(basic, after, Reply("escalation, edited"))
    assert len([c for c in fake_telegram.calls_to("sendMessage") if c.status != 200]) == 1
    assert [m.text for m in fake_telegram.bot_messages(new)] == ["escalation, edited", "next"]
    assert kept == [(basic, new)]


async def test_the_move_is_followed_even_when_it_cannot_be_kept_and_kept_once_it_can(
    fake_telegram: FakeTelegram, sender: TelegramSender
) -> None:
    basic = -4010
    fake_telegram.add_group(basic, "Engineering", members=(RESIDENT,))
    new = (await fake_telegram.upgrade_group(RESIDENT, basic))["message"]["migrate_to_chat_id"]
    kept: list[tuple[int, int]] = []
    database_up = False

    async def keep(old: int, new: int) -> None:
        if not database_up:
            raise RuntimeError("database unavailable")
        kept.append((old, new))

    sender.on_moved = keep
    await sender.send(basic, Reply("card"))
    assert [m.text for m in fake_telegram.bot_messages(new)] == ["card"]
    # Not remembered while it cannot be kept: the next send is refused again and followed again...
    assert sender.moves == {} and kept == []
    database_up = True
    await sender.send(basic, Reply("reminder"))
    # ...and the move is kept then, and remembered.
    assert [m.text for m in fake_telegram.bot_messages(new)] == ["card", "reminder"]
    assert kept == [(basic, new)] and sender.moves == {basic: new}
    refused = [c for c in fake_telegram.calls_to("sendMessage") if c.status != 200]
    assert len(refused) == 2
