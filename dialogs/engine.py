"""The dialog engine: one turn = load the chat's state, let the current dialog act, save, reply.

State is a plain JSON dict kept by a :class:`integrations.state.StateStore`, read and written on
every event, so any worker can serve any event. Dialogs never send anything: they add
:class:`~dialogs.replies.Reply` objects to the turn and the channel delivers them.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.config import EstateConfig
from bot.domain.residents import Language, Resident
from bot.domain.tickets import Report, Ticket
from bot.i18n import N_, Translator
from dialogs.events import EventKind, Inbound
from dialogs.replies import Choice, Reply
from dialogs.understanding import CorrectionSink, Understander, Understanding
from integrations.billing import BillingSource
from integrations.registry import ResidentRegistry
from integrations.state import Hold, StateStore
from integrations.state.durable import DurableState
from integrations.tickets import TicketBackend

if TYPE_CHECKING:
    from dialogs.survey import SurveyActions

log = logging.getLogger(__name__)

STATE_VERSION = 1


class Intake(Protocol):
    """The desk's side of intake: store a confirmed report as a ticket and route it."""

    async def submit(self, report: Report) -> Ticket: ...


class TicketActions(Protocol):
    """What a resident can do about an existing ticket (answers are short outcome codes)."""

    async def resident_reopen(self, ticket: Ticket, resident_id: int) -> str: ...

    async def resident_nudge(self, ticket: Ticket, resident_id: int) -> str: ...

    async def relay_from_resident(
        self, ticket: Ticket, resident_id: int, text: str, photos: tuple[str, ...]
    ) -> None: ...


@dataclass
class Services:
    """What dialogs may use. Built once by the composition root."""

    estate: EstateConfig
    registry: ResidentRegistry
    tickets: TicketBackend
    billing: BillingSource
    understander: Understander
    intake: Intake
    clock: Callable[[], datetime]
    ticket_actions: TicketActions | None = None
    corrections: CorrectionSink | None = None  # where corrected labels are kept for review (bot.nlu.corrections)
    # The follow-up survey's answers (bot.surveys sets it), for channels that take them outside a Turn (Rasa).
    survey_actions: SurveyActions | None = None
    # Extensions register here: resident commands ("notices" -> handler) and long-lived buttons by
    # the prefix of their data ("s" for "s:123:5"). A handler is ``async def handler(turn) -> None``.
    commands: dict[str, Callable[[Turn], Awaitable[None]]] = field(default_factory=dict)
    buttons: dict[str, Callable[[Turn], Awaitable[None]]] = field(default_factory=dict)
    # Extensions' short conversations: while the chat's state has ``flow`` == a key here, its
    # messages go to that handler (commands and other buttons still come first).
    flows: dict[str, Callable[[Turn], Awaitable[None]]] = field(default_factory=dict)


@dataclass
class Outcome:
    replies: list[Reply]
    toast: str | None = None  # a short notice for a button press (Telegram's callback answer)
    alert: bool = False
    replayed: bool = False  # the event was handled before; these are its replies again
    tickets: list[Ticket] = field(default_factory=list)  # tickets this turn created
    resident: Resident | None = None  # the sender as the registry knew them when the turn began


def new_state() -> dict[str, Any]:
    return {"v": STATE_VERSION, "flow": None, "step": None, "form": {}, "token": "", "lang": None}


class Turn:
    """One event being handled: the state to change and the replies to send."""

    def __init__(
        self,
        event: Inbound,
        state: dict[str, Any],
        services: Services,
        resident: Resident | None,
    ) -> None:
        self.event = event
        self.state = state
        self.services = services
        self.resident = resident
        self.replies: list[Reply] = []
        self.toast: str | None = None
        self.alert = False
        self.tickets: list[Ticket] = []
        # The flow this chat had under way when the state store lost its state (see Engine.handle).
        self.lost_flow: str | None = None
        self._ = Translator(self.language)

    # -- language -----------------------------------------------------------------------------
    @property
    def language(self) -> Language:
        chosen = self.state.get("lang")
        if chosen:
            return Language(chosen)
        if self.resident is not None:
            return self.resident.language
        return Language.from_code(self.event.language_code)

    def set_language(self, language: Language) -> None:
        self.state["lang"] = language.value
        self._ = Translator(language)

    # -- form state -----------------------------------------------------------------------------
    @property
    def flow(self) -> str | None:
        flow: str | None = self.state.get("flow")
        return flow

    @property
    def step(self) -> str | None:
        step: str | None = self.state.get("step")
        return step

    @property
    def form(self) -> dict[str, Any]:
        form: dict[str, Any] = self.state.setdefault("form", {})
        return form

    def start_flow(self, flow: str, step: str, form: dict[str, Any] | None = None) -> None:
        self.state["flow"] = flow
        self.state["step"] = step
        # The draft id becomes the ticket's idempotency key: a redelivered confirm finds its ticket.
        self.state["form"] = {"draft": secrets.token_hex(8), **(form or {})}

    def end_flow(self) -> None:
        self.state["flow"] = None
        self.state["step"] = None
        self.state["form"] = {}
        self.state["token"] = ""

    def set_step(self, step: str) -> None:
        self.state["step"] = step

    # -- replies --------------------------------------------------------------------------------
    def say(self, text: str, **kwargs: Any) -> None:
        if "choices" in kwargs:
            kwargs["choices"] = tuple(tuple(row) for row in kwargs["choices"])
        self.replies.append(Reply(text=text, **kwargs))

    def ask(self, text: str, choices: Sequence[Sequence[Choice]] | Sequence[Choice], **kwargs: Any) -> None:
        """Ask with buttons. A fresh token makes every earlier button of this chat stale."""
        rows = tuple((c,) if isinstance(c, Choice) else tuple(c) for c in choices)
        token = self._next_token()
        self.replies.append(Reply(text=text, choices=rows, token=token, **kwargs))

    def keep_within(
        self, text: str, limit: int, notice: str = N_("Your message is long; the first {n} characters are kept.")
    ) -> str:
        """``text`` cut to ``limit`` characters. Nothing is cut silently: the resident is told, once per turn."""
        if len(text) <= limit:
            return text
        told = self._(notice, n=limit)
        if all(reply.text != told for reply in self.replies):
            self.say(told)
        return text[:limit].rstrip()

    def notify(self, text: str, *, alert: bool = False) -> None:
        self.toast = text
        self.alert = alert

    def _next_token(self) -> str:
        current = self.state.get("token") or "0"
        try:
            n = int(current, 36) + 1
        except ValueError:
            n = 1
        token = _base36(n % 36**6)
        self.state["token"] = token
        return token

    # -- helpers for dialogs --------------------------------------------------------------------
    @property
    def now(self) -> datetime:
        return self.services.clock()

    def understood(self) -> Understanding | None:
        raw = self.form.get("understood")
        if not raw:
            return None
        return Understanding(**raw)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


class Dialog:
    """A form-like conversation. Step ``x`` is asked by ``ask_x(turn)`` and answered by ``on_x(turn)``."""

    name: str = ""

    async def prompt(self, turn: Turn, step: str) -> None:
        turn.set_step(step)
        first = len(turn.replies)
        await getattr(self, f"ask_{step}")(turn)
        # A stable key per prompt ("repair.category"), so a channel can render its own version
        # (the phone speaks a short one) without the dialog knowing any channel.
        turn.replies[first:] = [r if r.key else replace(r, key=f"{self.name}.{step}") for r in turn.replies[first:]]

    async def handle(self, turn: Turn) -> None:
        step = turn.step
        handler = getattr(self, f"on_{step}", None)
        if handler is None:
            # State written by an older version, or damaged: start over rather than fail every turn.
            log.warning("dialog %s has no step %r; resetting chat %s", self.name, step, turn.event.chat)
            turn.end_flow()
            return
        await handler(turn)


class Router(Protocol):
    async def __call__(self, turn: Turn) -> None: ...


# Who sent an event, as the channel can tell: each channel registers how its senders are known
# (Telegram by the linked account, the phone by the caller's number). Dialogs only see the Resident.
Identify = Callable[[Inbound], Awaitable[Resident | None]]


class Engine:
    """Runs turns: replays duplicates, holds the chat lock, saves state before anything is sent.

    With ``forms`` (kept in the database), the engine records which chats have a flow under way, so
    that when the state store comes back empty (Redis restarted without persistence, state expired)
    the turn knows a form was lost (:attr:`Turn.lost_flow`) and the resident can be told, rather
    than their answer being taken for a new conversation.
    """

    def __init__(
        self,
        services: Services,
        store: StateStore,
        root: Router,
        forms: DurableState | None = None,
        identities: dict[str, Identify] | None = None,
    ) -> None:
        self.services = services
        self.store = store
        self.root = root
        self.forms = forms
        self.identities: dict[str, Identify] = {"telegram": self._by_telegram, **(identities or {})}

    def identify(self, channel: str, resolver: Identify) -> None:
        """Register how the senders of ``channel`` are found in the registry."""
        self.identities[channel] = resolver

    async def _by_telegram(self, event: Inbound) -> Resident | None:
        return await self.services.registry.by_telegram(event.user_id) if event.user_id else None

    async def handle(self, event: Inbound, *, held: Hold | None = None) -> Outcome:
        """One turn. ``held``: the caller holds the chat's lock already (a channel that keeps state of its own
        beside the dialog's, under the same lock); the state is read and saved through its hold.

        Otherwise the chat's lock is taken with its state read in the same round trip, and the state is
        saved in the round trip that lets the lock go, before the caller sends any reply."""
        if held is not None:
            return await self._turn(event, held)
        async with self.store.hold(event.chat, read=(event.chat,)) as hold:
            return await self._turn(event, hold)

    async def _turn(self, event: Inbound, held: Hold) -> Outcome:
        stored = await held.load(event.chat)
        state = stored or new_state()
        if event.event_id and state.get("last_event") == event.event_id:
            # Handled and saved before, but perhaps never delivered: say it again.
            replies = [Reply.from_dict(r) for r in state.get("last_replies", [])]
            toast, alert = state.get("last_toast"), bool(state.get("last_alert"))
            return Outcome(replies=replies, toast=toast, alert=alert, replayed=True)
        lost = await self.forms.open_form(event.chat) if stored is None and self.forms is not None else None
        resolver = self.identities.get(event.channel)
        # A channel that registered no resolver has no known senders: they are treated as unregistered.
        resident = await resolver(event) if resolver is not None else None
        turn = Turn(event, state, self.services, resident)
        turn.lost_flow = lost
        before = state.get("flow")
        await self.root(turn)
        state["last_event"] = event.event_id
        state["last_replies"] = [r.to_dict() for r in turn.replies]
        state["last_toast"], state["last_alert"] = turn.toast, turn.alert
        after = state.get("flow")
        if self.forms is not None and (after != before or lost):
            # Before the state: a form under way is always on record (a failure here leaves
            # nothing saved, and the redelivered event runs the turn again).
            await self.forms.set_open_form(event.chat, after)
        held.save(event.chat, state)
        return Outcome(turn.replies, turn.toast, turn.alert, tickets=turn.tickets, resident=turn.resident)


def is_text_like(event: Inbound) -> bool:
    return event.kind in (EventKind.TEXT,)
