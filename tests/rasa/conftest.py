"""rasa-sdk's real server over estatedesk's actions, and a Rasa-side driver speaking the documented request format."""

from __future__ import annotations

import copy
import json
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from ruamel.yaml import YAML

from bot.domain.tickets import Ticket
from bot.nlu.model import BuiltinUnderstander
from bot.staff.actions import StaffDesk
from bot.surveys.followup import FollowUps
from bot.ticket_news import ResidentNews
from dialogs.engine import Services
from integrations.rasa.actions import RasaDesk
from integrations.rasa.server import make_app, serve, stop
from integrations.sql.database import Database
from integrations.sql.surveys import SqlSurveys
from integrations.sql.testing import DATABASE_KINDS, scratch_postgres, scratch_sqlite
from integrations.state.memory import MemoryStateStore
from tests.helpers import Clock, load_demo_estate, make_services, trained_understander

EXAMPLE = Path(__file__).resolve().parents[2] / "integrations" / "rasa" / "example"
ACTION_CALL = json.loads((Path(__file__).parent / "action_call.json").read_text())
TOKEN = "action-token-for-tests"
# The input channel the conversations come from unless a test says otherwise: one whose caller id is verified.
VERIFIED_CHANNELS = frozenset({"twilio_voice"})


def example_domain() -> dict[str, Any]:
    loaded = YAML(typ="safe").load((EXAMPLE / "domain.yml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def example_intents() -> frozenset[str]:
    """The example domain's intent names (an intent may be written with its options)."""
    return frozenset(i if isinstance(i, str) else next(iter(i)) for i in example_domain()["intents"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def understander() -> BuiltinUnderstander:
    return trained_understander()


@dataclass
class ActionServer:
    url: str
    services: Services
    db: Database
    news: ResidentNews | None = None
    staff: StaffDesk | None = None
    followups: FollowUps | None = None
    posted: list[Ticket] = field(default_factory=list)


@pytest.fixture(params=DATABASE_KINDS)
async def action_server(
    request: pytest.FixtureRequest, tmp_path: Path, understander: BuiltinUnderstander
) -> AsyncIterator[ActionServer]:
    scratch = scratch_sqlite(tmp_path) if request.param == "sqlite" else scratch_postgres()
    async with scratch as db:
        await load_demo_estate(db)
        store, clock = MemoryStateStore(), Clock()
        services, desk = make_services(db, store, clock, understander)
        # As the composition root wires it: the desk's news, the staff's actions on tickets, the surveys.
        news = ResidentNews(services.estate, services.tickets, services.registry, lambda: None)
        desk.news = news
        staff = StaffDesk(desk, news)
        services.ticket_actions = staff
        followups = FollowUps(services.estate, SqlSurveys(db), services.tickets, services.registry, store, desk, clock)
        services.survey_actions = followups
        server_info = ActionServer("", services, db, news, staff, followups)

        async def after_submit(tickets: list[Ticket], resident: object) -> None:
            server_info.posted.extend(tickets)

        port = free_port()
        app = make_app(RasaDesk(services, after_submit, verified_channels=VERIFIED_CHANNELS), TOKEN)
        server = await serve(app, "127.0.0.1", port)
        server_info.url = f"http://127.0.0.1:{port}"
        try:
            yield server_info
        finally:
            await stop(server)


@dataclass
class Conversation:
    """Plays Rasa's side of one conversation: keeps slots and events as Rasa does, calls the action server."""

    server: ActionServer
    session: aiohttp.ClientSession
    sender_id: str = "web-7f3a9c"
    input_channel: str = "twilio_voice"
    slots: dict[str, Any] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(ACTION_CALL["tracker"]["events"]))
    latest: dict[str, Any] = field(default_factory=dict)
    active_loop: dict[str, Any] = field(default_factory=dict)
    domain: dict[str, Any] = field(default_factory=example_domain)
    messages: list[dict[str, Any]] = field(default_factory=list)

    def user(self, text: str, intent: str, entities: list[dict[str, Any]] | None = None) -> None:
        self.latest = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.95},
            "intent_ranking": [{"name": intent, "confidence": 0.95}],
            "entities": entities or [],
            "metadata": {},
        }
        self.events.append(
            {
                "event": "user",
                "timestamp": time.time(),
                "text": text,
                "parse_data": self.latest,
                "input_channel": self.input_channel,
            }
        )

    def request(self, action: str, candidates: dict[str, Any] | None = None) -> dict[str, Any]:
        call = copy.deepcopy(ACTION_CALL)
        events = copy.deepcopy(self.events)
        slots = dict(self.slots)
        for name, value in (candidates or {}).items():
            # Rasa's form appends the slot candidates it extracted at the end of the events.
            events.append({"event": "slot", "timestamp": time.time(), "name": name, "value": value})
            slots[name] = value
        call.update(next_action=action, sender_id=self.sender_id, domain=self.domain)
        call["tracker"].update(
            sender_id=self.sender_id,
            conversation_id=self.sender_id,
            slots=slots,
            latest_message=self.latest,
            events=events,
            active_loop=self.active_loop,
            latest_input_channel=self.input_channel,
        )
        return call

    async def post(self, body: dict[str, Any], token: str | None = TOKEN) -> tuple[int, Any]:
        params = {"token": token} if token is not None else {}
        async with self.session.post(f"{self.server.url}/webhook", json=body, params=params) as resp:
            return resp.status, await resp.json()

    async def run(self, action: str, candidates: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run ``action`` and apply its events as Rasa would; its responses are kept in ``messages``."""
        status, result = await self.post(self.request(action, candidates))
        assert status == 200, result
        for name, value in (candidates or {}).items():
            self.slots[name] = value
        for event in result["events"]:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
            elif event["event"] == "active_loop":
                self.active_loop = {"name": event["name"]} if event.get("name") else {}
            self.events.append(event)
        self.messages = result["responses"]
        return dict(result)

    def said(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)


@pytest.fixture
async def conversation(action_server: ActionServer) -> AsyncIterator[Conversation]:
    async with aiohttp.ClientSession() as session:
        yield Conversation(action_server, session)
