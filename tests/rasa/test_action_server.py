"""rasa-sdk's real server over estatedesk's actions, driven with requests in Rasa's documented format."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from bot.domain.residents import Language
from bot.domain.tickets import TicketKind, Urgency
from bot.i18n import Translator
from integrations.rasa.actions import ACTIONS, CONVERSATION_EVENT, RasaDesk
from integrations.rasa.server import make_app, serve, stop
from integrations.sql.database import Database
from integrations.sql.testing import postgres_test_url, scratch_postgres
from integrations.state.memory import MemoryStateStore
from tests.helpers import MRS_CHAN, Clock, load_demo_estate, make_services
from tests.rasa.conftest import TOKEN, VERIFIED_CHANNELS, ActionServer, Conversation, free_port
from tests.tcpproxy import TcpProxy

ZH = Translator(Language.ZH_HANT)


async def identify(conv: Conversation, phone: str = MRS_CHAN) -> None:
    conv.user(f"my number is {phone}", "identify", [{"entity": "phone", "value": phone}])
    conv.slots["phone"] = phone
    await conv.run("action_estatedesk_identify")


async def fill_repair_form(conv: Conversation, category: str, unit: str, description: str | None = None) -> None:
    """What Rasa does for a repair form: activate it, then validate each slot the resident gives."""
    conv.user("我要報修", "report_repair")
    conv.active_loop = {"name": "repair_form"}
    conv.events.append({"event": "active_loop", "name": "repair_form"})
    for slot, value in (("category", category), ("unit", unit), ("description", description)):
        if value is not None:
            conv.user(value, "inform")
            await conv.run("validate_repair_form", {slot: value})


async def tickets_of(server: ActionServer, resident_id: int) -> list[Any]:
    return await server.services.tickets.list_for_resident(resident_id, open_only=False)


async def test_health_and_the_served_actions_with_the_token(action_server: ActionServer) -> None:
    async with aiohttp.ClientSession() as s:
        async with s.get(f"{action_server.url}/health") as r:
            assert (r.status, await r.json()) == (200, {"status": "ok"})
        async with s.get(f"{action_server.url}/actions") as r:
            assert r.status == 401
        async with s.get(f"{action_server.url}/actions", params={"token": TOKEN}) as r:
            served = {a["name"] for a in await r.json()}
    assert served == {action(RasaDesk(action_server.services)).name() for action in ACTIONS}


async def test_a_webhook_call_without_the_token_runs_nothing(conversation: Conversation) -> None:
    conversation.user("my number", "identify")
    conversation.slots["phone"] = MRS_CHAN
    for token in (None, "wrong"):
        status, body = await conversation.post(conversation.request("action_estatedesk_identify"), token=token)
        assert status == 401 and "token" in body["error"]


async def test_an_unknown_action_gets_rasas_error_format(conversation: Conversation) -> None:
    status, body = await conversation.post(conversation.request("action_no_such_thing"))
    assert status == 404
    error = "No registered action found for name 'action_no_such_thing'."
    assert body == {"error": error, "action_name": "action_no_such_thing"}


async def test_a_full_repair_form_is_validated_and_submitted_once(conversation: Conversation) -> None:
    server = conversation.server
    await identify(conversation)
    assert conversation.slots["language"] == "zh-Hant"
    resident_id = int(conversation.slots["estatedesk_resident"])
    assert "陳太太" in conversation.said() and "3-502" in conversation.said()

    # The category in the resident's words, understood by estatedesk's own NLU.
    await fill_repair_form(conversation, "廚房水喉漏水", "3-502", "廚房鋅盆下面的水喉漏水")
    assert conversation.slots["category"] == "plumbing"
    assert conversation.slots["unit"] == "3-502"
    assert conversation.slots["estatedesk_draft"]
    assert await tickets_of(server, resident_id) == []  # nothing is opened by validation

    submit = conversation.request("action_estatedesk_submit_repair")
    result = await conversation.run("action_estatedesk_submit_repair")
    [ticket] = await tickets_of(server, resident_id)
    assert ticket.kind is TicketKind.REPAIR and ticket.category == "plumbing" and ticket.place == "3-502"
    assert ticket.channel == "rasa"
    assert [e.detail for e in ticket.events if e.action == CONVERSATION_EVENT] == [{"sender_id": "web-7f3a9c"}]
    assert {"event": "slot", "timestamp": None, "name": "ticket_number", "value": ticket.number} in result["events"]
    assert ZH("Received. Your ticket number is {number}. We will keep you posted here.", number=ticket.number) in (
        conversation.said()
    )
    assert [t.number for t in server.posted] == [ticket.number]  # its card goes to staff

    # Rasa retrying the same call (its answer lost), then the resident submitting again: still one ticket.
    status, again = await conversation.post(submit)
    assert status == 200 and ticket.number in again["responses"][0]["text"]
    await conversation.run("action_estatedesk_submit_repair")
    assert ticket.number in conversation.said()
    assert [t.number for t in await tickets_of(server, resident_id)] == [ticket.number]


async def test_another_residents_unit_is_refused_in_the_form(conversation: Conversation) -> None:
    await identify(conversation)
    await fill_repair_form(conversation, "plumbing", "A-1203")
    assert conversation.slots["unit"] is None
    assert "A-1203" in conversation.said()
    assert conversation.messages[0]["buttons"] == [{"title": "3-502", "payload": '/inform{"unit":"3-502"}'}]
    conversation.user("漏水", "inform")
    await conversation.run("validate_repair_form", {"description": "漏水"})
    status, body = await conversation.post(conversation.request("action_estatedesk_submit_repair"))
    assert status == 400 and body["action_name"] == "action_estatedesk_submit_repair"
    assert await tickets_of(conversation.server, int(conversation.slots["estatedesk_resident"])) == []


async def test_an_emergency_is_answered_with_the_duty_number_at_once(conversation: Conversation) -> None:
    await identify(conversation)
    await fill_repair_form(conversation, "plumbing", "3-502", "爆水喉，水浸成間屋")
    phone = conversation.server.services.estate.emergency_phone
    assert phone in conversation.said()
    assert conversation.slots["estatedesk_urgency"] == "emergency"
    await conversation.run("action_estatedesk_submit_repair")
    [ticket] = await tickets_of(conversation.server, int(conversation.slots["estatedesk_resident"]))
    assert ticket.urgency is Urgency.EMERGENCY


async def test_bills_only_for_the_residents_own_units(conversation: Conversation) -> None:
    await identify(conversation)
    conversation.user("A-1203 的賬單", "ask_bill", [{"entity": "unit", "value": "A-1203"}])
    conversation.slots["unit"] = "A-1203"
    await conversation.run("action_estatedesk_bill")
    assert conversation.said() == ZH("I can only show bills for your own units.")
    assert conversation.slots["unit"] is None
    conversation.user("我的賬單", "ask_bill")
    await conversation.run("action_estatedesk_bill")
    said = conversation.said()
    assert ZH("Bills for {unit}", unit="3-502") in said and "HK$1,850.00" in said and "A-1203" not in said


async def test_ticket_status_lists_the_residents_open_tickets(conversation: Conversation) -> None:
    await identify(conversation)
    conversation.user("進度", "ask_status")
    await conversation.run("action_estatedesk_ticket_status")
    assert conversation.said() == ZH("You have no open tickets.")
    await fill_repair_form(conversation, "plumbing", "3-502", "漏水")
    await conversation.run("action_estatedesk_submit_repair")
    number = conversation.slots["ticket_number"]
    await conversation.run("action_estatedesk_ticket_status")
    assert number in conversation.said() and ZH("Your open tickets:") in conversation.said()


async def test_an_unknown_number_becomes_a_verification_request(conversation: Conversation) -> None:
    await identify(conversation, "+852 6999 0000")
    assert conversation.slots.get("estatedesk_resident") is None
    tickets = await conversation.server.services.tickets.open_tickets()
    [request] = [t for t in tickets if t.kind is TicketKind.VERIFICATION and t.contact_phone == "+85269990000"]
    assert request.number in conversation.said()
    await identify(conversation, "+852 6999 0000")  # asked again: the same request, not a second one
    again = await conversation.server.services.tickets.open_tickets()
    assert [t.number for t in again if t.contact_phone == "+85269990000"] == [request.number]


async def test_actions_refuse_a_conversation_that_is_not_identified(conversation: Conversation) -> None:
    conversation.user("my bill", "ask_bill")
    await conversation.run("action_estatedesk_bill")
    assert "phone number" in conversation.said()


@pytest.fixture
async def cut_database(tmp_path: Path) -> AsyncIterator[tuple[ActionServer, TcpProxy]]:
    """A PostgreSQL desk reached through a proxy the test can cut."""
    async with scratch_postgres() as direct:
        await load_demo_estate(direct)
        url = make_url(postgres_test_url())
        proxy = await TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
        db = Database(url.set(host="127.0.0.1", port=proxy.port), schema=direct.schema, connect_timeout=1.0)
        services, _ = make_services(db, MemoryStateStore(), Clock())
        port = free_port()
        server = await serve(
            make_app(RasaDesk(services, verified_channels=VERIFIED_CHANNELS), TOKEN), "127.0.0.1", port
        )
        try:
            yield ActionServer(f"http://127.0.0.1:{port}", services, db), proxy
        finally:
            await stop(server)
            await db.dispose()
            await proxy.close()


@pytest.mark.postgres
async def test_a_backend_outage_fails_the_action_in_rasas_format_and_leaves_nothing(
    cut_database: tuple[ActionServer, TcpProxy],
) -> None:
    server, proxy = cut_database
    async with aiohttp.ClientSession() as session:
        conv = Conversation(server, session)
        await identify(conv)
        await fill_repair_form(conv, "plumbing", "3-502", "漏水")
        submit = conv.request("action_estatedesk_submit_repair")
        proxy.cut()
        await server.db.dispose()  # no pooled connection survives the cut
        status, body = await conv.post(submit)
        assert status == 400
        assert body["action_name"] == "action_estatedesk_submit_repair" and "unavailable" in body["error"]
        proxy.restore()
        resident_id = int(conv.slots["estatedesk_resident"])
        assert await tickets_of(server, resident_id) == []
        status, done = await conv.post(submit)  # Rasa's retry once the database is back: one ticket
        assert status == 200
        [ticket] = await tickets_of(server, resident_id)
        assert ticket.number in done["responses"][0]["text"]


@pytest.mark.parametrize("channel", ["rest", "socketio", None])
async def test_a_number_typed_where_no_channel_verifies_it_identifies_nobody(
    conversation: Conversation, channel: str | None
) -> None:
    """A web chat proves nothing: a neighbour's number typed there becomes a verification request, worded as
    for a number not on record (the answer tells nobody whether the number is a resident's)."""
    server = conversation.server
    if channel is None:
        conversation.events = [e for e in conversation.events if e.get("event") != "user"]
        conversation.input_channel = ""
    else:
        conversation.input_channel = channel
    await identify(conversation, MRS_CHAN)  # 陳太太's number, on record
    assert conversation.slots.get("estatedesk_resident") is None and conversation.slots["phone"] is None
    [request] = [t for t in await server.services.tickets.open_tickets() if t.kind is TicketKind.VERIFICATION]
    assert request.contact_phone == MRS_CHAN and request.resident_id is None
    assert "does not verify numbers" in request.description and "陳太太" not in conversation.said()
    en = Translator(Language.EN)  # the conversation has no language yet, and no resident to take it from
    assert conversation.said() == en(
        "A number typed in this chat cannot link it to a home. The service desk will check {phone} "
        "(request {number}) and contact you there, usually within one working day. "
        "In an emergency call {emergency}.",
        phone=MRS_CHAN,
        number=request.number,
        emergency=server.services.estate.emergency_phone,
    )
    # An unknown number typed there gets the very same answer.
    await identify(conversation, "+852 6999 0000")
    assert "+85269990000" in conversation.said() and request.number not in conversation.said()
    # Other actions still wait for an identified resident.
    conversation.user("my bill", "ask_bill")
    await conversation.run("action_estatedesk_bill")
    assert "phone number" in conversation.said()


async def test_a_verified_channel_identifies_by_its_caller_id(conversation: Conversation) -> None:
    assert conversation.input_channel in VERIFIED_CHANNELS
    await identify(conversation, MRS_CHAN)
    assert conversation.slots["estatedesk_resident"] is not None and "陳太太" in conversation.said()
    assert [t for t in await conversation.server.services.tickets.open_tickets()] == []
