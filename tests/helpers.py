"""Test helpers shared across the suite: a demo estate in a scratch database, and a chat driver."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.config import load_config
from bot.desk import Desk
from bot.domain.residents import Language, Role
from bot.nlu.model import BuiltinUnderstander, shipped_understander
from dialogs.engine import Engine, Outcome, Services
from dialogs.events import EventKind, Inbound
from dialogs.replies import Reply
from dialogs.understanding import MenuOnly, Understander
from integrations.registry import ResidentRow
from integrations.sql.billing import AccountRow, PaymentRow, SqlBillingSource
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from integrations.state import StateStore

MRS_CHAN = "+85291234567"  # 3-502, owner, Traditional Chinese
PETER = "+85261230001"  # A-1203, owner, English
MR_LI = "+85251230002"  # 1-1001 and 2-301 (two units), Simplified Chinese

RESIDENTS = [
    ResidentRow("3", "502", "陳太太", MRS_CHAN, Role.OWNER, Language.ZH_HANT),
    ResidentRow("A", "1203", "Peter Wong", PETER, Role.OWNER, Language.EN),
    ResidentRow("1", "1001", "李先生", MR_LI, Role.OWNER, Language.ZH_HANS),
    ResidentRow("2", "301", "李先生", MR_LI, Role.TENANT, Language.ZH_HANS),
]


class Clock:
    """A controllable clock for tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # 10:00 in Hong Kong, a Monday

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


async def load_demo_estate(db: Database) -> SqlResidentRegistry:
    registry = SqlResidentRegistry(db)
    await registry.upsert(RESIDENTS)
    billing = SqlBillingSource(db)
    unit = await registry.find_unit("3", "502")
    assert unit is not None
    await billing.upsert_accounts(
        [
            AccountRow(
                unit_id=unit.id,
                currency="HKD",
                fee_paid_until="2026-09",
                amount_due=Decimal("1850.00"),
                arrears=Decimal("1850.00"),
                due_date=date(2026, 10, 31),
                water_balance=Decimal("120.50"),
                electricity_balance=Decimal("-35.00"),
            )
        ]
    )
    await billing.upsert_payments(
        [PaymentRow(unit.id, date(2026, 9, 1), "property_fee", Decimal("1850.00"), "PAY-0901")]
    )
    return registry


def make_services(
    db: Database, store: StateStore, clock: Clock, understander: Understander | None = None
) -> tuple[Services, Desk]:
    estate = load_config(None)
    registry = SqlResidentRegistry(db)
    tickets = SqlTicketBackend(db)
    desk = Desk(estate, tickets, registry, store, clock, staff_language="en")
    services = Services(
        estate=estate,
        registry=registry,
        tickets=tickets,
        billing=SqlBillingSource(db),
        understander=understander or MenuOnly(),
        intake=desk,
        clock=clock,
    )
    return services, desk


_event_ids = itertools.count(1)


@dataclass
class ChatDriver:
    """Plays a resident against the engine directly (no channel): events in, replies out."""

    engine: Engine
    user_id: int
    language_code: str = "zh-hk"
    last: Outcome | None = None

    @property
    def chat(self) -> str:
        return f"tg:{self.user_id}"

    async def _send(self, kind: EventKind, **kwargs: Any) -> Outcome:
        event = Inbound(
            event_id=f"test:{next(_event_ids)}",
            channel="telegram",
            chat=self.chat,
            user_id=self.user_id,
            kind=kind,
            language_code=self.language_code,
            first_name="Test",
            **kwargs,
        )
        self.last = await self.engine.handle(event)
        return self.last

    async def text(self, text: str) -> Outcome:
        return await self._send(EventKind.TEXT, text=text)

    async def command(self, command: str, args: str = "") -> Outcome:
        return await self._send(EventKind.COMMAND, command=command, text=args)

    async def contact(self, phone: str, *, own: bool = True) -> Outcome:
        return await self._send(
            EventKind.CONTACT, contact_phone=phone, contact_user_id=self.user_id if own else self.user_id + 1
        )

    async def photo(self, file_id: str, caption: str = "") -> Outcome:
        return await self._send(EventKind.PHOTO, photo=file_id, text=caption)

    async def sticker(self) -> Outcome:
        return await self._send(EventKind.UNSUPPORTED, what="sticker")

    def question(self) -> Reply:
        """The last reply with buttons."""
        assert self.last is not None
        for reply in reversed(self.last.replies):
            if reply.choices:
                return reply
        raise AssertionError(f"no buttons in the last replies: {texts(self.last)}")

    def buttons(self) -> list[str]:
        return [c.label for row in self.question().choices for c in row]

    async def press(self, label_or_value: str) -> Outcome:
        reply = self.question()
        for row in reply.choices:
            for choice in row:
                if label_or_value in (choice.label, choice.value):
                    return await self._send(EventKind.CHOICE, choice=choice.value, token=reply.token)
        raise AssertionError(f"no button {label_or_value!r} in {self.buttons()}")

    async def press_stale(self, value: str, token: str) -> Outcome:
        return await self._send(EventKind.CHOICE, choice=value, token=token)


def texts(outcome: Outcome) -> str:
    """Everything the resident would read in the outcome, as one string."""
    parts = []
    for r in outcome.replies:
        parts.extend(filter(None, [r.title, r.text]))
        parts.extend(f"{k}: {v}" for k, v in r.fields)
    return "\n".join(parts)


class RoundTrips:
    """Counts the Redis round trips a state store makes for chosen tasks (a pipeline or a script is one)."""

    def __init__(self, store: Any) -> None:
        self.by_task: dict[asyncio.Future[Any], list[str]] = {}
        client = store.client
        command, pipeline = client.execute_command, client.pipeline

        def seen() -> list[str] | None:
            task = asyncio.current_task()
            return self.by_task.get(task) if task is not None else None

        async def counted_command(*args: Any, **options: Any) -> Any:
            if (trips := seen()) is not None:
                trips.append(str(args[0]))
            return await command(*args, **options)

        def counted_pipeline(*args: Any, **kwargs: Any) -> Any:
            pipe = pipeline(*args, **kwargs)
            execute = pipe.execute

            async def counted_execute(*a: Any, **k: Any) -> Any:
                if (trips := seen()) is not None:
                    trips.append("PIPELINE " + " ".join(str(c[0][0]) for c in pipe.command_stack))
                return await execute(*a, **k)

            pipe.execute = counted_execute
            return pipe

        client.execute_command = counted_command
        client.pipeline = counted_pipeline

    def watch(self) -> list[str]:
        """Count the current task's round trips from now on, into the list returned."""
        task = asyncio.current_task()
        assert task is not None
        self.by_task[task] = trips = []
        return trips

    async def of(self, work: Coroutine[Any, Any, Any]) -> list[str]:
        """Run ``work`` as a task of its own and return its round trips."""
        task = asyncio.ensure_future(work)
        self.by_task[task] = trips = []
        await task
        return trips


def trained_understander() -> BuiltinUnderstander:
    """The shipped understander, trained once per machine: its weights file is the one a desk started from the
    repository's root uses (``var/nlu-model.npz``, keyed by the training data and code), so the suite's workers
    and the desks its end-to-end tests start share one training instead of each paying ~15 s of CPU."""
    return shipped_understander(cache=Path(__file__).resolve().parents[1] / "var" / "nlu-model.npz")
