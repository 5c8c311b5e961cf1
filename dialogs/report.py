"""Repair reports and complaints: category, place, description, photos, urgency, summary, confirm.

See ``report.mmd`` beside this file for the flow. Both forms share the steps; a complaint skips
place and urgency (a complaint is urgent only if the resident's words signal an emergency).
"""

from __future__ import annotations

from typing import Any

from bot.config import EstateConfig
from bot.domain.callback_data import choice_id
from bot.domain.emergency import looks_like_emergency
from bot.domain.residents import Unit
from bot.domain.text import MAX_DESCRIPTION, MAX_PLACE_DETAIL, clean_text
from bot.domain.tickets import CATEGORIES, MAX_PHOTOS, Report, Ticket, TicketKind, Urgency
from bot.i18n import N_, Translator
from bot.nlu.units import extract_unit
from dialogs.engine import Dialog, Turn
from dialogs.events import EventKind
from dialogs.labels import URGENCY_LABELS, area_label, category_label
from dialogs.replies import Choice
from dialogs.understanding import Correction, Intent, Understanding, says_emergency

COMMON = "common"
_LONG = N_("Your description is long; the first {n} characters are kept.")


def resident_units(turn: Turn) -> list[Unit]:
    return [link.unit for link in turn.resident.units] if turn.resident else []


def unit_by_id(turn: Turn, unit_id: int | None) -> Unit | None:
    return next((u for u in resident_units(turn) if u.id == unit_id), None)


def names_common_area(
    kind: TicketKind, common_area: str | None, building: str | None, unit: str | None, own_home: bool
) -> bool:
    """A repair the resident's words place in a common area: one is named, or a building without a unit
    ("3座冇電") and nothing about their own home. Complaints keep their place step (no common area)."""
    if kind is not TicketKind.REPAIR:
        return False
    if common_area:
        return True
    return bool(building) and not unit and not own_home


def own_unit(units: list[Unit], building: str | None, unit: str | None) -> Unit | None:
    """The resident's unit that ``building``/``unit`` (as the registry holds them) name; None for anyone else's.

    A unit that is not the resident's is never used silently: callers ask or refuse."""
    if not unit:
        return None
    for candidate in units:
        if candidate.named_by(building, unit):
            return candidate
    return None


class ReportDialog(Dialog):
    kind: TicketKind
    steps: tuple[str, ...]

    # -- entering -------------------------------------------------------------------------------
    async def begin(self, turn: Turn, understood: Understanding | None = None) -> None:
        form: dict[str, Any] = {"photos": list(turn.state.pop("pending_photos", []))}
        units = resident_units(turn)
        if len(units) == 1:
            form["unit_id"] = units[0].id
        if understood is not None:
            if understood.category in CATEGORIES[self.kind]:
                form["category"] = understood.category
                form["predicted_category"] = understood.category  # a change of it is kept as a correction
            elif understood.category_choices:
                # Too unsure to pre-fill: the likeliest categories are offered first.
                form["category_choices"] = [c for c in understood.category_choices if c in CATEGORIES[self.kind]]
            if understood.description:
                form["description"] = turn.keep_within(clean_text(understood.description), MAX_DESCRIPTION, _LONG)
            if understood.emergency:
                form["urgency"] = Urgency.EMERGENCY.value
            mentioned = self._mentioned_unit(turn, understood)
            if self._common_area_named(understood):
                # "the lift in block A", "2座大堂", "Block 3 ...": a shared place, never "my unit?".
                form["common"] = True
                form.pop("unit_id", None)
                if understood.building:
                    form["building"] = understood.building
                if understood.common_area and understood.building:
                    form["place_detail"] = area_label(turn._, understood.common_area, understood.building)
                elif understood.common_area:
                    form["area"] = understood.common_area
            elif understood.building and not understood.unit:
                form["building"] = understood.building  # a complaint about "2座走廊": counted with block 2
            if mentioned is not None and not form.get("common"):
                form["unit_id"] = mentioned.id
                form["place_set"] = True
            elif understood.unit and units and not form.get("common"):
                # A unit that is not the resident's: never used silently (see ask_unit_check).
                form["mentioned"] = _mention_label(understood)
                form.pop("unit_id", None)
        if form.get("description") and looks_like_emergency(form["description"]):
            form["urgency"] = Urgency.EMERGENCY.value
        turn.start_flow(self.name, self.steps[0], form)
        if form.get("urgency") == Urgency.EMERGENCY.value:
            self._warn_emergency(turn)
        await self.prompt(turn, self.next_step(turn, None))

    def _common_area_named(self, understood: Understanding) -> bool:
        return names_common_area(
            self.kind, understood.common_area, understood.building, understood.unit, understood.own_home
        )

    @staticmethod
    def _mentioned_unit(turn: Turn, understood: Understanding) -> Unit | None:
        return own_unit(resident_units(turn), understood.building, understood.unit)

    # -- step order -----------------------------------------------------------------------------
    def needed(self, turn: Turn, step: str) -> bool:
        """Whether ``step`` still has to be asked (pre-filled answers are not asked again)."""
        form = turn.form
        if step == "unit_check":
            return bool(form.get("mentioned"))
        if step == "category":
            return "category" not in form
        if step == "place":
            if form.get("common") or form.get("place_set"):
                return False
            # A repair may be in a common area: the resident's unit is offered first, not assumed.
            return self.kind is TicketKind.REPAIR or "unit_id" not in form
        if step == "place_detail":
            return bool(form.get("common")) and not form.get("place_detail")
        if step == "description":
            return not form.get("description")
        if step == "photos":
            return not form.get("photos_done")
        if step == "urgency":
            return "urgency" not in form
        return True

    def next_step(self, turn: Turn, current: str | None) -> str:
        if turn.form.get("editing"):
            turn.form.pop("editing")
            return "confirm"
        order = self.steps
        start = 0 if current is None else order.index(current) + 1
        for step in order[start:]:
            if self.needed(turn, step):
                return step
        return "confirm"

    async def advance(self, turn: Turn, current: str) -> None:
        await self.prompt(turn, self.next_step(turn, current))

    def _warn_emergency(self, turn: Turn) -> None:
        _ = turn._
        turn.say(
            _(
                "This sounds like an emergency. If anyone is in danger, call {phone} now. "
                "We will still record your report.",
                phone=turn.services.estate.emergency_phone,
            ),
            title=_("Emergency"),
            key="report.emergency",
        )

    def _repeat(self, turn: Turn, hint: str) -> None:
        turn.say(hint)

    # -- steps ----------------------------------------------------------------------------------
    async def ask_unit_check(self, turn: Turn) -> None:
        _ = turn._
        units = resident_units(turn)
        choices = [Choice(f"unit:{u.id}", u.label) for u in units]
        if self.kind is TicketKind.REPAIR:
            choices.append(Choice(COMMON, _("Common area")))
        turn.ask(
            _(
                "You mentioned {unit}, which is not one of your registered units. Which place is this report about?",
                unit=turn.form["mentioned"],
            ),
            choices,
        )

    async def on_unit_check(self, turn: Turn) -> None:
        if await self._take_place_choice(turn):
            turn.form.pop("mentioned", None)
            await self.advance(turn, "unit_check")

    async def ask_category(self, turn: Turn) -> None:
        _ = turn._
        likeliest = turn.form.get("category_choices") or []
        if likeliest:
            offered = [Choice(k, category_label(_, self.kind, k)) for k in likeliest]
            turn.ask(_("Is it one of these?"), [offered, [Choice("more", _("Something else"))]])
            return
        keys = CATEGORIES[self.kind]
        buttons = [Choice(k, category_label(_, self.kind, k)) for k in keys]
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        question = _("What needs repairing?") if self.kind is TicketKind.REPAIR else _("What is the complaint about?")
        turn.ask(question, rows)

    async def on_category(self, turn: Turn) -> None:
        ev = turn.event
        if ev.kind is EventKind.CHOICE and ev.choice == "more":
            turn.form.pop("category_choices", None)  # none of the likeliest: the whole list
            await self.prompt(turn, "category")
            return
        if ev.kind is EventKind.CHOICE and ev.choice in CATEGORIES[self.kind]:
            turn.form["category"] = ev.choice
            turn.form.pop("category_choices", None)
            if ev.choice == "common_area" and self.kind is TicketKind.REPAIR:
                turn.form["common"] = True
                turn.form.pop("unit_id", None)
            await self.advance(turn, "category")
            return
        await self._keep_text(turn)
        await self.prompt(turn, "category")

    async def ask_place(self, turn: Turn) -> None:
        _ = turn._
        choices = [Choice(f"unit:{u.id}", _("My unit {unit}", unit=u.label)) for u in resident_units(turn)]
        if self.kind is TicketKind.REPAIR:
            choices.append(Choice(COMMON, _("Common area")))
        turn.ask(_("Where is it?"), choices)

    async def on_place(self, turn: Turn) -> None:
        if await self._take_place_choice(turn):
            await self.advance(turn, "place")
            return
        await self._keep_text(turn)
        await self.prompt(turn, "place")

    async def _take_place_choice(self, turn: Turn) -> bool:
        ev = turn.event
        if ev.kind is not EventKind.CHOICE:
            return False
        if ev.choice == COMMON and self.kind is TicketKind.REPAIR:
            turn.form["common"] = True
            turn.form.pop("unit_id", None)
            return True
        if ev.choice.startswith("unit:"):
            unit = unit_by_id(turn, choice_id(ev.choice, "unit"))
            if unit is not None:
                turn.form["unit_id"] = unit.id
                turn.form["place_set"] = True
                turn.form.pop("common", None)
                turn.form.pop("place_detail", None)
                return True
        return False

    async def ask_place_detail(self, turn: Turn) -> None:
        _ = turn._
        form = turn.form
        if form.get("area"):
            area = area_label(_, form["area"], None)
            # Most likely one of the resident's own buildings: one tap each; any other is typed.
            # Buttons carry the building's position, not its name: a long or Chinese name would not fit
            # Telegram's 64 bytes of callback data.
            turn.ask(
                _("Which building's {area}, and where exactly? (for example: Block 3, ground floor)", area=area),
                [Choice(f"building:{i}", area_label(_, form["area"], b)) for i, b in enumerate(_buildings(turn))],
            )
        elif form.get("building"):
            block = _("Block {building}", building=form["building"])
            turn.say(_("Where exactly in {block}? (for example: lobby, 12/F corridor, car park B1)", block=block))
        else:
            turn.say(_("Which common area, and where exactly? (for example: Block 3 lobby, car park B1)"))

    async def on_place_detail(self, turn: Turn) -> None:
        _ = turn._
        form = turn.form
        ev = turn.event
        if ev.kind is EventKind.CHOICE and ev.choice.startswith("building:") and form.get("area"):
            buildings = _buildings(turn)
            position = ev.choice[len("building:") :]
            if position.isdigit() and int(position) < len(buildings):
                building = buildings[int(position)]
                form["building"] = building
                form["place_detail"] = area_label(_, form["area"], building)
                await self.advance(turn, "place_detail")
                return
        if ev.kind is EventKind.CHOICE:  # a button of no building: the question again, with its buttons
            await self.prompt(turn, "place_detail")
            return
        text = clean_text(ev.text) if ev.kind is EventKind.TEXT else ""
        if not text:
            turn.say(_("Please describe the place in a few words."))
            return
        text = turn.keep_within(text, MAX_PLACE_DETAIL)
        named = extract_unit(text).building
        if named:
            form["building"] = named
        # What the resident's first words said (the area, the building) stays in the place staff read.
        prefix = ""
        if form.get("area"):
            prefix = area_label(_, form["area"], form.get("building"))
        elif form.get("building") and not named:
            prefix = _("Block {building}", building=form["building"])
        form["place_detail"] = f"{prefix} – {text}" if prefix else text
        await self.advance(turn, "place_detail")

    async def ask_description(self, turn: Turn) -> None:
        _ = turn._
        if self.kind is TicketKind.REPAIR:
            turn.say(_("Please describe the problem in a few words."))
        else:
            turn.say(_("Please describe what happened: when, where, and who or what is involved."))

    async def on_description(self, turn: Turn) -> None:
        ev = turn.event
        text = clean_text(ev.text) if ev.kind in (EventKind.TEXT, EventKind.PHOTO) else ""
        if ev.kind is EventKind.PHOTO:
            self._add_photo(turn, ev.photo)
        if not text:
            if ev.kind is EventKind.PHOTO:
                turn.say(turn._("Photo received. Please also describe the problem in a few words."))
            else:
                await self.prompt(turn, "description")
            return
        await self._set_description(turn, text)
        await self.advance(turn, "description")

    async def _set_description(self, turn: Turn, text: str) -> None:
        text = turn.keep_within(text, MAX_DESCRIPTION, _LONG)
        turn.form["description"] = text
        if turn.form.get("urgency") != Urgency.EMERGENCY.value and await says_emergency(
            turn.services.understander, text, turn.language.value
        ):
            turn.form["urgency"] = Urgency.EMERGENCY.value
            self._warn_emergency(turn)

    async def _keep_text(self, turn: Turn) -> None:
        """Typed text in a button step is added to the description, never dropped."""
        ev = turn.event
        if ev.kind is EventKind.TEXT and clean_text(ev.text):
            text = clean_text(ev.text)
            existing = turn.form.get("description", "")
            await self._set_description(turn, f"{existing}\n{text}".strip() if existing else text)
            turn.say(turn._("Noted; I added that to the description."))
        elif ev.kind is EventKind.PHOTO:
            self._add_photo(turn, ev.photo)
        elif ev.kind is EventKind.UNSUPPORTED:
            turn.say(turn._("I can't read that kind of message here. Please use the buttons or type."))

    def _add_photo(self, turn: Turn, file_id: str) -> bool:
        photos: list[str] = turn.form.setdefault("photos", [])
        if file_id in photos:
            return True
        if len(photos) >= MAX_PHOTOS:
            turn.say(turn._("You have already sent {n} photos, the most one report can take.", n=MAX_PHOTOS))
            return False
        photos.append(file_id)
        return True

    async def ask_photos(self, turn: Turn) -> None:
        _ = turn._
        have = len(turn.form.get("photos", []))
        text = _("Send up to {n} photos if they help, then press Done. Or skip.", n=MAX_PHOTOS)
        if have:
            text = _("{have} of {n} photos received. Send more, or press Done.", have=have, n=MAX_PHOTOS)
        turn.ask(text, [[Choice("done", _("Done")), Choice("skip", _("Skip photos"))]])

    async def on_photos(self, turn: Turn) -> None:
        ev = turn.event
        if ev.kind is EventKind.PHOTO:
            if self._add_photo(turn, ev.photo) and ev.text:
                existing = turn.form.get("description", "")
                await self._set_description(turn, f"{existing}\n{clean_text(ev.text)}".strip())
            have = len(turn.form.get("photos", []))
            if have >= MAX_PHOTOS:
                turn.form["photos_done"] = True
                await self.advance(turn, "photos")
            else:
                await self.prompt(turn, "photos")
            return
        if ev.kind is EventKind.CHOICE and ev.choice in ("done", "skip"):
            turn.form["photos_done"] = True
            await self.advance(turn, "photos")
            return
        await self._keep_text(turn)
        await self.prompt(turn, "photos")

    async def ask_urgency(self, turn: Turn) -> None:
        _ = turn._
        turn.ask(
            _("How urgent is it?"),
            [
                [Choice(Urgency.NORMAL.value, _("Normal")), Choice(Urgency.URGENT.value, _("Urgent"))],
                [Choice(Urgency.EMERGENCY.value, _("Emergency: danger or water pouring"))],
            ],
        )

    async def on_urgency(self, turn: Turn) -> None:
        ev = turn.event
        if ev.kind is EventKind.CHOICE and ev.choice in {u.value for u in Urgency}:
            turn.form["urgency"] = ev.choice
            if ev.choice == Urgency.EMERGENCY.value:
                self._warn_emergency(turn)
            await self.advance(turn, "urgency")
            return
        await self._keep_text(turn)
        await self.prompt(turn, "urgency")

    # -- summary and confirmation ---------------------------------------------------------------
    def place_label(self, turn: Turn) -> str:
        form = turn.form
        if form.get("common"):
            return turn._("Common area: {where}", where=form.get("place_detail", ""))
        unit = unit_by_id(turn, form.get("unit_id"))
        return unit.label if unit else ""

    def building(self, turn: Turn) -> str:
        """The building of the report: the one a common-area report names, else the unit's ("" unknown)."""
        if turn.form.get("building"):
            return str(turn.form["building"])
        unit = None if turn.form.get("common") else unit_by_id(turn, turn.form.get("unit_id"))
        return unit.building if unit else ""

    def urgency(self, turn: Turn) -> Urgency:
        return Urgency(turn.form.get("urgency", Urgency.NORMAL.value))

    async def ask_confirm(self, turn: Turn) -> None:
        _ = turn._
        form = turn.form
        fields = [
            (_("Category"), category_label(_, self.kind, form.get("category", "other"))),
            (_("Place"), self.place_label(turn)),
            # Whole: the resident confirms what is stored, never an excerpt of it.
            (_("Description"), form.get("description", "")),
            (_("Photos"), str(len(form.get("photos", [])))),
        ]
        if "urgency" in self.steps or form.get("urgency"):
            fields.append((_("Urgency"), _(URGENCY_LABELS[self.urgency(turn)])))
        title = _("Your repair report") if self.kind is TicketKind.REPAIR else _("Your complaint")
        turn.ask(
            _("Please check and confirm."),
            [[Choice("confirm", _("Confirm")), Choice("edit", _("Edit")), Choice("cancel", _("Cancel"))]],
            title=title,
            fields=tuple(fields),
        )

    async def on_confirm(self, turn: Turn) -> None:
        ev = turn.event
        if ev.kind is EventKind.CHOICE and ev.choice == "confirm":
            await self._submit(turn)
            return
        if ev.kind is EventKind.CHOICE and ev.choice == "edit":
            await self.prompt(turn, "edit")
            return
        if ev.kind is EventKind.CHOICE and ev.choice == "cancel":
            turn.end_flow()
            turn.say(turn._("Cancelled. Nothing was sent."), key="report.cancelled")
            return
        await self._keep_text(turn)
        await self.prompt(turn, "confirm")

    async def ask_edit(self, turn: Turn) -> None:
        _ = turn._
        options = [("category", _("Category"))]
        if "place" in self.steps:
            options.append(("place", _("Place")))
        options += [("description", _("Description")), ("photos", _("Photos"))]
        if "urgency" in self.steps:
            options.append(("urgency", _("Urgency")))
        buttons = [Choice(f"edit:{key}", label) for key, label in options]
        turn.ask(_("What do you want to change?"), [buttons[i : i + 2] for i in range(0, len(buttons), 2)])

    async def on_edit(self, turn: Turn) -> None:
        ev = turn.event
        target = ev.choice[5:] if ev.kind is EventKind.CHOICE and ev.choice.startswith("edit:") else ""
        if target not in self.steps:
            await self._keep_text(turn)
            await self.prompt(turn, "edit")
            return
        form = turn.form
        form["editing"] = True
        if target == "photos":
            form["photos"] = []
            form.pop("photos_done", None)
        if target == "place":
            form.pop("place_detail", None)
            form.pop("building", None)
            form.pop("area", None)
            form.pop("place_set", None)
            form.pop("common", None)
        await self.prompt(turn, target)

    async def _submit(self, turn: Turn) -> None:
        _ = turn._
        form = turn.form
        resident = turn.resident
        report = Report(
            idempotency_key=f"{turn.event.chat}:{form['draft']}",
            kind=self.kind,
            category=form.get("category", "other"),
            urgency=self.urgency(turn),
            resident_id=resident.id if resident else None,
            unit_id=None if form.get("common") else form.get("unit_id"),
            place=self.place_label(turn),
            building=self.building(turn),
            description=form.get("description", ""),
            channel=turn.event.channel,
            attachments=tuple(form.get("photos", [])),
        )
        # Stored (and committed) before the resident is told anything.
        ticket = await turn.services.intake.submit(report)
        turn.tickets.append(ticket)
        predicted = form.get("predicted_category")
        if predicted and predicted != report.category and turn.services.corrections is not None and report.description:
            # The resident changed the category the understander pre-filled: a label to learn from.
            await turn.services.corrections.add(
                Correction(
                    text=report.description,
                    intent=Intent(self.kind.value),
                    category=report.category,
                    source="resident",
                    actor=f"resident:{resident.id}" if resident else "resident",
                    ticket=ticket.number,
                    at=turn.services.clock(),
                )
            )
        turn.end_flow()
        told, *emergency = receipt(_, ticket, turn.services.estate)
        turn.say(told, title=ticket.number, key="report.received")
        for line in emergency:
            turn.say(line)


def receipt(_: Translator, ticket: Ticket, estate: EstateConfig) -> list[str]:
    """What a resident is told once their report is stored: its number and aim; for an emergency, the duty line."""
    told = _("Received. Your ticket number is {number}. We will keep you posted here.", number=ticket.number)
    if ticket.sla_due_at is not None:
        told += "\n" + _("We aim to resolve it by {when}.", when=_.when(ticket.sla_due_at, estate.timezone))
    lines = [told]
    if ticket.urgency is Urgency.EMERGENCY:
        lines.append(_("Emergency line: {phone}", phone=estate.emergency_phone))
    return lines


def _buildings(turn: Turn) -> list[str]:
    """The buildings of the resident's units, in a stable order."""
    return sorted({u.building for u in resident_units(turn)})


def _mention_label(understood: Understanding) -> str:
    return f"{understood.building}-{understood.unit}" if understood.building else str(understood.unit)


class RepairDialog(ReportDialog):
    name = "repair"
    kind = TicketKind.REPAIR
    steps = ("unit_check", "category", "place", "place_detail", "description", "photos", "urgency")


class ComplaintDialog(ReportDialog):
    name = "complaint"
    kind = TicketKind.COMPLAINT
    steps = ("unit_check", "category", "place", "description", "photos")
