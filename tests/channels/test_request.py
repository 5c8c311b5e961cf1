"""The aiohttp transport sends what PTB would send and reads what Telegram answers, with orjson."""

from __future__ import annotations

import json

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.channels.telegram.request import AiohttpRequest, json_payload


def test_the_body_is_ptbs_body() -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("確認 ✅", callback_data="c:1:confirm")]])
    data = RequestData(
        [
            RequestParameter.from_input("chat_id", 1000000001),
            RequestParameter.from_input("text", '報修 <b>R-000123</b> "quoted" \\ 🚰'),
            RequestParameter.from_input("parse_mode", "HTML"),
            RequestParameter.from_input("reply_markup", markup),
            RequestParameter.from_input("disable_web_page_preview", True),
            RequestParameter.from_input("message_thread_id", None),
            RequestParameter.from_input("entities", [{"type": "bold", "offset": 0, "length": 2}]),
        ]
    )
    ours, ptbs = json.loads(json_payload(data)), json.loads(data.json_payload)
    nested = {"reply_markup", "entities"}
    assert {k: v for k, v in ours.items() if k not in nested} == {k: v for k, v in ptbs.items() if k not in nested}
    # Nested values travel as JSON strings of their own, as PTB sends them (compact, UTF-8 unescaped).
    for key in nested:
        assert json.loads(ours[key]) == json.loads(ptbs[key])
    assert json.loads(ours["reply_markup"]) == markup.to_dict()
    assert ours["chat_id"] == "1000000001" and ours["disable_web_page_preview"] == "true"
    assert "message_thread_id" not in ours


def test_answers_are_parsed_and_bad_ones_refused_as_ptb_does() -> None:
    answer = '{"ok": true, "result": {"message_id": 7, "text": "漏水"}}'.encode()
    assert AiohttpRequest.parse_json_payload(answer) == {"ok": True, "result": {"message_id": 7, "text": "漏水"}}
    for bad in (b"<html>502 Bad Gateway</html>", b"\xff\xfe{", b""):
        with pytest.raises(TelegramError, match="Invalid server response"):
            AiohttpRequest.parse_json_payload(bad)


async def test_an_upload_goes_as_multipart_and_a_call_without_files_as_json() -> None:
    """Files are found by PTB's ``contains_files`` (set once), not by walking the parameters on every call."""
    from aiohttp import web
    from telegram import InputFile

    seen: list[tuple[str, dict[str, str]]] = []

    async def handle(request: web.Request) -> web.Response:
        if request.content_type == "multipart/form-data":
            form = await request.post()
            seen.append(
                ("multipart", {k: v.filename if isinstance(v, web.FileField) else str(v) for k, v in form.items()})
            )
        else:
            seen.append((request.content_type, dict(await request.json())))
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/{method}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        upload = RequestData(
            [
                RequestParameter.from_input("chat_id", -100123),
                RequestParameter.from_input("document", InputFile(b"week,tickets\n49,120\n", filename="week.csv")),
            ]
        )
        assert upload.contains_files
        await request.do_request(f"http://127.0.0.1:{port}/sendDocument", "POST", upload)
        plain = RequestData(
            [RequestParameter.from_input("chat_id", -100123), RequestParameter.from_input("text", "hi")]
        )
        await request.do_request(f"http://127.0.0.1:{port}/sendMessage", "POST", plain)
    finally:
        await request.shutdown()
        await runner.cleanup()
    kind, fields = seen[0]
    assert kind == "multipart" and fields["chat_id"] == "-100123"
    assert fields["document"] == "week.csv"
    assert seen[1] == ("application/json", {"chat_id": "-100123", "text": "hi"})
