"""estatedesk's custom actions for a Rasa assistant: thin adapters over the desk that Telegram uses.

Every rule (whose unit, which category, what is an emergency, how a bill reads, how a ticket is
opened) is the desk's own function; an action only reads the tracker and speaks through rasa-sdk's
:class:`CollectingDispatcher`. A Rasa conversation (its sender id) links to a resident through the
``estatedesk_resident`` slot, set only by ``action_estatedesk_identify``: Rasa keeps the link in
its tracker store, so estatedesk stores nothing per conversation.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

from bot.domain.callback_data import parse_survey
from bot.domain.emergency import looks_like_emergency
from bot.domain.residents import InvalidPhone, Language, Resident, Unit, normalise_phone
from bot.domain.surveys import NOT_FIXED, RATINGS, SKIP
from bot.domain.text import MAX_DESCRIPTION, MAX_RELAY, clean_text
from bot.domain.tickets import CATEGORIES, Report, Ticket, TicketEvent, TicketKind, TicketStatus, Urgency
from bot.errors import BackendUnavailable
from bot.i18n import Translator
from bot.nlu.places import find_common_area, says_own_home
from bot.nlu.units import extract_unit
from dialogs.bill import statement_fields
from dialogs.engine import Services
from dialogs.labels import STATUS_LABELS, area_label, category_label
from dialogs.main import ticket_lines, verification_report
from dialogs.replies import Reply
from dialogs.report import names_common_area, own_unit, receipt
from dialogs.survey import MAX_COMMENT, rating_outcome, survey_reply

log = logging.getLogger(__name__)

CHANNEL = "rasa"  # Ticket.channel of tickets opened from a Rasa conversation
CONVERSATION_EVENT = "rasa_conversation"  # ticket log entry naming the conversation: {"sender_id": ...}

# Every slot the actions read or set, with the Rasa slot type the example domain must give it.
SLOTS: dict[str, str] = {
    "phone": "text",
    "estatedesk_resident": "text",
    "language": "text",
    "category": "text",
    "unit": "text",
    "description": "text",
    "estatedesk_urgency": "text",
    "estatedesk_draft": "text",
    "ticket_number": "text",
    "estatedesk_place": "text",
    "estatedesk_survey": "text",
    "survey_score": "text",
    "survey_comment": "text",
}
FORM_SLOTS = ("category", "unit", "description")
FORMS = {"repair_form": TicketKind.REPAIR, "complaint_form": TicketKind.COMPLAINT}
SURVEY_FORM = "survey_form"
SURVEY_FORM_SLOTS = ("survey_score", "survey_comment")
SURVEY_ENTITIES = ("ticket", "survey", "message")
NEWS_INTENT = "EXTERNAL_ticket_news"  # what ticket news triggers in the conversation
NEWS_ENTITIES = ("ticket", "status", "message")
SURVEY_INTENT = "EXTERNAL_survey"  # the follow-up survey of a resolved ticket: entities ticket, survey, message

AfterSubmit = Callable[[list[Ticket], Resident | None], Awaitable[None]]


@dataclass
class RasaDesk:
    """What the actions use: the desk's services, and what to do once a ticket is stored (post its card)."""

    services: Services
    after_submit: AfterSubmit | None = None
    # Rasa input channels (Rasa's names: "twilio_voice", a custom connector's) whose phone slot the channel
    # verified (a caller id). A number typed anywhere else proves nothing and identifies nobody.
    verified_channels: frozenset[str] = frozenset()


def render(reply: Reply) -> str:
    """A neutral reply as plain text for a Rasa channel: title, text, then one "label: value" line per field."""
    lines = [reply.title] if reply.title else []
    if reply.text:
        lines.append(reply.text)
    lines += [f"{label}: {value}" for label, value in reply.fields]
    return "\n".join(lines)


def say(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    buttons = [{"title": c.label, "payload": c.value} for row in reply.choices for c in row]
    dispatcher.utter_message(text=render(reply), buttons=buttons or None)


class DeskAction(Action):
    """One action of the desk: the resident of the conversation, its language, and outages as rejections."""

    action_name = ""

    def __init__(self, desk: RasaDesk) -> None:
        self.desk = desk

    @property
    def services(self) -> Services:
        return self.desk.services

    def name(self) -> str:
        return self.action_name

    async def resident(self, tracker: Tracker) -> Resident | None:
        raw = tracker.get_slot("estatedesk_resident")
        if raw is None or not str(raw).isdigit():
            return None
        return await self.services.registry.get(int(raw))

    @staticmethod
    def translator(tracker: Tracker, resident: Resident | None) -> Translator:
        """The conversation's language (the ``language`` slot), else the resident's, else English."""
        code = tracker.get_slot("language") or (tracker.latest_message or {}).get("metadata", {}).get("language")
        default = resident.language if resident is not None else Language.EN
        return Translator(Language.from_code(code, default) if code else default)

    def identify_first(self, dispatcher: CollectingDispatcher, _: Translator) -> None:
        dispatcher.utter_message(text=_("Please tell me the phone number registered with the estate office first."))

    needs_resident = True  # False: the action also serves a conversation not yet identified

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        try:
            resident = await self.resident(tracker)
            _ = self.translator(tracker, resident)
            if resident is None and self.needs_resident:
                self.identify_first(dispatcher, _)
                return []
            return await self.act(dispatcher, tracker, resident, _)
        except (BackendUnavailable, OSError) as exc:
            # Rasa's error format for a failed action (400 {"error", "action_name"}); nothing is half made:
            # every write the action does is idempotent, so Rasa's retry finishes it.
            log.warning("%s failed: %s", self.name(), exc)
            raise ActionExecutionRejection(self.name(), f"estatedesk is unavailable: {exc}") from exc

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        raise NotImplementedError


class IdentifyAction(DeskAction):
    """The resident of the conversation from the ``phone`` slot, by the registry's rules; unknown: verification."""

    action_name = "action_estatedesk_identify"
    needs_resident = False

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        estate = self.services.estate
        if resident is not None:
            return self._linked(dispatcher, tracker, resident)
        raw = tracker.get_slot("phone")
        if not raw:
            self.identify_first(dispatcher, _)
            return []
        try:
            phone = normalise_phone(str(raw), estate.phone_region)
        except InvalidPhone:
            dispatcher.utter_message(text=_("That phone number could not be read. Please try again."))
            return [SlotSet("phone", None)]
        verified = tracker.get_latest_input_channel() in self.desk.verified_channels
        resident = await self.services.registry.by_phone(phone) if verified else None
        if resident is None:
            # Unknown, or typed where nobody verified it: the desk checks it. The answer on an unverified
            # channel is the same whether the number is on record or not (it tells nobody who lives here).
            ticket = await self._verification_request(tracker, phone, verified)
            if verified:
                text = _(
                    "We could not find {phone} in the resident records. The service desk will check it "
                    "(request {number}) and contact you, usually within one working day. "
                    "In an emergency call {emergency}.",
                    phone=phone,
                    number=ticket.number,
                    emergency=estate.emergency_phone,
                )
            else:
                text = _(
                    "A number typed in this chat cannot link it to a home. The service desk will check {phone} "
                    "(request {number}) and contact you there, usually within one working day. "
                    "In an emergency call {emergency}.",
                    phone=phone,
                    number=ticket.number,
                    emergency=estate.emergency_phone,
                )
            dispatcher.utter_message(text=text)
            return [SlotSet("phone", None)]
        return [*self._linked(dispatcher, tracker, resident), SlotSet("estatedesk_resident", str(resident.id))]

    async def _verification_request(self, tracker: Tracker, phone: str, verified: bool) -> Ticket:
        conversation = f"{CHANNEL}:{tracker.sender_id}"
        channel = tracker.get_latest_input_channel() or "?"
        origin = f"Rasa conversation {tracker.sender_id} ({channel})"
        report = verification_report(conversation, phone, origin, "", CHANNEL, unverified=not verified)
        ticket = await self.services.intake.submit(report)
        if self.desk.after_submit is not None:
            await self.desk.after_submit([ticket], None)
        return ticket

    def _linked(self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident) -> list[EventType]:
        events: list[EventType] = []
        if not tracker.get_slot("language"):
            events.append(SlotSet("language", resident.language.value))
        _ = Translator(Language.from_code(tracker.get_slot("language"), resident.language))
        units = ", ".join(link.unit.label for link in resident.units) or "-"
        dispatcher.utter_message(
            text=_("Thank you, {name}. This chat is now linked to: {units}.", name=resident.name, units=units)
        )
        return events


class DeskFormValidation(FormValidationAction):
    """A form's validation action: ends the form when it may not run, answers an outage in Rasa's error format."""

    form: str

    def __init__(self, desk: RasaDesk) -> None:
        self.desk = desk
        self.helper = DeskAction(desk)

    def name(self) -> str:
        return f"validate_{self.form}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        try:
            resident = await self.helper.resident(tracker)
            if not self.may_run(dispatcher, tracker, resident):
                return [ActiveLoop(None), SlotSet("requested_slot", None)]
            events = await super().run(dispatcher, tracker, domain)
        except (BackendUnavailable, OSError) as exc:
            raise ActionExecutionRejection(self.name(), f"estatedesk is unavailable: {exc}") from exc
        return self.after(tracker, events)

    def may_run(self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None) -> bool:
        return resident is not None

    def after(self, tracker: Tracker, events: list[EventType]) -> list[EventType]:
        return events


class ValidateReportForm(DeskFormValidation):
    """Category, unit and description of a repair or complaint form, by the desk's understanding and registry."""

    kind: TicketKind

    def may_run(self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None) -> bool:
        if resident is None:
            self.helper.identify_first(dispatcher, self.helper.translator(tracker, resident))
        return resident is not None

    def after(self, tracker: Tracker, events: list[EventType]) -> list[EventType]:
        if not tracker.get_slot("estatedesk_draft"):
            # This form run's id: submitting it twice (or Rasa retrying) opens one ticket.
            events.append(SlotSet("estatedesk_draft", uuid.uuid4().hex))
        return events

    async def _context(self, tracker: Tracker) -> tuple[list[Unit], Translator]:
        """The resident's units and the conversation's language (read per call: one instance serves every request)."""
        resident = await self.helper.resident(tracker)
        units = [link.unit for link in resident.units] if resident else []
        return units, self.helper.translator(tracker, resident)

    async def validate_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        keys = CATEGORIES[self.kind]
        text = str(value or "").strip()
        if text in keys:
            return {"category": text}
        _units, _ = await self._context(tracker)
        understood = await self.desk.services.understander.understand(text, _.language.value)
        if understood.category in keys:
            return {"category": understood.category}
        question = _("What needs repairing?") if self.kind is TicketKind.REPAIR else _("What is the complaint about?")
        buttons = [{"title": category_label(_, self.kind, k), "payload": f'/inform{{"category":"{k}"}}'} for k in keys]
        dispatcher.utter_message(text=question, buttons=buttons)
        return {"category": None}

    async def validate_unit(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = _words(value, tracker)
        mention = extract_unit(text)
        units, _ = await self._context(tracker)
        unit = own_unit(units, mention.building, mention.unit)
        if unit is not None:
            return {"unit": unit.label, "estatedesk_place": None}
        # A repair in a common area ("3座大堂", "the car park"), by the chat's own rule and place inference.
        area = find_common_area(text)
        if names_common_area(self.kind, area, mention.building, mention.unit, says_own_home(text)):
            building = mention.building or ""
            if area and building:
                detail = area_label(_, area, building)
            else:  # the resident's words stay in the place staff read, after what was recognised
                prefix = area_label(_, area, None) if area else _("Block {building}", building=building)
                detail = f"{prefix} – {text}"
            place = _("Common area: {where}", where=detail)
            return {"unit": place, "estatedesk_place": json.dumps({"place": place, "building": building})}
        # Never someone else's unit: refused with a message, and the resident's own units offered.
        buttons = [{"title": u.label, "payload": f'/inform{{"unit":"{u.label}"}}'} for u in units]
        dispatcher.utter_message(
            text=_(
                "You mentioned {unit}, which is not one of your registered units. Which place is this report about?",
                unit=text or "-",
            ),
            buttons=buttons,
        )
        return {"unit": None, "estatedesk_place": None}

    async def validate_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        _units, _ = await self._context(tracker)
        text = clean_text(str(value or ""))
        if not text:
            return {"description": None}
        if len(text) > MAX_DESCRIPTION:
            text = text[:MAX_DESCRIPTION]
            dispatcher.utter_message(
                text=_("Your description is long; the first {n} characters are kept.", n=MAX_DESCRIPTION)
            )
        slots: dict[str, Any] = {"description": text}
        if looks_like_emergency(text):
            # Answered at once, before the form goes on: the duty number.
            dispatcher.utter_message(
                text=_(
                    "This sounds like an emergency. If anyone is in danger, call {phone} now. "
                    "We will still record your report.",
                    phone=self.desk.services.estate.emergency_phone,
                )
            )
            slots["estatedesk_urgency"] = Urgency.EMERGENCY.value
        return slots


def _words(value: Any, tracker: Tracker) -> str:
    """What the resident wrote for a slot: the whole message when the slot holds a part of it (an entity)."""
    text = str(value or "").strip()
    latest = str((tracker.latest_message or {}).get("text") or "").strip()
    if text and text in latest and not latest.startswith("/"):
        return latest
    return text


class ValidateRepairForm(ValidateReportForm):
    kind = TicketKind.REPAIR
    form = "repair_form"


class ValidateComplaintForm(ValidateReportForm):
    kind = TicketKind.COMPLAINT
    form = "complaint_form"


class SubmitAction(DeskAction):
    """Open the ticket through the desk, idempotent on (sender id, form run)."""

    kind: TicketKind

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        assert resident is not None
        draft = tracker.get_slot("estatedesk_draft")
        if not draft:
            # Submitted already (or never filled): no second ticket; the last one's number again.
            number = tracker.get_slot("ticket_number")
            if number:
                dispatcher.utter_message(
                    text=_("Received. Your ticket number is {number}. We will keep you posted here.", number=number)
                )
            return []
        slots = {name: tracker.get_slot(name) for name in FORM_SLOTS}
        mention = extract_unit(str(slots["unit"] or ""))
        unit = own_unit([link.unit for link in resident.units], mention.building, mention.unit)
        common = self._common_place(tracker) if unit is None else None
        category = slots["category"] if slots["category"] in CATEGORIES[self.kind] else None
        if (unit is None and common is None) or category is None or not slots["description"]:
            # Slots that did not pass validation (set around it): never used.
            raise ActionExecutionRejection(self.name(), "the form's slots are missing or not valid")
        description = clean_text(str(slots["description"]))[:MAX_DESCRIPTION]
        emergency = tracker.get_slot("estatedesk_urgency") == Urgency.EMERGENCY.value or looks_like_emergency(
            description
        )
        report = Report(
            idempotency_key=f"{CHANNEL}:{tracker.sender_id}:{draft}",
            kind=self.kind,
            category=category,
            urgency=Urgency.EMERGENCY if emergency else Urgency.NORMAL,
            resident_id=resident.id,
            unit_id=unit.id if unit is not None else None,
            place=unit.label if unit is not None else common[0] if common else "",
            building=unit.building if unit is not None else common[1] if common else "",
            description=description,
            channel=CHANNEL,
        )
        ticket = await self.services.intake.submit(report)
        if not any(e.action == CONVERSATION_EVENT for e in ticket.events):
            ticket = await self.services.tickets.append_event(
                ticket.number,
                TicketEvent(self.services.clock(), "system", CONVERSATION_EVENT, {"sender_id": tracker.sender_id}),
            )
        if self.desk.after_submit is not None:
            await self.desk.after_submit([ticket], resident)
        dispatcher.utter_message(text="\n".join(receipt(_, ticket, self.services.estate)))
        return [SlotSet("ticket_number", ticket.number), SlotSet("estatedesk_draft", None)] + [
            SlotSet(name, None) for name in (*FORM_SLOTS, "estatedesk_urgency", "estatedesk_place")
        ]

    def _common_place(self, tracker: Tracker) -> tuple[str, str] | None:
        """(place, building) of a repair the form's validation placed in a common area (a slot only it sets)."""
        raw = tracker.get_slot("estatedesk_place")
        if self.kind is not TicketKind.REPAIR or not raw:
            return None
        try:
            place = json.loads(str(raw))
        except ValueError:
            return None
        if not isinstance(place, dict) or not place.get("place"):
            return None
        return str(place["place"]), str(place.get("building") or "")


class SubmitRepairAction(SubmitAction):
    action_name = "action_estatedesk_submit_repair"
    kind = TicketKind.REPAIR


class SubmitComplaintAction(SubmitAction):
    action_name = "action_estatedesk_submit_complaint"
    kind = TicketKind.COMPLAINT


class BillAction(DeskAction):
    """Balances of the resident's own units; a unit that is not theirs is refused."""

    action_name = "action_estatedesk_bill"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        assert resident is not None
        units = [link.unit for link in resident.units]
        asked = tracker.get_slot("unit")
        if asked:
            mention = extract_unit(str(asked))
            unit = own_unit(units, mention.building, mention.unit)
            if unit is None:
                dispatcher.utter_message(text=_("I can only show bills for your own units."))
                return [SlotSet("unit", None)]
            units = [unit]
        estate = self.services.estate
        for unit in units:
            statement = await self.services.billing.statement(unit.id)
            if statement is None:
                dispatcher.utter_message(
                    text=_(
                        "There is no billing record for {unit} yet. Please contact the service desk at {phone}.",
                        unit=unit.label,
                        phone=estate.service_desk_phone,
                    )
                )
                continue
            say(
                dispatcher,
                Reply(
                    _("Details as of the last update from the accounts office."),
                    title=_("Bills for {unit}", unit=unit.label),
                    fields=statement_fields(_, estate.phone_region, statement),
                ),
            )
        return [SlotSet("unit", None)] if asked else []


class TicketStatusAction(DeskAction):
    """The resident's open tickets and their state."""

    action_name = "action_estatedesk_ticket_status"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        assert resident is not None
        tickets = await self.services.tickets.list_for_resident(resident.id, open_only=True)
        if not tickets:
            dispatcher.utter_message(text=_("You have no open tickets."))
            return []
        fields = ticket_lines(_, tickets, self.services.estate.timezone)
        say(dispatcher, Reply(_("Your open tickets:"), title=_("My tickets"), fields=fields))
        return []


class TicketNewsAction(DeskAction):
    """Ticket news pushed by estatedesk (``trigger_intent``: the ticket, its status, the desk's message)."""

    action_name = "action_estatedesk_ticket_news"
    needs_resident = False  # news for a conversation that is not this ticket's is dropped below

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        number = next(tracker.get_latest_entity_values("ticket"), None)
        ticket = await self.services.tickets.get(str(number)) if number else None
        if ticket is None or resident is None or ticket.resident_id != resident.id:
            return []  # not this conversation's ticket: say nothing
        message = next(tracker.get_latest_entity_values("message"), None)
        dispatcher.utter_message(
            text=str(message) if message else f"{ticket.number} · {_(STATUS_LABELS[ticket.status])}"
        )
        return [SlotSet("ticket_number", ticket.number)]


class AnswerAction(DeskAction):
    """The resident's words about a ticket the desk asked about (need info), or the one just named, to its staff."""

    action_name = "action_estatedesk_answer"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        assert resident is not None
        actions = self.services.ticket_actions
        text = clean_text(str((tracker.latest_message or {}).get("text") or ""))[:MAX_RELAY]
        mine = await self.services.tickets.list_for_resident(resident.id, open_only=False)
        number = tracker.get_slot("ticket_number")
        waiting = [t for t in mine if t.status is TicketStatus.NEED_INFO] or [t for t in mine if t.number == number]
        if not waiting or actions is None or not text:
            dispatcher.utter_message(text=_("You have no open tickets."))
            return []
        ticket = waiting[0]
        await actions.relay_from_resident(ticket, resident.id, text, ())
        dispatcher.utter_message(text=_("Sent to the staff handling {number}.", number=ticket.number))
        return []


# -- the follow-up survey ----------------------------------------------------------------------------------
# What a typed answer may say instead of pressing a button: "not fixed", or nothing to add.
_NOT_FIXED_WORDS = re.compile(r"not[ _]?fixed|^nf$|未(?:修|整|搞)好|[沒没冇]有?(?:修|整)好|仲係壞|还是坏|還是壞")
_SKIP_WORDS = {
    *("skip", "no", "none", "nothing", "no thanks"),
    *("唔使", "唔洗", "冇", "沒有", "不用", "跳過"),
    *("没有", "不用了", "跳过"),
}
_NOTHING_ASKED = "-"  # survey_comment when no comment was asked for (the survey was answered before, or is gone)


def read_score(value: Any) -> str | None:
    """A survey answer as the chat's button values: "1".."5" or "nf" (not fixed); None if it is neither."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip().lower()
    if _NOT_FIXED_WORDS.search(text):
        return NOT_FIXED
    found = re.search(r"(?<!\d)([1-5])(?!\d)", text)
    return found.group(1) if found and int(found.group(1)) in RATINGS else None


def _survey_payload(slot: str, value: str) -> str:
    return f'/survey_answer{{"{slot}":"{value}"}}'


class SurveyAction(DeskAction):
    """``EXTERNAL_survey`` from the desk: the survey of one of this resident's tickets starts (the form asks)."""

    action_name = "action_estatedesk_survey"
    needs_resident = False

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        number = next(tracker.get_latest_entity_values("ticket"), None)
        survey = str(next(tracker.get_latest_entity_values("survey"), "") or "")
        ticket = await self.services.tickets.get(str(number)) if number else None
        if ticket is None or resident is None or ticket.resident_id != resident.id or not survey.isdigit():
            return [SlotSet("estatedesk_survey", None)]  # not this conversation's: the form ends at once, silent
        return [
            SlotSet("estatedesk_survey", survey),
            SlotSet("ticket_number", ticket.number),
            *(SlotSet(name, None) for name in SURVEY_FORM_SLOTS),
        ]


class AskSurveyScoreAction(DeskAction):
    """The survey's question as the chat asks it (``dialogs.survey.survey_reply``), its buttons as Rasa payloads."""

    action_name = "action_ask_survey_score"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        survey = str(tracker.get_slot("estatedesk_survey") or "")
        if not survey.isdigit():
            return []
        reply = survey_reply(_, int(survey), str(tracker.get_slot("ticket_number") or ""))
        buttons = []
        for row in reply.choices:
            for choice in row:
                parsed = parse_survey(choice.value)
                if parsed is not None:
                    buttons.append({"title": choice.label, "payload": _survey_payload("survey_score", parsed[1])})
        dispatcher.utter_message(text=render(Reply(reply.text, title=reply.title)), buttons=buttons)
        return []


class AskSurveyCommentAction(DeskAction):
    action_name = "action_ask_survey_comment"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=_("Anything you would like to add? Type a comment, or press Skip."),
            buttons=[{"title": _("Skip"), "payload": _survey_payload("survey_comment", SKIP)}],
        )
        return []


class ValidateSurveyForm(DeskFormValidation):
    """The score (a button, or typed: "4", "5⭐", "not fixed", "未修好"), kept at once; then an optional comment."""

    form = SURVEY_FORM

    def may_run(self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None) -> bool:
        return resident is not None and str(tracker.get_slot("estatedesk_survey") or "").isdigit()

    async def validate_survey_score(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        score = read_score(value)
        if score is None:
            return {"survey_score": None}  # asked again, with its buttons
        resident = await self.helper.resident(tracker)
        _ = self.helper.translator(tracker, resident)
        # Kept now, so a resident who never writes a comment has still answered (rate() is idempotent).
        outcome = await record_score(self.desk, tracker, resident, score)
        if outcome is None:
            return {"survey_score": score}
        if outcome in ("answered_before", "not_found"):
            text = _("You have already answered. Thank you!")
            if outcome == "not_found":
                text = _("This survey is not available any more.")
            dispatcher.utter_message(text=text)
            return {"survey_score": score, "survey_comment": _NOTHING_ASKED}
        dispatcher.utter_message(text=rating_outcome(_, outcome))
        return {"survey_score": score}

    async def validate_survey_comment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = clean_text(str(value or ""))
        if text.lower() in _SKIP_WORDS or text == _survey_payload("survey_comment", SKIP):
            return {"survey_comment": SKIP}
        return {"survey_comment": text[:MAX_COMMENT] if text else None}


async def record_score(desk: RasaDesk, tracker: Tracker, resident: Resident | None, score: str) -> str | None:
    """The answer through the desk's survey code (as a Telegram button press); None when there is none to record."""
    actions = desk.services.survey_actions
    survey = str(tracker.get_slot("estatedesk_survey") or "")
    if actions is None or resident is None or not survey.isdigit():
        return None
    rating = None if score == NOT_FIXED else int(score)
    return await actions.rate(int(survey), resident.id, rating, score == NOT_FIXED)


class SurveyAnswerAction(DeskAction):
    """The survey form is done: the score (again: idempotent) and the comment, through the desk's survey code."""

    action_name = "action_estatedesk_survey_answer"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, resident: Resident | None, _: Translator
    ) -> list[EventType]:
        assert resident is not None
        done = [SlotSet(name, None) for name in ("estatedesk_survey", *SURVEY_FORM_SLOTS)]
        actions = self.services.survey_actions
        survey = str(tracker.get_slot("estatedesk_survey") or "")
        score = read_score(tracker.get_slot("survey_score"))
        if actions is None or not survey.isdigit() or score is None:
            return done
        outcome = await record_score(self.desk, tracker, resident, score)
        if outcome not in (None, "answered_before", "not_found"):
            dispatcher.utter_message(text=rating_outcome(_, str(outcome)))  # not kept by the form's validation
        comment = clean_text(str(tracker.get_slot("survey_comment") or ""))[:MAX_COMMENT]
        if comment == SKIP:
            dispatcher.utter_message(text=_("Thank you for your feedback."))
        elif comment and comment != _NOTHING_ASKED:
            await actions.comment(int(survey), resident.id, comment)
            dispatcher.utter_message(text=_("Thank you, your comment has been passed on."))
        return done


ACTIONS: tuple[type[DeskAction] | type[DeskFormValidation], ...] = (
    IdentifyAction,
    ValidateRepairForm,
    ValidateComplaintForm,
    SubmitRepairAction,
    SubmitComplaintAction,
    BillAction,
    TicketStatusAction,
    TicketNewsAction,
    AnswerAction,
    SurveyAction,
    AskSurveyScoreAction,
    AskSurveyCommentAction,
    ValidateSurveyForm,
    SurveyAnswerAction,
)
