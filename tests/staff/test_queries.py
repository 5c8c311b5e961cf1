"""The staff commands' answers (/queue, /mine, /overdue, /ticket) on a small desk, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

import pytest

from bot.config import load_config
from bot.domain.routing import StaffMember
from bot.domain.tickets import NewTicket, Ticket, TicketEvent, TicketKind, Urgency
from bot.sla import deadlines
from bot.staff.queries import (
    MESSAGE_BUDGET,
    QueryContext,
    StaffQueries,
    mine_reply,
    overdue_reply,
    queue_reply,
    ticket_reply,
)
from dialogs.replies import Reply
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from tests.helpers import MRS_CHAN, Clock, load_demo_estate

ESTATE = load_config(None)
CHRIS = StaffMember(9101, "Chris Wong", "supervisor")  # engineering
DAVID = StaffMember(9102, "David Ho")  # engineering
ERIC = StaffMember(9201, "Eric Ng", "supervisor")  # security
GRACE = StaffMember(9901, "Grace Ho", "manager")
STRANGER = StaffMember(5555, "Someone")


def text_of(reply: Reply) -> str:
    """What the reader sees: title, text and fields, as the Telegram renderer lays them out."""
    parts = [reply.title or "", reply.text, *(f"{k}: {v}" for k, v in reply.fields)]
    return "\n".join(p for p in parts if p)


@dataclass
class Desk:
    ctx: QueryContext
    tickets: SqlTicketBackend
    registry: SqlResidentRegistry
    clock: Clock

    async def report(
        self,
        category: str,
        *,
        kind: TicketKind = TicketKind.REPAIR,
        urgency: Urgency = Urgency.NORMAL,
        place: str = "3-502",
        resident_id: int | None = None,
    ) -> Ticket:
        now = self.clock()
        response, resolution = deadlines(ESTATE, kind, category, urgency, now)
        return await self.tickets.create(
            NewTicket(
                idempotency_key=uuid.uuid4().hex,
                kind=kind,
                category=category,
                urgency=urgency,
                resident_id=resident_id,
                unit_id=None,
                place=place,
                description="Water dripping from the kitchen ceiling",
                department=ESTATE.routing.route_to_department(kind, category).key,
                channel="telegram",
                sla_due_at=resolution,
                response_due_at=response,
                created_at=now,
                actor=f"resident:{resident_id}" if resident_id else "system",
            )
        )

    async def act(self, ticket: Ticket, actor: str, action: str, **detail: object) -> Ticket:
        return await self.tickets.append_event(ticket.number, TicketEvent(self.clock(), actor, action, detail))


@pytest.fixture
async def desk(sql_database: Database) -> Desk:
    registry = await load_demo_estate(sql_database)
    tickets = SqlTicketBackend(sql_database)
    clock = Clock()  # Monday 2 November 2026, 10:00 in Hong Kong
    return Desk(QueryContext(ESTATE, tickets, registry, clock), tickets, registry, clock)


@pytest.fixture
async def fixture_tickets(desk: Desk) -> dict[str, Ticket]:
    """Engineering: a leak (claimed by David), an elevator (new), an emergency; security: a noise complaint."""
    chan = await desk.registry.by_phone(MRS_CHAN)
    assert chan is not None
    leak = await desk.report("plumbing", resident_id=chan.id)  # response 14:00, resolution Saturday 13:00
    leak = await desk.act(leak, "staff:9102", "claimed", by=9102)
    desk.clock.advance(hours=1)
    elevator = await desk.report("elevator", place="Block 3 lobby")  # response 15:00, resolution Tuesday 11:00
    noise = await desk.report("noise", kind=TicketKind.COMPLAINT, place="A-1203")
    desk.clock.advance(hours=1)
    burst = await desk.report("plumbing", urgency=Urgency.EMERGENCY, place="2-301")  # response 12:15 wall clock
    desk.clock.advance(hours=3, minutes=30)  # 15:30: the emergency's and the elevator's responses are overdue
    return {"leak": leak, "elevator": elevator, "noise": noise, "burst": burst}


async def test_queue_lists_the_department_most_urgent_first(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    t = fixture_tickets
    reply = await queue_reply(desk.ctx, DAVID, "engineering")
    assert reply.title == "Queue · Engineering: 3 open"
    lines = reply.text.splitlines()
    assert [line.split()[1] for line in lines] == [t["burst"].number, t["elevator"].number, t["leak"].number]
    assert lines[0].startswith("🚨") and "response overdue by 3h 15m" in lines[0]
    assert lines[1].startswith("🔴") and "Elevator · Block 3 lobby · Received · - · response overdue by 30m" in lines[1]
    assert "Plumbing / leak · 3-502 · Assigned · David Ho · " in lines[2]  # responded: resolution counts
    assert t["noise"].number not in reply.text


async def test_queue_scope_staff_and_managers(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    refused = await queue_reply(desk.ctx, ERIC, "engineering")
    assert refused.text.startswith("You are not on the staff of Engineering")
    own = await queue_reply(desk.ctx, ERIC, None)  # asked outside a group: his own department
    assert own.title == "Queue · Security: 1 open" and fixture_tickets["noise"].number in own.text
    everything = await queue_reply(desk.ctx, GRACE, None)
    assert everything.title == "Queue · all departments: 4 open"
    assert "· Security ·" in everything.text and "· Engineering ·" in everything.text
    assert (await queue_reply(desk.ctx, STRANGER, None)).text == "Only the desk's staff can use this command."


async def test_mine_and_overdue(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    t = fixture_tickets
    mine = await mine_reply(desk.ctx, DAVID, "engineering")
    assert mine.title == "My tickets: 1 open" and t["leak"].number in mine.text
    assert (await mine_reply(desk.ctx, CHRIS, "engineering")).text == "Nothing is assigned to you."
    overdue = await overdue_reply(desk.ctx, CHRIS, "engineering")
    assert overdue.title == "Overdue · Engineering: 2"
    assert {line.split()[1] for line in overdue.text.splitlines()} == {t["burst"].number, t["elevator"].number}
    assert (await overdue_reply(desk.ctx, ERIC, None)).title == "Overdue · Security: 1"
    assert (await overdue_reply(desk.ctx, GRACE, None)).title == "Overdue · all departments: 3"
    fiona = StaffMember(9301, "Fiona Lee", "supervisor")
    assert (await overdue_reply(desk.ctx, fiona, "cleaning")).text == "Nothing is overdue."


async def test_ticket_detail_with_history(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    leak = fixture_tickets["leak"]
    await desk.act(leak, "staff:9102", "note", text="Needs a new  valve;\nordered", by=9102)
    await desk.act(leak, "system", "escalated", deadline="resolution", level=2, due="2026-11-07T05:00:00+00:00")
    await desk.act(leak, "system", "card_posted", chat_id=-1001000000002, message_id=7)
    await desk.act(leak, "system", "survey_sent", survey=1)
    await desk.act(leak, "resident:1", "survey_answered", survey=1, rating=4, not_fixed=False)
    reply = await ticket_reply(desk.ctx, CHRIS, leak.number.lower())
    fields = dict(reply.fields)
    assert reply.title == leak.number
    assert fields["Resident"] == "陳太太 (•••• 4567)" and fields["Assignee"] == "David Ho"
    # Dates on the estate's clock (Hong Kong), as the reader's language writes them.
    assert fields["First response"] == "Nov 2 10:00" and fields["Due"] == "Nov 7 13:00 · 4d 21h left"
    assert fields["Received"] == "Nov 2, 2026 10:00"
    # Sentences, not log entries; bookkeeping (where the card went) is left out.
    assert reply.text.splitlines() == [
        "History:",
        "Nov 2 10:00 · The resident reported it.",
        "Nov 2 10:00 · David Ho claimed it.",
        "Nov 2 15:30 · David Ho added an internal note: Needs a new valve; ordered",
        "Nov 2 15:30 · Escalated to the managers (level 2): the resolution is overdue.",
        "Nov 2 15:30 · Follow-up survey sent to the resident.",
        "Nov 2 15:30 · The resident rated the work 4/5.",
    ]


async def test_ticket_history_reads_in_the_staff_language(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    """In a Chinese-speaking desk the history and its dates are Chinese too."""
    leak = fixture_tickets["leak"]
    await desk.act(leak, "resident:1", "survey_answered", survey=1, rating=None, not_fixed=True)
    ctx = replace(desk.ctx, estate=replace(desk.ctx.estate, staff_language="zh-Hant"))
    lines = (await ticket_reply(ctx, CHRIS, leak.number)).text.splitlines()
    assert lines[0].startswith("紀錄")
    assert lines[1] == "11月2日 10:00 · 住戶報告了此事。"
    assert lines[-1].endswith("住戶表示問題未解決。")
    assert all("resident:" not in line and "survey_" not in line for line in lines)


async def test_ticket_of_another_department_is_refused_politely(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    noise = fixture_tickets["noise"]
    refused = await ticket_reply(desk.ctx, DAVID, noise.number)
    assert refused.text == f"{noise.number} belongs to Security; only its staff and managers can see it."
    assert not refused.fields
    assert (await ticket_reply(desk.ctx, GRACE, noise.number)).title == noise.number
    assert (await ticket_reply(desk.ctx, DAVID, "R-999999")).text.startswith("No ticket R-999999.")
    assert (await ticket_reply(desk.ctx, DAVID, "hello")).text.startswith("No ticket hello.")


async def test_long_lists_and_histories_fit_one_message(desk: Desk) -> None:
    for i in range(120):
        await desk.report("plumbing", place=f"Block {i % 9} flat {i:03d} kitchen and bathroom")
    reply = await queue_reply(desk.ctx, DAVID, "engineering")
    shown = reply.text.splitlines()
    assert len(text_of(reply)) <= MESSAGE_BUDGET
    more = shown[-1]
    assert more.startswith("… and ") and int(more.split()[2]) + len(shown) - 1 == 120

    ticket = await desk.report("doors")
    for i in range(150):
        desk.clock.advance(minutes=1)
        ticket = await desk.act(ticket, "staff:9101", "note", text=f"call {i}: " + "x" * 60, by=9101)
    detail = await ticket_reply(desk.ctx, CHRIS, ticket.number)
    lines = detail.text.splitlines()
    assert len(text_of(detail)) <= MESSAGE_BUDGET
    assert lines[1].startswith("… and ") and lines[1].endswith(" earlier")
    assert "call 149:" in lines[-1]  # the newest stay


async def test_answers_in_the_staff_language(desk: Desk, fixture_tickets: dict[str, Ticket]) -> None:
    ctx = replace(desk.ctx, estate=replace(ESTATE, staff_language="zh-Hant"))
    reply = await queue_reply(ctx, DAVID, "engineering")
    assert reply.title == "工單隊列 · 工程部：3 張未完成"
    assert "回覆 已逾期 3小時15分" in reply.text
    detail = await ticket_reply(ctx, DAVID, fixture_tickets["leak"].number)
    assert detail.text.startswith("紀錄:\n") and "已認領" in detail.text


async def test_bound_commands_take_the_department_the_router_has(
    desk: Desk, fixture_tickets: dict[str, Ticket]
) -> None:
    q = StaffQueries(desk.ctx)
    engineering = ESTATE.routing.departments["engineering"]
    assert (await q.queue_reply(GRACE, engineering)).title == "Queue · Engineering: 3 open"
    assert (await q.overdue_reply(GRACE, None)).title == "Overdue · all departments: 3"
    assert (await q.mine_reply(DAVID, engineering)).title == "My tickets: 1 open"
    assert (await q.ticket_reply(DAVID, fixture_tickets["leak"].number)).title == fixture_tickets["leak"].number
