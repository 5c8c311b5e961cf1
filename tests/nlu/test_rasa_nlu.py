"""The Rasa adapter against a small fake Rasa server speaking the documented ``/model/parse`` format."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.errors import BackendUnavailable
from bot.nlu.errors import NluUnavailable
from dialogs.understanding import Intent, Understander
from integrations.rasa_nlu import RasaUnderstander


def rasa_answer(text: str, intent: str | None, confidence: float, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """A response body as Rasa's HTTP API documents it."""
    ranking = [{"name": intent, "confidence": confidence}] if intent else []
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence} if intent else None,
        "entities": entities,
        "intent_ranking": ranking,
    }


def entity(name: str, value: str, text: str, confidence: float = 0.99) -> dict[str, Any]:
    start = text.find(value)
    return {
        "entity": name,
        "value": value,
        "start": max(start, 0),
        "end": max(start, 0) + len(value),
        "confidence_entity": confidence,
        "extractor": "DIETClassifier",
    }


@dataclass
class FakeRasa:
    """Answers POST /model/parse from ``answers`` (text -> body), or with ``status``/``raw`` when set."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    status: int = 200
    raw: str | None = None
    hang: bool = False
    received: list[dict[str, Any]] = field(default_factory=list)
    queries: list[dict[str, str]] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""

    async def parse(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.received.append(body)
        self.queries.append(dict(request.query))
        if self.hang:
            await self.release.wait()
        if self.raw is not None:
            return web.Response(text=self.raw, status=self.status, content_type="application/json")
        if self.status != 200:
            return web.json_response({"status": "failure", "message": "boom", "code": self.status}, status=self.status)
        text = body["text"].strip()
        return web.json_response(self.answers.get(text, rasa_answer(text, "nlu_fallback", 0.3, [])))


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    fake = FakeRasa()
    app = web.Application()
    app.router.add_post("/model/parse", fake.parse)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.url = f"http://127.0.0.1:{port}"
    yield fake
    fake.release.set()
    await runner.cleanup()


@pytest.fixture
async def client(rasa: FakeRasa) -> AsyncIterator[RasaUnderstander]:
    async with RasaUnderstander(rasa.url + "/", timeout=2.0) as understander:
        yield understander


async def test_implements_the_protocol(client: RasaUnderstander) -> None:
    assert isinstance(client, Understander)


async def test_maps_intent_and_entities(rasa: FakeRasa, client: RasaUnderstander) -> None:
    text = "3棟502廚房漏水，好急"
    rasa.answers[text] = rasa_answer(
        text,
        "repair",
        0.93,
        [
            entity("building", "3", text),
            entity("unit", "502", text),
            entity("category", "plumbing", text),
            entity("urgency", "emergency", text),
        ],
    )
    got = await client.understand(" " + text + " ", "zh-Hant")
    assert rasa.received == [{"text": " " + text + " "}]
    assert got.intent is Intent.REPAIR
    assert (got.category, got.building, got.unit, got.emergency) == ("plumbing", "3", "502", True)
    assert got.confidence == pytest.approx(0.93)
    assert got.description == text
    assert not got.is_question


@pytest.mark.parametrize(
    ("name", "intent"),
    [
        ("repair", Intent.REPAIR),
        ("bill", Intent.BILL),
        ("bill_enquiry", Intent.BILL),
        ("complaint", Intent.COMPLAINT),
        ("greet", Intent.OTHER),
        ("nlu_fallback", Intent.OTHER),
    ],
)
async def test_intent_names(rasa: FakeRasa, client: RasaUnderstander, name: str, intent: Intent) -> None:
    rasa.answers["hi"] = rasa_answer("hi", name, 0.8, [])
    assert (await client.understand("hi")).intent is intent


async def test_entities_are_normalised_and_checked(rasa: FakeRasa, client: RasaUnderstander) -> None:
    text = "Block 七 #05-02 too noisy"
    rasa.answers[text] = rasa_answer(
        text,
        "complaint",
        0.7,
        [
            entity("building", "七", text),
            entity("unit", "#05-02", text),
            entity("category", "plumbing", text),  # not a complaint category: dropped
            entity("urgency", "normal", text),
        ],
    )
    got = await client.understand(text)
    assert (got.intent, got.category, got.building, got.unit, got.emergency) == (
        Intent.COMPLAINT,
        None,
        "7",
        "05-02",
        False,
    )


async def test_most_confident_entity_wins_and_unit_carries_building(rasa: FakeRasa, client: RasaUnderstander) -> None:
    text = "lift at 3-502 or 4-601"
    rasa.answers[text] = rasa_answer(
        text,
        "repair",
        0.9,
        [entity("unit", "4-601", text, 0.4), entity("unit", "3-502", text, 0.95), entity("category", "elevator", text)],
    )
    got = await client.understand(text)
    assert (got.category, got.building, got.unit) == ("elevator", "3", "502")


async def test_no_intent_is_other_and_questions_are_marked(rasa: FakeRasa, client: RasaUnderstander) -> None:
    rasa.answers["管理處幾點開門?"] = rasa_answer("管理處幾點開門?", None, 0.0, [])
    got = await client.understand("管理處幾點開門?")
    assert got.intent is Intent.OTHER and got.confidence == 0.0 and got.is_question


async def test_token_goes_in_the_query(rasa: FakeRasa) -> None:
    async with RasaUnderstander(rasa.url, token="s3cret") as understander:
        await understander.understand("hello")
        assert "s3cret" not in repr(understander)
    assert rasa.queries == [{"token": "s3cret"}]


async def test_shared_session_is_not_closed(rasa: FakeRasa) -> None:
    async with aiohttp.ClientSession() as session:
        understander = RasaUnderstander(rasa.url, session=session)
        await understander.understand("hello")
        await understander.close()
        assert not session.closed
        await understander.understand("hello again")
    assert len(rasa.received) == 2


async def test_server_error_is_backend_unavailable(rasa: FakeRasa, client: RasaUnderstander) -> None:
    rasa.status = 500
    with pytest.raises(BackendUnavailable, match="HTTP 500"):
        await client.understand("電梯壞咗")


@pytest.mark.parametrize("raw", ["<html>oops</html>", "[1, 2]", '{"intent": "repair"}', '{"entities": {"a": 1}}'])
async def test_malformed_answer(rasa: FakeRasa, client: RasaUnderstander, raw: str) -> None:
    rasa.raw = raw
    with pytest.raises(NluUnavailable):
        await client.understand("電梯壞咗")


async def test_timeout(rasa: FakeRasa) -> None:
    rasa.hang = True
    # The timeout is the whole request's, connecting included: at 0.2 s a loaded machine (three test workers on two
    # cores) timed out before the request reached the fake. A second leaves room for that, still far below the 3 s
    # default, and the fake holds the request for as long as the client waits.
    async with RasaUnderstander(rasa.url, timeout=1.0) as understander:
        with pytest.raises(NluUnavailable, match="did not answer"):
            await understander.understand("電梯壞咗")
    assert len(rasa.received) == 1


async def test_connection_refused() -> None:
    # A port that was free a moment ago and has nothing listening now.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with RasaUnderstander(f"http://127.0.0.1:{port}", timeout=2.0) as understander:
        with pytest.raises(NluUnavailable, match="cannot be reached"):
            await understander.understand("電梯壞咗")
