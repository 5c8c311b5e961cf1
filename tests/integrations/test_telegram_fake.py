"""The fake Bot API server, driven only through real python-telegram-bot objects."""

from __future__ import annotations

import asyncio
import struct
import zlib
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from integrations.telegram_fake import DEFAULT_TOKEN, Change, ChangeKind, FakeTelegram, SimulationError, formatting
from integrations.telegram_fake.botapi import CALLBACK_ANSWER_WINDOW_S
from integrations.telegram_fake.limits import FloodControl, FloodLimits
from integrations.telegram_fake.media import TINY_JPEG

MEI = 1001
STAFF = 2001
DESK_GROUP = -1001500000001


def bot_for(fake: FakeTelegram, token: str = DEFAULT_TOKEN) -> Bot:
    return Bot(token, base_url=f"{fake.url}/bot", base_file_url=f"{fake.url}/file/bot")


@pytest.fixture
async def fake(fake_telegram: FakeTelegram) -> FakeTelegram:
    fake_telegram.add_user(MEI, "Mei", language_code="zh-hant", username="mei_chan")
    fake_telegram.add_user(STAFF, "Ah Keung")
    fake_telegram.add_group(DESK_GROUP, "Service desk", members=(STAFF,))
    return fake_telegram


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with bot_for(fake) as b:
        yield b


def png(width: int, height: int) -> bytes:
    """A valid RGB PNG, built with the standard library."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def retry_after_s(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else value


# PTB 22 warns (even inside its own RetryAfter) that retry_after will become a timedelta; both are handled.
ignore_retry_after_deprecation = pytest.mark.filterwarnings(
    "ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning"
)


async def test_get_me_and_the_token_check(fake: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (123456, True, "estatedesk_bot")
    assert fake.calls_to("getMe")[0].status == 200

    with pytest.raises(InvalidToken):
        async with bot_for(fake, "123456:WRONG"):
            pass
    assert fake.calls_to("getMe")[-1].status == 200  # the refused call never reached a method
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")

    anyone = FakeTelegram(token=None)
    async with anyone.serve(), bot_for(anyone, "42:ANY") as other:
        assert (await other.get_me()).id == 123456


async def test_send_message_with_html_records_plain_text_and_entities(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(
        MEI, "😀 <b>3棟502</b> <i>廚房</i> &lt;漏水&gt; <a href='https://example.org/t'>R-1</a>", parse_mode="HTML"
    )
    assert sent.text == "😀 3棟502 廚房 <漏水> R-1"
    # Offsets count UTF-16 units: the emoji takes two.
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 3, 5),
        ("italic", 9, 2),
        ("text_link", 17, 3),
    ]
    stored = fake.bot_messages(MEI)[-1]
    assert stored.text == sent.text
    assert stored.entities[0] == {"type": "bold", "offset": 3, "length": 5}
    assert stored.html == '😀 <b>3棟502</b> <i>廚房</i> &lt;漏水&gt; <a href="https://example.org/t">R-1</a>'
    assert fake.calls_to("sendMessage")[-1].params["parse_mode"] == "HTML"

    markdown = await bot.send_message(MEI, r"*Ticket* R\-000123 is _open_\.", parse_mode="MarkdownV2")
    assert markdown.text == "Ticket R-000123 is open."
    assert [e.type for e in markdown.entities] == ["bold", "italic"]


async def test_bad_markup_is_refused_with_telegrams_words(fake: FakeTelegram, bot: Bot) -> None:
    cases = [
        ("HTML", "<p>hello</p>", 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0'),
        ("HTML", "<b>bold", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""),
        ("HTML", "1 < 2", 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2'),
        (
            "MarkdownV2",
            "Done.",
            "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
        ),
    ]
    for mode, text, description in cases:
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(MEI, text, parse_mode=mode)
        assert fake.calls_to("sendMessage")[-1].description == description
    assert fake.bot_messages(MEI) == []


async def test_text_and_button_limits(fake: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(MEI, "漏" * 4096)
    await bot.send_message(MEI, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")  # tags do not count
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(MEI, "漏" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(MEI, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hello")

    fits = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="x" * 64)]])
    await bot.send_message(MEI, "64 bytes of data", reply_markup=fits)
    for data in ("x" * 65, "漏" * 22):  # 65 bytes; 66 bytes in 22 characters
        too_long = InlineKeyboardMarkup([[InlineKeyboardButton("no", callback_data=data)]])
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(MEI, "too much data", reply_markup=too_long)
    with pytest.raises(BadRequest, match=r"(?i)text buttons are unallowed"):
        await bot.send_message(MEI, "no action", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("x")]]))
    assert len(fake.bot_messages(MEI)) == 3


async def test_photo_upload_get_file_and_download(fake: FakeTelegram, bot: Bot) -> None:
    image = png(400, 300)
    sent = await bot.send_photo(MEI, photo=image, caption="<b>Ceiling</b> leak", parse_mode="HTML")
    assert [(p.width, p.height) for p in sent.photo] == [(90, 68), (320, 240), (400, 300)]
    assert sent.caption == "Ceiling leak"
    assert fake.bot_messages(MEI)[-1].photo_file_ids == [p.file_id for p in sent.photo]

    file = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == image
    again = await bot.send_photo(MEI, photo=sent.photo[-1].file_id)
    assert [p.file_id for p in again.photo] == [p.file_id for p in sent.photo]

    update = await fake.send_photo(MEI, caption="天花板漏水")
    from_resident = update["message"]["photo"][-1]["file_id"]
    downloaded = await (await bot.get_file(from_resident)).download_as_bytearray()
    assert bytes(downloaded) == TINY_JPEG

    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(MEI, photo=b"not an image at all")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(MEI, photo=image, caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("no-such-file")


async def test_edit_in_place_and_not_modified(fake: FakeTelegram, bot: Bot) -> None:
    claim = InlineKeyboardMarkup([[InlineKeyboardButton("Claim", callback_data="t:1:claim")]])
    card = await bot.send_message(DESK_GROUP, "R-000001 leak in 3-502", reply_markup=claim)
    edited = await bot.edit_message_text(
        "R-000001 leak in 3-502, claimed", chat_id=DESK_GROUP, message_id=card.message_id, reply_markup=claim
    )
    assert isinstance(edited, Message) and edited.edit_date is not None
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "R-000001 leak in 3-502, claimed", chat_id=DESK_GROUP, message_id=card.message_id, reply_markup=claim
        )
    # An edit without reply_markup drops the keyboard, as on Telegram.
    await bot.edit_message_text("R-000001 closed", chat_id=DESK_GROUP, message_id=card.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat_id=DESK_GROUP, message_id=card.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=DESK_GROUP, message_id=999)

    shown = fake.messages(DESK_GROUP)
    assert len(shown) == 1
    assert (shown[0].text, shown[0].buttons, shown[0].edited) == ("R-000001 closed", [], True)
    assert [v.text for v in shown[0].history] == ["R-000001 leak in 3-502", "R-000001 leak in 3-502, claimed"]
    assert await bot.delete_message(DESK_GROUP, card.message_id)
    assert fake.messages(DESK_GROUP) == []


async def test_press_and_answer_callback_query(fake: FakeTelegram, bot: Bot) -> None:
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton("滿意", callback_data="s:1:5"), InlineKeyboardButton("Help", url="https://x.org")]]
    )
    await bot.send_message(MEI, "How did we do?", reply_markup=markup)
    question = fake.bot_messages(MEI)[-1]
    assert question.buttons == [[("滿意", "s:1:5"), ("Help", "https://x.org")]]

    update = await fake.press(MEI, question, "滿意")
    assert update["callback_query"]["data"] == "s:1:5"
    assert update["callback_query"]["message"]["message_id"] == question.message_id
    assert await bot.answer_callback_query(update["callback_query"]["id"], text="Thanks!", show_alert=True)
    answer = fake.callback_answer(update)
    assert (answer.answered, answer.answer_text, answer.show_alert) == (True, "Thanks!", True)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(update["callback_query"]["id"])
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query("12345")

    with pytest.raises(SimulationError, match="no button"):
        await fake.press(MEI, question, "s:1:1")
    with pytest.raises(SimulationError, match="sends no callback"):
        await fake.press(MEI, question, "Help")
    forged = await fake.press(MEI, question, "t:999:close", forge=True)
    assert forged["callback_query"]["data"] == "t:999:close"


async def test_get_updates_offset_limit_and_long_polling(fake: FakeTelegram, bot: Bot) -> None:
    first = await fake.send_text(MEI, "/start")
    assert first["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    second = await fake.send_text(MEI, "3棟502廚房漏水")
    third = await fake.send_contact(MEI, "+85291234567")
    ids = [first["update_id"], second["update_id"], third["update_id"]]

    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates()] == ids  # nothing confirmed yet
    assert [u.update_id for u in await bot.get_updates(offset=ids[1])] == ids[1:]  # the first is forgotten
    assert [u.update_id for u in await bot.get_updates(offset=ids[0], limit=1)] == ids[1:2]
    contact = (await bot.get_updates(offset=ids[2]))[0].message
    assert contact is not None and contact.contact is not None and contact.contact.user_id == MEI
    assert await bot.get_updates(offset=ids[2] + 1) == ()
    assert fake.state.updates == []

    for text in ("a", "b", "c"):
        await fake.send_text(MEI, text)
    last = await bot.get_updates(offset=-1)
    assert [u.message.text for u in last if u.message] == ["c"]

    # A long poll answers as soon as an update arrives, not when its timeout runs out.
    poll = asyncio.create_task(bot.get_updates(offset=last[0].update_id + 1, timeout=20))
    await fake.wait_for(lambda: any(c.method == "getUpdates" and c.status is None for c in fake.calls))
    loop = asyncio.get_running_loop()
    started = loop.time()
    await fake.send_text(MEI, "are you there?")
    got = await asyncio.wait_for(poll, 5)
    assert [u.message.text for u in got if u.message] == ["are you there?"]
    assert loop.time() - started < 2

    # A second poller takes over; the first is told it conflicts.
    waiting = asyncio.create_task(bot.get_updates(offset=got[0].update_id + 1, timeout=20))
    await fake.wait_for(lambda: any(c.method == "getUpdates" and c.status is None for c in fake.calls))
    async with bot_for(fake) as other:
        assert await other.get_updates(offset=got[0].update_id + 1) == ()
    with pytest.raises(Conflict, match=r"(?i)terminated by other getupdates"):
        await waiting

    # allowed_updates changes what is queued from then on.
    await bot.get_updates(offset=got[0].update_id + 1, allowed_updates=["callback_query"])
    filtered = await fake.send_text(MEI, "not wanted")
    assert fake.state.updates == [] and fake.state.filtered_updates[-1] == filtered


async def test_application_polling_round_trip(fake: FakeTelegram) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        menu = InlineKeyboardMarkup([[InlineKeyboardButton("Report a repair", callback_data="m:repair")]])
        await update.message.reply_text("Hello <b>Mei</b>", parse_mode="HTML", reply_markup=menu)

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("OK")
        await query.edit_message_text(f"You chose {query.data}")

    app = (
        Application.builder()
        .token(DEFAULT_TOKEN)
        .base_url(f"{fake.url}/bot")
        .base_file_url(f"{fake.url}/file/bot")
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(chosen))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=10)
        try:
            await fake.send_text(MEI, "/start")
            greeting = await fake.next_bot_message(MEI)
            assert (greeting.text, greeting.html) == ("Hello Mei", "Hello <b>Mei</b>")
            assert greeting.buttons == [[("Report a repair", "m:repair")]]

            pressed = await fake.press(MEI, greeting, "Report a repair")
            await fake.wait_for(lambda: fake.callback_answer(pressed).answered, what="the callback answer")
            await fake.wait_for(lambda: fake.messages(MEI)[-1].edited, what="the edit")
            assert (fake.messages(MEI)[-1].text, fake.messages(MEI)[-1].buttons) == ("You chose m:repair", [])
            assert fake.callback_answer(pressed).answer_text == "OK"
        finally:
            await app.updater.stop()
            await app.stop()
    assert fake.state.updates == []  # stopping the updater confirmed everything it handled


async def test_webhook_delivery_with_secret_is_retried_until_accepted(fake: FakeTelegram, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []

    async def receive(request: web.Request) -> web.Response:
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        return web.Response(status=500 if len(received) == 1 else 200)

    receiver = web.Application()
    receiver.router.add_post("/hook", receive)
    runner = web.AppRunner(receiver)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    try:
        stale = await fake.send_text(MEI, "sent while the bot was down")
        with pytest.raises(BadRequest, match=r"(?i)secret token contains unallowed characters"):
            await bot.set_webhook(url, secret_token="not allowed!")
        assert await bot.set_webhook(url, secret_token="s3cret_-X", drop_pending_updates=True)
        assert stale not in [body for _, body in received] and fake.state.updates == []
        with pytest.raises(Conflict, match=r"(?i)webhook is active"):
            await bot.get_updates()

        update = await fake.send_text(MEI, "water leaking from ceiling in 12B")
        await fake.wait_for(lambda: len(fake.webhook_attempts) == 2 and not fake.state.updates, what="delivery")
        assert [a.status for a in fake.webhook_attempts] == [500, 200]
        assert received == [("s3cret_-X", update), ("s3cret_-X", update)]
        info = await bot.get_webhook_info()
        assert (info.url, info.pending_update_count) == (url, 0)
        assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"

        # One chat's updates arrive in order; a redelivery repeats the same update_id.
        sent = [await fake.send_text(MEI, f"message {n}") for n in range(3)]
        await fake.redeliver(sent[0])
        await fake.wait_for(lambda: len(received) == 6, what="four more deliveries")
        assert [body["update_id"] for _, body in received[2:]] == [u["update_id"] for u in [*sent, sent[0]]]

        assert await bot.delete_webhook()
        assert (await bot.get_webhook_info()).url == ""
    finally:
        await runner.cleanup()


@ignore_retry_after_deprecation
async def test_injected_failures_surface_as_ptb_errors(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(MEI, "hello")
    assert retry_after_s(flood.value) == 7
    assert fake.stats.too_many_requests == 1

    fake.fail_next("sendMessage", 502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(MEI, "hello")
    fake.fail_next("*", 500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.get_me()

    await bot.send_message(MEI, "hello")  # the faults are used up
    assert [m.text for m in fake.bot_messages(MEI)] == ["hello"]
    assert fake.stats.injected_failures == 4


async def test_blocked_chat_is_forbidden(fake: FakeTelegram, bot: Bot) -> None:
    fake.block(MEI)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(MEI, "Your bill is due")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(MEI, "typing")
    fake.unblock(MEI)
    await bot.send_message(MEI, "Your bill is due")
    assert fake.stats.forbidden == 2


@ignore_retry_after_deprecation
async def test_flood_limits_for_a_group_and_a_private_chat() -> None:
    now = [1000.0]
    fake = FakeTelegram(enforce_limits=True, monotonic=lambda: now[0])
    fake.add_user(MEI, "Mei")
    fake.add_group(DESK_GROUP, "Service desk")
    async with fake.serve(), bot_for(fake) as bot:
        for n in range(20):
            await bot.send_message(DESK_GROUP, f"card {n}")
        with pytest.raises(RetryAfter) as group_flood:
            await bot.send_message(DESK_GROUP, "card 20")
        assert retry_after_s(group_flood.value) == 60
        now[0] += 60
        await bot.send_message(DESK_GROUP, "card 20")

        for n in range(3):  # the burst a private chat allows
            await bot.send_message(MEI, f"notice {n}")
        with pytest.raises(RetryAfter) as private_flood:
            await bot.send_message(MEI, "notice 3")
        assert retry_after_s(private_flood.value) == 1
        now[0] += 1
        await bot.send_message(MEI, "notice 3")
    assert fake.stats.flood_limited == 2
    assert len(fake.bot_messages(DESK_GROUP)) == 21


async def test_forum_topics_and_threads(fake: FakeTelegram, bot: Bot) -> None:
    engineering = -1001500000002
    fake.add_group(engineering, "Engineering", forum=True, members=(STAFF,))
    topic = await bot.create_forum_topic(engineering, "R-000123 漏水")
    sent = await bot.send_message(engineering, "Details", message_thread_id=topic.message_thread_id)
    assert (sent.message_thread_id, sent.is_topic_message) == (topic.message_thread_id, True)

    reply = await fake.send_text(STAFF, "On my way", chat_id=engineering, reply_to=sent.message_id)
    assert reply["message"]["message_thread_id"] == topic.message_thread_id
    assert await bot.edit_forum_topic(engineering, topic.message_thread_id, name="R-000123 done")
    assert await bot.close_forum_topic(engineering, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)topic_not_modified"):
        await bot.close_forum_topic(engineering, topic.message_thread_id)
    assert await bot.reopen_forum_topic(engineering, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(engineering, "lost", message_thread_id=999)
    with pytest.raises(BadRequest, match=r"(?i)the chat is not a forum"):
        await bot.create_forum_topic(DESK_GROUP, "no forum here")
    assert [m.text for m in fake.bot_messages(engineering)] == ["Details"]


async def test_commands_chat_actions_media_groups_and_the_change_feed(fake: FakeTelegram, bot: Bot) -> None:
    changes: list[Change] = []
    unsubscribe = fake.state.subscribe(changes.append)

    assert await bot.set_my_commands([("start", "Start"), ("repair", "Report a repair")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "repair"]
    assert await bot.get_my_commands(language_code="zh") == ()
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()

    assert await bot.send_chat_action(MEI, "typing")
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(MEI, "dancing")
    chat = await bot.get_chat(DESK_GROUP)
    assert (chat.type, chat.title) == ("supergroup", "Service desk")

    with pytest.raises(BadRequest, match=r"(?i)2-10 items"):
        await bot.send_media_group(MEI, [InputMediaPhoto(png(20, 20))])
    album = await bot.send_media_group(MEI, [InputMediaPhoto(png(20, 20)), InputMediaPhoto(png(30, 30))])
    assert len({m.media_group_id for m in album}) == 1 and len(album) == 2

    keyboard = ReplyKeyboardMarkup([[KeyboardButton("Share my number", request_contact=True)]], one_time_keyboard=True)
    asked = await bot.send_message(MEI, "Your phone number, please", reply_markup=keyboard)
    assert fake.bot_messages(MEI)[-1].reply_keyboard == [[("Share my number", "request_contact")]]
    await bot.delete_message(MEI, asked.message_id)
    unsubscribe()
    await bot.send_message(MEI, "not seen by the unsubscribed listener")

    kinds = [(c.kind, c.message.message_id if c.message else None) for c in changes]
    assert kinds == [
        (ChangeKind.CHAT_ACTION, None),
        (ChangeKind.NEW_MESSAGE, album[0].message_id),
        (ChangeKind.NEW_MESSAGE, album[1].message_id),
        (ChangeKind.NEW_MESSAGE, asked.message_id),
        (ChangeKind.DELETED_MESSAGE, asked.message_id),
    ]


def test_flood_control_counts_every_chat_against_the_overall_limit() -> None:
    now = [0.0]
    flood = FloodControl(FloodLimits(overall_per_second=30, private_burst=3), clock=lambda: now[0])
    admitted = [flood.admit(chat, private=True) for chat in range(31)]
    assert admitted[:30] == [None] * 30 and admitted[30] == 1
    now[0] += 1.0
    assert flood.admit(31, private=True) is None


_SEGMENT_KINDS = [None, "bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=8), st.sampled_from(_SEGMENT_KINDS)), max_size=6))
def test_html_rendering_parses_back_to_the_same_text_and_entities(
    segments: list[tuple[str, str | None]],
) -> None:
    text, entities = "", []
    for chunk, kind in segments:
        if kind is not None:
            entity = {"type": kind, "offset": formatting.utf16_len(text), "length": formatting.utf16_len(chunk)}
            if kind == "text_link":
                entity["url"] = "https://example.org/t?a=1&b=2"
            entities.append(entity)
        text += chunk
    assert formatting.parse_html(formatting.to_html(text, entities)) == (text, entities)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_markdown_v2_with_every_reserved_character_escaped_is_plain_text(text: str) -> None:
    escaped = "".join("\\" + c if c in "_*[]()~`>#+-=|{}.!\\" else c for c in text)
    assert formatting.parse_markdown_v2(escaped) == (text, [])


async def test_a_press_cannot_be_answered_after_telegrams_window() -> None:
    now = [1_800_000_000.0]
    fake = FakeTelegram(clock=lambda: now[0])
    fake.add_user(MEI, "Mei")
    async with fake.serve(), bot_for(fake) as bot:
        await bot.send_message(
            MEI, "Sure?", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="y")]])
        )
        question = fake.bot_messages(MEI)[-1]
        late = await fake.press(MEI, question, "Yes")
        in_time = await fake.press(MEI, question, "Yes")
        now[0] += CALLBACK_ANSWER_WINDOW_S - 1
        assert await bot.answer_callback_query(in_time["callback_query"]["id"])
        now[0] += 2
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query(late["callback_query"]["id"])
        assert not fake.callback_answer(late).answered
        assert [c.method for c in fake.rejected_calls()] == ["answerCallbackQuery"]
        fake.fail_next("sendMessage", status=400)
        with pytest.raises(BadRequest):
            await bot.send_message(MEI, "x")
        assert len(fake.rejected_calls()) == 1  # a failure the test ordered is not Telegram refusing


async def test_a_held_request_is_neither_recorded_nor_run_until_released(fake: FakeTelegram, bot: Bot) -> None:
    hold = fake.hold("sendMessage", chat_id=MEI, skip=1)
    await bot.send_message(MEI, "one")
    sending = asyncio.create_task(bot.send_message(MEI, "two"))
    await asyncio.wait_for(hold.reached.wait(), 5)
    assert [m.text for m in fake.bot_messages(MEI)] == ["one"]
    assert [c.params.get("text") for c in fake.calls_to("sendMessage")] == ["one"]
    hold.release()
    await sending
    assert [m.text for m in fake.bot_messages(MEI)] == ["one", "two"]
    await bot.send_message(MEI, "three")  # a hold catches one request only
