"""The root of every conversation: commands, linking a Telegram account to a home, the menu, free text.

See ``main.mmd`` beside this file. Forms live in their own modules; this module decides which one
an event belongs to.
"""

from __future__ import annotations

from typing import Any

from bot.domain.callback_data import parse_resident
from bot.domain.residents import InvalidPhone, Language, normalise_phone
from bot.domain.text import MAX_DESCRIPTION, clean_text
from bot.domain.tickets import MAX_PHOTOS, Report, Ticket, TicketKind, Urgency
from bot.i18n import Translator, translate
from dialogs.bill import BillDialog
from dialogs.engine import Dialog, Turn
from dialogs.events import EventKind
from dialogs.labels import KIND_LABELS, STATUS_LABELS, category_label
from dialogs.replies import Choice
from dialogs.report import ComplaintDialog, RepairDialog
from dialogs.ticket_talk import about_a_ticket, on_relay_text, on_ticket_button, ticket_buttons
from dialogs.understanding import Intent, Understanding

REPAIR = RepairDialog()
COMPLAINT = ComplaintDialog()
BILL = BillDialog()
FORMS: dict[str, Any] = {"repair": REPAIR, "complaint": COMPLAINT, "bill": BILL}
INTENT_FLOWS = {Intent.REPAIR: "repair", Intent.COMPLAINT: "complaint", Intent.BILL: "bill"}
LANGUAGE_NAMES = {Language.ZH_HANT: "繁體中文", Language.ZH_HANS: "简体中文", Language.EN: "English"}
COMMANDS = ("start", "help", "cancel", "language", "mytickets", "menu", "repair", "complaint", "bill")


class LinkDialog(Dialog):
    """Share your own phone number; the registry says who you are and where you live."""

    name = "link"

    async def begin(self, turn: Turn) -> None:
        turn.start_flow(self.name, "contact", {})
        await self.prompt(turn, "contact")

    async def ask_contact(self, turn: Turn) -> None:
        _ = turn._
        turn.say(
            _(
                "To link this chat to your home, please share your phone number with the button below. "
                "We match it against the estate's resident records."
            ),
            contact_button=_("Share my phone number"),
        )

    async def on_contact(self, turn: Turn) -> None:
        ev = turn.event
        _ = turn._
        if ev.kind is not EventKind.CONTACT:
            if ev.kind is EventKind.TEXT and ev.text:
                _carry_text(turn, ev.text)
            turn.say(
                _("Please use the button below to share your own phone number; typed numbers can't be checked."),
                contact_button=_("Share my phone number"),
            )
            return
        if ev.contact_user_id != ev.user_id:
            turn.say(
                _(
                    "That contact is not your own. For your privacy we only accept your own number, "
                    "shared with the button below."
                ),
                contact_button=_("Share my phone number"),
            )
            return
        try:
            phone = normalise_phone(ev.contact_phone, turn.services.estate.phone_region)
        except InvalidPhone:
            turn.say(_("That phone number could not be read. Please try the button again."))
            return
        registry = turn.services.registry
        resident = await registry.by_phone(phone)
        if resident is None:
            await self._request_verification(turn, phone)
            return
        resident = await registry.link_telegram(resident.id, ev.user_id)
        turn.resident = resident
        if turn.state.get("lang"):
            await registry.set_language(resident.id, Language(turn.state["lang"]))
        else:
            turn.set_language(resident.language)
            turn.state["lang"] = None
        turn.end_flow()
        units = ", ".join(link.unit.label for link in resident.units) or "-"
        turn.say(
            turn._("Thank you, {name}. This chat is now linked to: {units}.", name=resident.name, units=units),
            remove_keyboard=True,
        )
        await resume_or_menu(turn)

    async def _request_verification(self, turn: Turn, phone: str) -> None:
        _ = turn._
        form = turn.form
        number = form.get("verification")
        if not number:
            ev = turn.event
            carried = turn.state.get("pending_text", "")
            who = _unknown_sender(ev.channel, ev.first_name, ev.user_id)
            report = verification_report(ev.chat, phone, who, carried, ev.channel)
            ticket = await turn.services.intake.submit(report)
            turn.tickets.append(ticket)
            number = ticket.number
            form["verification"] = number
        turn.set_step("pending")
        turn.say(
            _(
                "We could not find {phone} in the resident records. The service desk will check it "
                "(request {number}) and contact you, usually within one working day. "
                "In an emergency call {emergency}.",
                phone=phone,
                number=number,
                emergency=turn.services.estate.emergency_phone,
            ),
            remove_keyboard=True,
            key="link.unknown",
        )

    async def ask_pending(self, turn: Turn) -> None:
        return None

    async def on_pending(self, turn: Turn) -> None:
        if turn.event.kind is EventKind.CONTACT:
            await self.on_contact(turn)
            return
        if turn.event.kind is EventKind.TEXT and turn.event.text:
            _carry_text(turn, turn.event.text)
        _ = turn._
        turn.say(
            _(
                "Your verification request {number} is with the service desk; they will contact you. "
                "In an emergency call {emergency}.",
                number=turn.form.get("verification", ""),
                emergency=turn.services.estate.emergency_phone,
            ),
            contact_button=_("Share my phone number"),
        )


LINK = LinkDialog()


def _unknown_sender(channel: str, name: str, user_id: int) -> str:
    """Who asked, as the channel knows them: the verification request's first words."""
    if channel == "telegram":
        return f"Telegram user {name or '-'} (id {user_id})"
    return f"A {channel} caller (unverified)"


def verification_report(
    conversation: str, phone: str, who: str, carried: str, channel: str, *, unverified: bool = False
) -> Report:
    """A number not in the registry (or ``unverified``: typed where no channel vouches for it, on record or not):
    a verification request for the desk, once per conversation and number."""
    what = (
        f"{who} typed {phone}; the channel does not verify numbers, so the desk must check it is theirs."
        if unverified
        else f"{who} shared {phone}, which is not in the resident registry."
    )
    return Report(
        idempotency_key=f"{conversation}:verify:{phone}",
        kind=TicketKind.VERIFICATION,
        category="phone",
        urgency=Urgency.NORMAL,
        resident_id=None,
        unit_id=None,
        place="",
        description=what + (f"\nTheir message: {carried}" if carried else ""),
        channel=channel,
        contact_phone=phone,
    )


def _carry_text(turn: Turn, text: str) -> None:
    """Free text is never lost: it waits to become the description of the next form."""
    text = clean_text(text)
    if text:
        previous = turn.state.get("pending_text", "")
        turn.state["pending_text"] = turn.keep_within(f"{previous}\n{text}".strip(), MAX_DESCRIPTION)


def _keep_photo(turn: Turn) -> None:
    """A photo outside a form waits, with its caption, for the next form (up to the form's limit)."""
    photos = turn.state.setdefault("pending_photos", [])
    if turn.event.photo not in photos and len(photos) < MAX_PHOTOS:
        photos.append(turn.event.photo)
    if turn.event.text:
        _carry_text(turn, turn.event.text)


def _dialog(flow: str | None) -> Dialog | None:
    if flow == "link":
        return LINK
    return FORMS.get(flow or "")


async def route(turn: Turn) -> None:
    """The engine's entry point for every event."""
    ev = turn.event
    if turn.lost_flow and turn.lost_flow != LINK.name and turn.resident is not None:
        if not await on_lost_form(turn):
            return
    if ev.kind is EventKind.COMMAND:
        await on_command(turn)
        return
    if ev.kind is EventKind.CHOICE:
        if ev.token == "ticket":
            pressed = parse_resident(ev.choice)
            if pressed is None:
                turn.notify(turn._("This button has expired."))
                return
            await on_ticket_button(turn, *pressed)
            return
        if ev.token == "ext":
            handler = turn.services.buttons.get(ev.choice.split(":", 1)[0])
            if handler is None:
                turn.notify(turn._("This button has expired."))
                return
            await handler(turn)
            return
        # Menu buttons stay valid outside a form (any old menu starts one); language buttons always.
        timeless = ev.choice.startswith("lang:") or (ev.choice.startswith("menu:") and not turn.flow)
        if ev.token != turn.state.get("token") and not timeless:
            await on_stale_button(turn)
            return
        if ev.choice.startswith("lang:"):
            await set_language(turn, ev.choice[5:])
            return
        if ev.choice.startswith("menu:") and not turn.flow:
            await start_from_menu(turn, ev.choice[5:])
            return
        if ev.choice.startswith("switch:"):
            await on_switch(turn, ev.choice[7:])
            return
    if turn.resident is None and turn.flow != "link":
        if ev.kind is EventKind.TEXT:
            _carry_text(turn, ev.text)
        await LINK.begin(turn)
        return
    if turn.flow == "relay":
        await on_relay_text(turn)
        return
    extension_flow = turn.services.flows.get(turn.flow or "")
    if extension_flow is not None:
        await extension_flow(turn)
        return
    if ev.reply_to is not None and await about_a_ticket(turn):
        return
    dialog = _dialog(turn.flow)
    if dialog is not None:
        if ev.kind is EventKind.TEXT and turn.flow in FORMS and await offer_switch(turn):
            return
        await dialog.handle(turn)
        return
    if await about_a_ticket(turn):
        return
    await outside_dialog(turn)


async def on_stale_button(turn: Turn) -> None:
    """A tap on an old button is always answered (a callback answer), but the current question is posted
    again only once: a resident tapping an old button again and again must not get a copy each time."""
    turn.notify(turn._("This button has expired."))
    if turn.state.get("reasked") == turn.state.get("token"):
        return
    await reprompt(turn)
    turn.state["reasked"] = turn.state.get("token")


def _self_contained(turn: Turn) -> bool:
    """Events that mean the same with or without the chat's state: commands, long-lived buttons, the menu."""
    ev = turn.event
    if ev.kind is EventKind.COMMAND:
        return True
    return ev.kind is EventKind.CHOICE and (ev.token in ("ticket", "ext") or ev.choice.startswith(("menu:", "lang:")))


async def on_lost_form(turn: Turn) -> bool:
    """The state store lost this chat's form (Redis restarted empty, or the form expired).

    The resident is told and offered to start again; what they just sent is kept for the new form.
    Returns whether the event should still be handled as usual (a command, the menu, a ticket's button).
    """
    _ = turn._
    ev = turn.event
    flow = turn.lost_flow or ""
    lost = {
        "repair": _("Sorry, your unfinished repair report was lost on our side. Would you like to start it again?"),
        "complaint": _("Sorry, your unfinished complaint was lost on our side. Would you like to start it again?"),
        "bill": _("Sorry, your bill enquiry was interrupted on our side. Would you like to start it again?"),
    }.get(flow, _("Sorry, we lost track of what you were doing here. Please start again from the menu."))
    if _self_contained(turn):
        turn.say(lost)
        return True
    if ev.reply_to is not None and await about_a_ticket(turn):
        turn.say(lost)  # a reply to a ticket's message needs no state: it went to that ticket
        return False
    if ev.kind is EventKind.TEXT:
        _carry_text(turn, ev.text)
    elif ev.kind is EventKind.PHOTO:
        _keep_photo(turn)
    elif ev.kind is EventKind.CHOICE:
        turn.notify(_("This button has expired."))
    if flow in FORMS:
        turn.ask(lost, [[Choice(f"menu:{flow}", _("Start again")), Choice("menu:menu", _("Main menu"))]])
    else:
        turn.say(lost)
        await show_menu(turn)
    return False


async def outside_dialog(turn: Turn) -> None:
    ev = turn.event
    _ = turn._
    if ev.kind is EventKind.CONTACT:
        # A linked resident sharing a contact again (a new phone, another household member).
        turn.start_flow(LINK.name, "contact", {})
        await LINK.on_contact(turn)
        return
    if ev.kind is EventKind.PHOTO:
        _keep_photo(turn)
        turn.say(_("Photo kept. What is it about?"))
        await show_menu(turn)
        return
    said = clean_text(ev.text) if ev.kind is EventKind.TEXT else ""
    if said:
        understood = await turn.services.understander.understand(said, turn.language.value)
        if understood.unsure and not understood.emergency:
            _carry_text(turn, ev.text)
            ask_intent(turn)
            return
        flow = INTENT_FLOWS.get(understood.intent)
        if flow is not None:
            await start_flow(turn, flow, understood)
            return
        if understood.is_question:
            await hand_off_question(turn, said)
            return
        if understood.confidence < 0.8 or len(said) > SMALL_TALK_MAX:
            # Not clearly a greeting or thanks (nor one, at that length): it may describe a matter, so keep it for
            # the form.
            _carry_text(turn, ev.text)
        await show_menu(turn, greeting=False)
        return
    if ev.kind is EventKind.UNSUPPORTED:
        turn.say(_("I can't read that kind of message. Please type, or use the menu."))
    await show_menu(turn)


async def hand_off_question(turn: Turn, text: str) -> None:
    """A question the bot cannot answer goes to the service desk as a general enquiry."""
    resident = turn.resident
    ev = turn.event
    report = Report(
        idempotency_key=f"{ev.chat}:{ev.event_id}",
        kind=TicketKind.ENQUIRY,
        category="general",
        urgency=Urgency.NORMAL,
        resident_id=resident.id if resident else None,
        unit_id=resident.units[0].unit.id if resident and resident.units else None,
        place=resident.units[0].unit.label if resident and resident.units else "",
        description=turn.keep_within(text, MAX_DESCRIPTION),
        channel=ev.channel,
    )
    ticket = await turn.services.intake.submit(report)
    turn.tickets.append(ticket)
    turn.state.pop("pending_text", None)
    turn.say(
        turn._(
            "I have passed your question to the service desk ({number}); they will answer you here.",
            number=ticket.number,
        )
    )
    await show_menu(turn, greeting=False)


# Characters: a greeting or a thank-you is a line or two. Longer text the understander takes for small talk is kept
# for the next form all the same, rather than dropped (a long message with no matter of its own is rare, and losing
# one that has a matter is worse than a description to delete).
SMALL_TALK_MAX = 200


def ask_intent(turn: Turn) -> None:
    """The understander is unsure what a message is about: ask rather than guess (the text is kept)."""
    _ = turn._
    turn.ask(
        _("Is this about a repair, a bill, a complaint or something else?"),
        [
            [Choice("menu:repair", _("A repair")), Choice("menu:bill", _("A bill"))],
            [Choice("menu:complaint", _("A complaint")), Choice("menu:other", _("Something else"))],
        ],
    )


async def show_menu(turn: Turn, *, greeting: bool = False) -> None:
    _ = turn._
    text = _("What can I do for you?")
    if turn.state.get("pending_text"):
        text = _("What is your message about? I will use what you wrote as the description.")
    turn.ask(
        text,
        key="main.menu",
        choices=[
            [Choice("menu:repair", _("Report a repair")), Choice("menu:bill", _("My bills"))],
            [Choice("menu:complaint", _("File a complaint")), Choice("menu:tickets", _("My tickets"))],
        ],
    )


async def resume_or_menu(turn: Turn) -> None:
    pending = turn.state.get("pending_text")
    if pending:
        understood = await turn.services.understander.understand(pending, turn.language.value)
        if understood.unsure and not understood.emergency:
            ask_intent(turn)
            return
        flow = INTENT_FLOWS.get(understood.intent)
        if flow is not None:
            turn.state.pop("pending_text", None)
            await start_flow(turn, flow, understood)
            return
    await show_menu(turn)


async def start_from_menu(turn: Turn, what: str) -> None:
    if turn.resident is None:
        await LINK.begin(turn)
        return
    if what == "tickets":
        await my_tickets(turn)
        return
    if what == "other" and turn.state.get("pending_text"):
        # "Something else" after the bot asked: the message goes to the service desk as it is.
        await hand_off_question(turn, turn.state.pop("pending_text"))
        return
    if what not in FORMS:
        await show_menu(turn)
        return
    pending = turn.state.pop("pending_text", "")
    understood = None
    if pending:
        understood = await turn.services.understander.understand(pending, turn.language.value)
        # The resident picked the form; keep only what the text says about it.
        understood = Understanding(
            intent=Intent(what) if what in ("repair", "complaint", "bill") else Intent.OTHER,
            category=understood.category if INTENT_FLOWS.get(understood.intent) == what else None,
            category_choices=understood.category_choices if INTENT_FLOWS.get(understood.intent) == what else (),
            building=understood.building,
            unit=understood.unit,
            emergency=understood.emergency,
            description=pending,
            common_area=understood.common_area,
            own_home=understood.own_home,
        )
    await start_flow(turn, what, understood)


async def start_flow(turn: Turn, flow: str, understood: Understanding | None) -> None:
    if turn.resident is None:
        await LINK.begin(turn)
        return
    if not turn.resident.units:
        turn.say(
            turn._(
                "Your record has no unit yet; the service desk will update it. Please call {phone}.",
                phone=turn.services.estate.service_desk_phone,
            )
        )
        return
    await FORMS[flow].begin(turn, understood)


async def offer_switch(turn: Turn) -> bool:
    """Mid-form, a message about something else ("the elevator is broken too") offers a switch."""
    step = turn.step or ""
    if step in ("description", "place_detail"):
        return False  # free text is the expected answer here
    text = clean_text(turn.event.text)
    understood = await turn.services.understander.understand(text, turn.language.value)
    target = INTENT_FLOWS.get(understood.intent)
    if target is None or understood.confidence < 0.6:
        return False
    if target == turn.flow and not (understood.category and understood.category != turn.form.get("category")):
        return False
    _ = turn._
    turn.state["switch"] = {
        "flow": target,
        "understood": understood.__dict__ | {"intent": understood.intent.value},
    }
    turn.ask(
        _("You are in the middle of another request. Finish it first, or start this new one?"),
        [[Choice("switch:stay", _("Finish the current one")), Choice("switch:go", _("Start the new one"))]],
    )
    return True


async def on_switch(turn: Turn, answer: str) -> None:
    pending = turn.state.pop("switch", None)
    if answer == "go" and pending:
        raw = dict(pending["understood"])
        raw["intent"] = Intent(raw["intent"])
        turn.end_flow()
        await start_flow(turn, pending["flow"], Understanding(**raw))
        return
    if pending:
        _carry_text(turn, pending["understood"].get("description", ""))
    await reprompt(turn)


async def reprompt(turn: Turn) -> None:
    dialog = _dialog(turn.flow)
    if dialog is not None and turn.step:
        await dialog.prompt(turn, turn.step)
    elif turn.resident is None:
        await LINK.begin(turn)
    else:
        await show_menu(turn)


async def on_command(turn: Turn) -> None:
    cmd = turn.event.command
    _ = turn._
    if cmd == "start":
        turn.end_flow()
        if turn.resident is None:
            turn.say(
                _("Welcome to the {estate} service desk.", estate=turn.services.estate.name_in(turn.language.value)),
                title=turn.services.estate.name_in(turn.language.value),
            )
            await LINK.begin(turn)
            return
        turn.say(_("Welcome back, {name}.", name=turn.resident.name))
        await show_menu(turn)
        return
    if cmd == "help":
        turn.say(help_text(turn), title=_("Help"))
        await reprompt(turn)
        return
    if cmd == "cancel":
        if turn.flow and turn.flow != "link":
            turn.end_flow()
            turn.say(_("Cancelled. Nothing was sent."))
        else:
            turn.say(_("There is nothing to cancel."))
        if turn.resident is not None:
            await show_menu(turn)
        return
    if cmd == "language":
        # In every language, the resident's own first: someone who cannot read the current one finds theirs.
        order = [turn.language, *(lang for lang in LANGUAGE_NAMES if lang is not turn.language)]
        turn.ask(
            "\n".join(translate(lang, "Choose your language.") for lang in order),
            [Choice(f"lang:{lang.value}", name) for lang, name in LANGUAGE_NAMES.items()],
        )
        return
    if cmd == "mytickets":
        await my_tickets(turn)
        return
    if cmd == "menu":
        await show_menu(turn)
        return
    if cmd in ("repair", "complaint", "bill"):
        if turn.flow in FORMS:
            turn.end_flow()
        await start_from_menu(turn, cmd)
        return
    handler = turn.services.commands.get(cmd)
    if handler is not None:
        await handler(turn)
        return
    turn.say(_("I don't know the command /{command}. Send /help to see what I can do.", command=cmd[:32]))
    await reprompt(turn)


async def set_language(turn: Turn, code: str) -> None:
    try:
        language = Language(code)
    except ValueError:
        turn.notify(turn._("This button has expired."))
        return
    turn.set_language(language)
    if turn.resident is not None:
        await turn.services.registry.set_language(turn.resident.id, language)
    turn.say(turn._("Language set to {name}.", name=LANGUAGE_NAMES[language]))
    await reprompt(turn)


async def my_tickets(turn: Turn) -> None:
    _ = turn._
    if turn.resident is None:
        await LINK.begin(turn)
        return
    tickets = await turn.services.tickets.list_for_resident(turn.resident.id, open_only=True)
    if not tickets:
        turn.say(_("You have no open tickets."))
        await show_menu(turn)
        return
    fields = ticket_lines(_, tickets, turn.services.estate.timezone)
    turn.say(_("Your open tickets:"), title=_("My tickets"), fields=fields, choices=ticket_buttons(turn, tickets))
    await show_menu(turn)


def ticket_lines(_: Translator, tickets: list[Ticket], zone: str) -> tuple[tuple[str, str], ...]:
    """A resident's tickets as (number, "kind · category · place · status · date") rows, the first 20.

    Dates in the estate's zone: the date the resident lived, not UTC's."""
    return tuple(
        (
            t.number,
            f"{_(KIND_LABELS[t.kind])} · {category_label(_, t.kind, t.category)} · {t.place or '-'} · "
            f"{_(STATUS_LABELS[t.status])} · {_.when(t.created_at, zone, year=True, time=False)}",
        )
        for t in tickets[:20]
    )


def help_text(turn: Turn) -> str:
    _ = turn._
    return _(
        "Tell me in your own words what is wrong, or use the menu.\n"
        "/repair report a repair\n/complaint file a complaint\n/bill see your bills\n"
        "/mytickets your open tickets\n/language change language\n/cancel stop what you are doing\n"
        "Emergency line: {phone}",
        phone=turn.services.estate.emergency_phone,
    )
