"""The browser demo's UI API without a browser: estatedesk polls the fake Telegram, we act through HTTP and SSE."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.app import Estatedesk
from bot.demo.web import TICKS, WebDemo, serving
from bot.domain.tickets import Report, TicketKind, Urgency
from integrations.telegram_fake.media import TINY_JPEG

MRS_CHAN, PETER, MR_LI = 7001, 7002, 7003
CHRIS = 9101  # Engineering supervisor
GRACE = 9901  # manager
ENGINEERING, MANAGERS = -1001000000002, -1001000000009

JSON = dict[str, Any]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[WebDemo]:
    async with serving(port=0, database_url=f"sqlite:///{tmp_path}/demo.sqlite3", rate_limit=False) as running:
        yield running


@pytest.fixture
async def http(demo: WebDemo) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=demo.fake.url) as session:
        yield session


class EventStream:
    """The page's view of ``/ui/api/events``: every server-sent event, and a way to wait for one."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session
        self.events: list[tuple[str, JSON]] = []
        self._changed = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> EventStream:
        response = await self.session.get("/ui/api/events")
        assert response.status == 200 and response.content_type == "text/event-stream"
        self._task = asyncio.create_task(self._read(response))
        await self.wait_for(lambda name, data: name == "hello")
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    async def _read(self, response: aiohttp.ClientResponse) -> None:
        name, data = "message", []
        async with response:
            async for raw in response.content:
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif not line and data:
                    async with self._changed:
                        self.events.append((name, json.loads("\n".join(data))))
                        self._changed.notify_all()
                    name, data = "message", []

    async def wait_for(self, predicate: Callable[[str, JSON], bool], timeout: float = 10.0) -> JSON:
        """The first event (already seen or still to come) for which ``predicate(name, data)`` holds."""

        async def first() -> JSON:
            async with self._changed:
                while True:
                    for name, data in self.events:
                        if predicate(name, data):
                            return data
                    await self._changed.wait()

        return await asyncio.wait_for(first(), timeout)


def bot_message_in(chat_id: int, test: Callable[[JSON], bool] = lambda m: True) -> Callable[[str, JSON], bool]:
    def matches(name: str, data: JSON) -> bool:
        return name == "message" and data["chat_id"] == chat_id and data["message"]["from"]["is_bot"] and test(data)

    return matches


async def post(http: aiohttp.ClientSession, path: str, body: JSON, status: int = 200) -> JSON:
    async with http.post(path, json=body) as response:
        answer: JSON = await response.json()
        assert response.status == status, answer
        return answer


async def get(http: aiohttp.ClientSession, path: str) -> Any:
    async with http.get(path) as response:
        assert response.status == 200
        return await response.json()


def button(message: JSON, text: str) -> str:
    for row in message["inline_keyboard"]:
        for cell in row:
            if cell["text"] == text:
                return str(cell["callback_data"])
    raise AssertionError(f"no button {text!r} in {message['inline_keyboard']}")


async def test_lists_the_demo_chats_and_people(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    chats = {chat["id"]: chat for chat in await get(http, "/ui/api/chats")}
    # A department's staff and the managers are in its group; the managers have a chat of their own.
    assert chats[ENGINEERING]["title"] == "Engineering" and chats[ENGINEERING]["members"] == [CHRIS, 9102, GRACE]
    assert chats[MANAGERS]["members"] == [GRACE]
    assert chats[MRS_CHAN]["type"] == "private" and chats[MRS_CHAN]["title"] == "陳太太 Mrs Chan"
    people = {person["user_id"]: person for person in await get(http, "/ui/api/people")}
    assert people[MRS_CHAN] == {
        "user_id": MRS_CHAN,
        "name": "陳太太 Mrs Chan",
        "group": "Residents",
        "detail": "3-502",
        "has_phone": True,
        "home_chat_id": MRS_CHAN,
        "staff": False,
    }
    # Mr Li has two rows (two units) in residents.csv and is one person, numbered by his first row.
    assert people[MR_LI]["detail"] == "1-1001 · 2-301" and 7004 not in people
    assert people[CHRIS]["group"] == "Staff · Engineering" and people[CHRIS]["home_chat_id"] == ENGINEERING
    assert people[GRACE]["group"] == "Managers" and people[GRACE]["home_chat_id"] == MANAGERS
    assert people[CHRIS]["staff"] and people[GRACE]["staff"]  # their private chats are listed apart
    # Nobody is linked at the start: a newcomer shares the contact to link.
    assert await demo.desk.registry.by_telegram(MRS_CHAN) is None
    async with http.get("/") as page:
        assert page.status == 200 and "/ui/assets/chat.js" in await page.text()
    async with http.get("/ui/assets/chat.js") as script:
        assert script.status == 200 and "EventSource" in await script.text()
    async with http.get("/ui/assets/views.py") as hidden:
        assert hidden.status == 404


async def test_a_resident_acts_and_the_stream_carries_the_bot(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    async with EventStream(http) as stream:
        sent = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "/start"})
        assert sent["message"]["text"] == "/start" and sent["message"]["entities"][0]["type"] == "bot_command"
        asking = await stream.wait_for(bot_message_in(MRS_CHAN, lambda d: d["chat"]["reply_keyboard"] is not None))
        keyboard = asking["chat"]["reply_keyboard"]["rows"]
        assert [cell["request"] for row in keyboard for cell in row] == ["request_contact"]

        shared = await post(http, f"/ui/api/chats/{MRS_CHAN}/contact", {"user_id": MRS_CHAN})
        # Telegram's way: her own contact, international digits without "+".
        assert shared["message"]["contact"] == {
            "phone_number": "85291234567",
            "first_name": "陳太太",
            "last_name": "Mrs Chan",
            "user_id": MRS_CHAN,
        }
        linked = await stream.wait_for(bot_message_in(MRS_CHAN, lambda d: "3-502" in d["message"]["text"]))
        assert linked["message"]["date"] > 0
        resident = await demo.desk.registry.by_telegram(MRS_CHAN)
        assert resident is not None and resident.name == "陳太太 Mrs Chan"

        menu = await stream.wait_for(bot_message_in(MRS_CHAN, lambda d: bool(d["message"]["inline_keyboard"])))
        data = button(menu["message"], "報修")
        message_id = menu["message"]["message_id"]
        pressed = await post(
            http,
            f"/ui/api/chats/{MRS_CHAN}/messages/{message_id}/press",
            {"user_id": MRS_CHAN, "callback_data": data},
        )
        answered = await stream.wait_for(
            lambda name, d: name == "callback_answer" and d["callback_query_id"] == pressed["callback_query_id"]
        )
        assert answered["chat_id"] == MRS_CHAN
        # The answered question is edited in place: its buttons give way to the answer.
        edited = await stream.wait_for(
            lambda name, d: (
                name == "message" and d["kind"] == "edited_message" and d["message"]["message_id"] == message_id
            )
        )
        assert edited["message"]["edited"] and not edited["message"]["inline_keyboard"]

        # Someone else cannot write in her private chat, or press her buttons.
        refused = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": PETER, "text": "hi"}, 409)
        assert "private chat" in refused["error"]


async def test_a_photo_upload_and_a_reply(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    async with EventStream(http) as stream:
        await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "/start"})
        greeting = await stream.wait_for(bot_message_in(MRS_CHAN))
        form = aiohttp.FormData()
        form.add_field("user_id", str(MRS_CHAN))
        form.add_field("caption", "廚房")
        form.add_field("reply_to", str(greeting["message"]["message_id"]))
        form.add_field("photo", TINY_JPEG, filename="leak.jpg", content_type="image/jpeg")
        async with http.post(f"/ui/api/chats/{MRS_CHAN}/photos", data=form) as response:
            assert response.status == 200
            sent = (await response.json())["message"]
        assert sent["text"] == "廚房" and sent["is_caption"]
        assert sent["reply_to"]["message_id"] == greeting["message"]["message_id"]
        assert sent["reply_to"]["from_name"] == "Estatedesk"
        async with http.get(sent["photo"]["url"]) as image:
            assert image.status == 200 and image.content_type == "image/jpeg"
            assert await image.read() == TINY_JPEG

        replied = await post(
            http,
            f"/ui/api/chats/{MRS_CHAN}/messages",
            {"user_id": MRS_CHAN, "text": "hello", "reply_to": sent["message_id"]},
        )
        assert replied["message"]["reply_to"]["text"] == "廚房"
        history = await get(http, f"/ui/api/chats/{MRS_CHAN}/messages")
        ids = [m["message_id"] for m in history["messages"]]
        assert sent["message_id"] in ids and replied["message"]["message_id"] in ids

        form = aiohttp.FormData()
        form.add_field("user_id", str(MRS_CHAN))
        form.add_field("photo", b"%PDF-1.4 not a picture", filename="bill.pdf", content_type="application/pdf")
        async with http.post(f"/ui/api/chats/{MRS_CHAN}/photos", data=form) as response:
            document = (await response.json())["message"]["document"]
        assert document["file_name"] == "bill.pdf" and document["mime_type"] == "application/pdf"


async def test_posting_in_a_forum_topic(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    forum = -1001000000077
    demo.fake.add_group(forum, "Engineering desk", forum=True, members=[CHRIS])
    topic = await demo.desk.bot.create_forum_topic(forum, "Leaks")
    chats = {chat["id"]: chat for chat in await get(http, "/ui/api/chats")}
    assert chats[forum]["is_forum"] and chats[forum]["topics"][0]["name"] == "Leaks"
    sent = await post(
        http,
        f"/ui/api/chats/{forum}/messages",
        {"user_id": CHRIS, "text": "checking 3-502", "thread_id": topic.message_thread_id},
    )
    assert sent["message"]["thread_id"] == topic.message_thread_id and sent["message"]["is_topic_message"]
    history = await get(http, f"/ui/api/chats/{forum}/messages")
    assert history["messages"][0]["service"] == "Topic created: Leaks"
    nowhere = {"user_id": CHRIS, "text": "x", "thread_id": 999}
    missing = await post(http, f"/ui/api/chats/{forum}/messages", nowhere, 409)
    assert "topic" in missing["error"]


async def test_bad_requests_get_clear_answers(http: aiohttp.ClientSession) -> None:
    unknown = await post(http, "/ui/api/chats/42/messages", {"user_id": MRS_CHAN, "text": "hi"}, 404)
    assert unknown["error"] == "no chat 42"
    empty = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "  "}, 400)
    assert empty["error"] == "text is empty"
    async with http.post(f"/ui/api/chats/{MRS_CHAN}/messages", data=b"{not json") as response:
        assert response.status == 400 and (await response.json())["error"] == "the body is not JSON"
    outsider = await post(http, f"/ui/api/chats/{ENGINEERING}/messages", {"user_id": MRS_CHAN, "text": "hi"}, 409)
    assert "not a member" in outsider["error"]
    staff_contact = await post(http, f"/ui/api/chats/{CHRIS}/contact", {"user_id": CHRIS}, 409)
    assert "no phone number" in staff_contact["error"]
    backwards = await post(http, "/ui/api/clock", {"seconds": -60}, 400)
    assert backwards["error"] == "seconds must be a positive number"


async def test_moving_the_clock_runs_the_ticks(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    ticked: list[datetime] = []

    async def record(desk: Estatedesk) -> None:
        ticked.append(desk.clock())

    demo.ticks.append(record)
    assert demo.ticks[: len(TICKS)] == TICKS
    # A ticket whose card was never posted (a crash between storing and posting): the sweep's job.
    ticket = await demo.desk.desk.submit(
        Report(
            idempotency_key="ui-api-clock",
            kind=TicketKind.REPAIR,
            category="plumbing",
            urgency=Urgency.NORMAL,
            resident_id=None,
            unit_id=None,
            place="3-502",
            description="kitchen tap leaking",
            channel="telegram",
        )
    )
    assert ticket.card_message_id is None
    before = await get(http, "/ui/api/clock")
    async with EventStream(http) as stream:
        moved = await post(http, "/ui/api/clock", {"seconds": 3600})
        assert moved["offset_seconds"] == before["offset_seconds"] + 3600
        shifted = datetime.fromisoformat(moved["now"]) - datetime.fromisoformat(before["now"])
        assert timedelta(hours=1) <= shifted < timedelta(hours=1, minutes=1)
        event = await stream.wait_for(lambda name, d: name == "clock")
        assert event["offset_seconds"] == moved["offset_seconds"]
    # The ticks ran before the answer, at the new time: the missing card is in the group now.
    assert len(ticked) == 1 and ticked[0] >= datetime.fromisoformat(moved["now"]) - timedelta(seconds=5)
    cards = [m for m in demo.fake.bot_messages(ENGINEERING) if (m.text or "").startswith(ticket.number)]
    assert len(cards) == 1
    # Messages from now on carry the moved time.
    sent = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "hi"})
    assert sent["message"]["date"] >= datetime.fromisoformat(moved["now"]).timestamp() - 5


async def test_a_week_later_the_overdue_ticket_is_escalated_live(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    h, fake = demo.harness, demo.fake
    await h.act(fake.send_text(MRS_CHAN, "/start"))
    await h.act(fake.send_contact(MRS_CHAN, "85291234567"))
    await h.act(fake.send_text(MRS_CHAN, "3棟502廚房漏水"))
    await h.act(fake.send_photo(MRS_CHAN))
    for label in ("完成", "一般", "確認"):
        message = next(m for m in reversed(fake.bot_messages(MRS_CHAN)) if m.find_button(label))
        await h.act(fake.press(MRS_CHAN, message, label))
    assert not fake.bot_messages(MANAGERS)
    async with EventStream(http) as stream:
        # SLAs count the estate's working hours: a day after a report made on a Saturday is still within them. A
        # week later (working days whatever the weekday or the holidays) nobody has answered the ticket: the SLA
        # sweep, kicked by the clock, escalates it to the managers.
        await post(http, "/ui/api/clock", {"seconds": 7 * 24 * 3600})
        escalation = await stream.wait_for(bot_message_in(MANAGERS, lambda d: "R-000001" in d["message"]["text"]))
    assert escalation["kind"] == "new_message"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_the_demo_command_prints_one_address_and_reuses_its_data(tmp_path: Path) -> None:
    """``estatedesk demo`` as ``make demo`` runs it: one line with the address, Ctrl-C stops it, twice in a row."""
    port = free_port()
    env = {**os.environ, "DEMO_PORT": str(port), "PYTHONPATH": str(ROOT)}
    for _run in range(2):
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "--log-level", "WARNING", "demo",
            cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        try:
            line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
            assert f"http://127.0.0.1:{port}/" in line, line
            async with (
                aiohttp.ClientSession() as session,
                session.get(f"http://127.0.0.1:{port}/ui/api/chats") as answer,
            ):
                assert answer.status == 200 and len(await answer.json()) > 5
        finally:
            process.send_signal(signal.SIGINT)
            code = await asyncio.wait_for(process.wait(), 30)
        rest, errors = await process.stdout.read(), await process.stderr.read()
        assert code == 0 and rest == b"", (code, rest, errors)
    assert (tmp_path / "var" / "demo.sqlite3").is_file()


async def test_a_closed_page_leaves_no_pending_task_behind(demo: WebDemo) -> None:
    """Closing a tab ends its event stream cleanly: no "Task was destroyed but it is pending!" per tab."""
    import gc

    loop = asyncio.get_running_loop()
    complaints: list[str] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: complaints.append(str(context.get("message"))))
    try:
        for _tab in range(3):
            async with aiohttp.ClientSession(base_url=demo.fake.url) as tab:
                async with EventStream(tab):
                    pass  # the page loads, then its tab is closed
        for _ in range(20):  # let the server notice the closed connections and end their handlers
            await asyncio.sleep(0.05)
            gc.collect()
    finally:
        loop.set_exception_handler(previous)
    assert not [c for c in complaints if "destroyed but it is pending" in c], complaints


async def test_the_stream_keeps_delivering_between_heartbeats(
    demo: WebDemo, http: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from integrations.telegram_fake.ui import api

    monkeypatch.setattr(api, "_HEARTBEAT_S", 0.02)
    async with EventStream(http) as stream:
        await asyncio.sleep(0.3)  # many heartbeats, each cancelling its wait on the queue
        await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "/start"})
        seen = await stream.wait_for(lambda name, data: name == "message" and data["message"]["from"]["is_bot"])
        assert seen["chat_id"] == MRS_CHAN


async def test_texts_and_captions_over_telegrams_limits_are_refused_and_nothing_is_sent(
    demo: WebDemo, http: aiohttp.ClientSession
) -> None:
    refused = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "字" * 4097}, 400)
    assert refused["error"] == "text is longer than Telegram's 4096 characters"
    form = aiohttp.FormData()
    form.add_field("user_id", str(MRS_CHAN))
    form.add_field("caption", "字" * 1025)
    form.add_field("photo", TINY_JPEG, filename="leak.jpg", content_type="image/jpeg")
    async with http.post(f"/ui/api/chats/{MRS_CHAN}/photos", data=form) as response:
        assert response.status == 400
        assert (await response.json())["error"] == "caption is longer than Telegram's 1024 characters"
    assert demo.fake.messages(MRS_CHAN) == []
    accepted = await post(http, f"/ui/api/chats/{MRS_CHAN}/messages", {"user_id": MRS_CHAN, "text": "字" * 4096})
    assert len(accepted["message"]["text"]) == 4096
