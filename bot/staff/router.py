"""Updates from staff group chats: button presses, commands, replies relayed to residents, prompts.

Every press and command is first checked by :class:`bot.staff.authority.Authority` (who may do
what in which chat), before anything is looked up; button data is read strictly
(:mod:`bot.domain.callback_data`). A refused attempt is answered and recorded in the audit trail:

- a button: a callback answer, always (an alert for people on no roster);
- a command in a department's group or the managers' chat: a short reply naming no ticket;
- a staff command in a private chat: one sentence saying staff commands work in the staff groups;
- a command in any other group: silence, so a group the bot was added to learns nothing.

A staff member's reply to a ticket's card (or a message in its topic) goes to the resident as the
desk; ``/note`` keeps something internal.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from typing import Any

from telegram import Bot, CallbackQuery, Message, Update
from telegram.error import TelegramError

from bot.domain.audit import AuditEntry, AuditTrail, Place, Refusal, attempt_text
from bot.domain.callback_data import StaffButton, parse, prefix_of
from bot.domain.routing import Department
from bot.domain.tickets import Ticket
from bot.i18n import Translator
from bot.staff.actions import StaffDesk
from bot.staff.audit import AUDIT_LINES, audit_reply
from bot.staff.authority import MANAGERS_CHAT_ONLY, Decision
from dialogs.replies import Reply
from integrations.state.durable import DurableState, StaffPrompt

log = logging.getLogger(__name__)

# How long a staff member's next plain message (not a reply) counts as the answer to the bot's question.
PROMPT_OPEN_FOR = timedelta(hours=1)

STAFF_COMMANDS = ("queue", "mine", "overdue", "ticket", "note", "incident", "audit", "help")
# Commands residents use too: in a private chat they are the resident dialog's, not a staff attempt.
SHARED_COMMANDS = frozenset({"help"})
RELAYED = "👍"  # the reaction on a staff reply that went to the resident (one of Telegram's reaction emoji)


class GroupRouter:
    def __init__(
        self, staff: StaffDesk, bot: Bot, durable: DurableState, queries: Any = None, audit: AuditTrail | None = None
    ) -> None:
        self.staff = staff
        self.authority = staff.authority
        self.audit = audit
        self.desk = staff.desk
        self.bot = bot
        # Prompts awaiting a staff reply and group migrations are kept in the database: a Redis
        # restarted empty must not turn a staff answer into a chat message, or cards into a dead chat.
        self.durable = durable
        self.queries = queries  # bot.staff.queries context, for /queue /mine /overdue /ticket
        # Extensions add group commands here: name -> async handler(message, args, member, department).
        self.commands: dict[str, Any] = {}
        # ...and group buttons: callback data prefix ("n" for ``n:7:go``) -> async handler(query, member, department),
        # called only for people on the roster.
        self.buttons: dict[str, Any] = {}
        self._ = Translator(Translator.language_of(staff.estate.staff_language))

    async def __call__(self, update: Update) -> None:
        if update.my_chat_member is not None:
            await self.on_membership(update)
            return
        query = update.callback_query
        if query is not None:
            if query.message is not None and query.message.chat.type != "private":
                await self.on_press(query)
            return
        message = update.message
        if message is None or message.chat.type == "private" or message.from_user is None:
            return
        if message.migrate_to_chat_id:
            await self.on_migrate(message.chat.id, message.migrate_to_chat_id)
            return
        if message.from_user.is_bot:
            return
        text = message.text or message.caption or ""
        if text.startswith("/"):
            await self.on_command(message, text)
            return
        decision = self.authority.decide(message.from_user.id, message.chat.id, False, "reply")
        if not decision.allowed:
            # Nothing is looked up or relayed. Only what was meant for the desk (a reply to the bot, a
            # message in a ticket's topic) is an attempt worth recording; other chatter is none of ours.
            if self._addressed_to_desk(message):
                await self.record(decision, message.from_user.id, message.chat.id, "reply")
            return
        if await self.complete_prompt(message):
            return
        await self.maybe_relay(message)

    # -- buttons -------------------------------------------------------------------------------
    async def on_press(self, query: CallbackQuery) -> None:
        assert query.message is not None
        chat_id, user_id, data = query.message.chat.id, query.from_user.id, query.data or ""
        decision = self.authority.decide(user_id, chat_id, False, prefix_of(data) or "")
        parsed = parse(data) if decision.allowed else None
        if decision.allowed and (parsed is None or parsed[0] not in ("t", *self.buttons)):
            decision = replace(decision, refusal=Refusal.FORGED)
        if not decision.allowed or parsed is None:
            await self.refuse_press(query, decision)
            return
        prefix, pressed = parsed
        assert decision.member is not None
        if prefix != "t":
            await self.buttons[prefix](query, decision.member, decision.department)
            return
        assert isinstance(pressed, StaffButton)
        ticket, feedback = await self.staff.press(user_id, pressed, chat_id)
        if feedback.refused:  # the ticket is not this group's department's: a forged press, or a card left behind
            await self.record(replace(decision, refusal=Refusal.WRONG_CHAT), user_id, chat_id, f"button {data}")
        if ticket is not None and feedback.prompt:
            await self.ask(chat_id, user_id, ticket, feedback.prompt, pressed.action)
            await self._answer(query, self._("Reply to the message I just posted."), False)
            return
        if ticket is not None and feedback.menu is not None:
            await self.desk.refresh_card(ticket, feedback.menu)
            await self._answer(query, None, False)
            return
        await self._answer(query, feedback.text, feedback.alert)
        if ticket is not None and not feedback.alert:
            fresh = await self.desk.tickets.get(ticket.number)
            if fresh is not None and fresh.card_message_id is not None:
                await self.desk.refresh_card(fresh)

    async def refuse_press(self, query: CallbackQuery, decision: Decision) -> None:
        assert query.message is not None
        await self.record(decision, query.from_user.id, query.message.chat.id, f"button {query.data or ''}")
        _ = self._
        refusal = decision.refusal
        if refusal is Refusal.NOT_STAFF:
            await self._answer(query, _("Only staff can do that."), True)
        elif refusal is Refusal.ROLE:
            await self._answer(query, _("Only supervisors and managers can do that."), True)
        elif refusal is Refusal.WRONG_CHAT and decision.place in (Place.DEPARTMENT, Place.MANAGERS):
            await self._answer(query, _("Only the staff of this group can do that."), True)
        else:  # forged data, or a group that is none of the desk's: nothing to explain
            await self._answer(query, _("This button has expired."), False)

    async def record(self, decision: Decision, user_id: int, chat_id: int, attempt: str) -> None:
        """Log a refused attempt and keep it in the audit trail, for managers to read."""
        assert decision.refusal is not None
        log.warning(
            "refused %s: user %s in %s chat %s: %s", decision.refusal, user_id, decision.place, chat_id, attempt[:80]
        )
        if self.audit is not None:
            entry = AuditEntry(
                self.desk.clock(), user_id, chat_id, decision.place, attempt_text(attempt), decision.refusal
            )
            await self.audit.record(entry)

    async def _answer(self, query: CallbackQuery, text: str | None, alert: bool) -> None:
        try:
            await query.answer(text=text, show_alert=alert)
        except TelegramError as exc:
            log.info("callback answer failed: %s", exc)

    # -- prompts (need info, resolve, note) ----------------------------------------------------
    async def ask(self, chat_id: int, user_id: int, ticket: Ticket, prompt: str, action: str) -> None:
        sender = self.desk.sender
        assert sender is not None
        message_id = await sender.send(
            chat_id,
            Reply(text=prompt, force_reply=True),
            reply_to=ticket.card_message_id if ticket.topic_id is None else None,
            thread_id=ticket.topic_id,
        )
        await self.durable.save_staff_prompt(chat_id, user_id, StaffPrompt(action, ticket.number, message_id))

    async def complete_prompt(self, message: Message) -> bool:
        assert message.from_user is not None
        pending = await self.durable.staff_prompt(message.chat.id, message.from_user.id)
        if pending is None:
            return False
        replied = message.reply_to_message.message_id if message.reply_to_message else None
        if replied is not None and replied != pending.prompt_message_id:
            return False  # a reply to something else: not the answer to the prompt
        if replied is None and pending.asked_at is not None and self.desk.clock() - pending.asked_at > PROMPT_OPEN_FOR:
            # Kept until answered, but a plain message long after the question is about something else;
            # a reply to the prompt itself is still its answer.
            return False
        if not await self.durable.clear_staff_prompt(message.chat.id, message.from_user.id):
            return True  # another worker took this answer just now
        ticket = await self.desk.tickets.get(pending.ticket)
        if ticket is None:
            return True
        text, photos = _content(message)
        updated, feedback = await self.staff.act(
            ticket, message.from_user.id, pending.action, text=text, photos=photos, chat_id=message.chat.id
        )
        await self.say(message, feedback.text or "")
        if updated is not None:
            fresh = await self.desk.tickets.get(updated.number)
            if fresh is not None:
                await self.desk.refresh_card(fresh)
        return True

    # -- relays ----------------------------------------------------------------------------------
    async def maybe_relay(self, message: Message) -> None:
        assert message.from_user is not None
        ticket = await self.ticket_of(message)
        if ticket is None:
            return
        if not self.staff.may_act(message.from_user.id, ticket):  # an old card: the ticket moved to another department
            log.warning("user %s wrote about %s without being on its roster", message.from_user.id, ticket.number)
            return
        text, photos = _content(message)
        delivered = await self.staff.relay_to_resident(ticket, message.from_user.id, text, photos)
        if not delivered:
            await self.say(message, self._("The resident could not be reached on Telegram; please call them."))
            return
        await self.acknowledge(message)

    async def acknowledge(self, message: Message) -> None:
        """Tell the staff member their reply reached the resident: a reaction on their message.

        A reaction is not a message: it costs nothing of the group's ~20 messages a minute and adds no line
        to a busy group. Where the group has reactions turned off, a short reply says it instead (through the
        group's outbox like any message). The relay is done by then, so a failure here is logged, never raised
        (a redelivered update would relay the reply twice).
        """
        try:
            await self.bot.set_message_reaction(message.chat.id, message.message_id, RELAYED)
            return
        except TelegramError as exc:
            log.info("cannot react in chat %s (%s); acknowledging with a reply", message.chat.id, exc)
        try:
            await self.say(message, self._("Sent to the resident."))
        except Exception:
            log.exception("could not acknowledge a relayed reply in chat %s", message.chat.id)

    def _addressed_to_desk(self, message: Message) -> bool:
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == self.bot.id:
            return True
        return bool(message.is_topic_message and message.message_thread_id)

    async def ticket_of(self, message: Message) -> Ticket | None:
        tickets = self.desk.tickets
        if message.reply_to_message is not None:
            found = await tickets.by_message(message.chat.id, message.reply_to_message.message_id)
            if found is not None:
                return found
        if message.message_thread_id and message.is_topic_message:
            return await tickets.by_topic(message.chat.id, message.message_thread_id)
        return None

    # -- commands --------------------------------------------------------------------------------
    def is_staff_command(self, command: str) -> bool:
        return command in STAFF_COMMANDS or command in self.commands

    async def on_command(self, message: Message, text: str) -> None:
        assert message.from_user is not None
        head, _sep, args = text[1:].partition(" ")
        command = head.split("@", 1)[0].lower()
        if not self.is_staff_command(command):
            return  # other bots' commands in a shared group are none of ours
        decision = self.authority.decide(message.from_user.id, message.chat.id, False, command)
        if not decision.allowed:
            await self.refuse_command(message, command, decision)
            return
        member, department, here = decision.member, decision.department, decision.here
        assert member is not None
        q = self.queries
        if command in self.commands:
            await self.commands[command](message, args, member, department)
            return
        if command == "help":
            await self.say(
                message,
                self._(
                    "Staff commands: /queue, /mine, /overdue, /ticket R-000123, /note (as a reply to a card), /incident"
                ),
            )
        elif command == "note":
            ticket = await self.ticket_of(message)
            note = args.strip()
            if ticket is None or not note:
                await self.say(message, self._("Reply to a ticket's card with /note and the text."))
                return
            _t, feedback = await self.staff.act(ticket, member.user_id, "note", text=note, chat_id=message.chat.id)
            await self.say(message, feedback.text or "")
        elif command == "incident":
            await self.on_incident(message, member.user_id, args, here)
        elif command == "audit":  # managers, in the managers' chat (bot.staff.authority)
            entries = await self.audit.recent(AUDIT_LINES) if self.audit is not None else []
            await self.send_reply(message, audit_reply(self.staff.estate, entries, self._))
        elif q is None:
            await self.say(message, self._("Not available yet."))
        # In a department's group every answer is about that department; the managers' chat sees all.
        elif command == "queue":
            await self.send_reply(message, await q.queue_reply(member, here))
        elif command == "mine":
            await self.send_reply(message, await q.mine_reply(member, here))
        elif command == "overdue":
            await self.send_reply(message, await q.overdue_reply(member, here))
        elif command == "ticket":
            await self.send_reply(message, await q.ticket_reply(member, args.strip(), where=here))

    async def refuse_command(self, message: Message, command: str, decision: Decision) -> None:
        assert message.from_user is not None
        await self.record(decision, message.from_user.id, message.chat.id, f"/{command}")
        _ = self._
        refusal, place = decision.refusal, decision.place
        if place is Place.FOREIGN:
            return  # silence: a group that is none of the desk's learns nothing, not even that this is a desk
        if place is Place.PRIVATE:
            text = _("Staff commands work only in the desk's staff groups.")
        elif refusal is Refusal.NOT_STAFF:
            text = _("Only staff can use /{command}.", command=command)
        elif refusal is Refusal.ROLE:
            text = _("Only supervisors and managers can use /{command}.", command=command)
        elif place is Place.MANAGERS or command in MANAGERS_CHAT_ONLY:
            text = _("Only managers can use /{command}, in the managers' chat.", command=command)
        else:
            text = _("Use /{command} in your own department's group.", command=command)
        await self.say(message, text)

    async def on_private_command(self, update: Update) -> bool:
        """A staff command sent to the bot in a private chat: refused here (True), or the resident's (False)."""
        message = update.message
        if message is None or message.chat.type != "private" or message.from_user is None:
            return False
        text = message.text or ""
        command = text[1:].partition(" ")[0].split("@", 1)[0].lower() if text.startswith("/") else ""
        if not command or command in SHARED_COMMANDS or not self.is_staff_command(command):
            return False
        decision = self.authority.decide(message.from_user.id, message.chat.id, True, command)
        await self.refuse_command(message, command, decision)
        return True

    async def on_incident(self, message: Message, user_id: int, args: str, here: Department | None) -> None:
        """``/incident``: the open incidents (of this group's department); ``/incident resolve I-0007 note``."""
        words = args.split(maxsplit=2)
        tickets = self.desk.tickets
        if len(words) >= 2 and words[0].lower() == "resolve":
            note = words[2] if len(words) > 2 else ""
            incident = await tickets.incident(words[1])
            if incident is None or (here is not None and incident.department != here.key):
                await self.say(message, self._("No incident {number}.", number=words[1]))
                return
            await self.staff.resolve_incident(incident.number, user_id, note)
            await self.say(message, self._("Incident resolved; every linked resident has been told."))
            return
        lines = []
        for incident in await tickets.open_incidents():
            if here is not None and incident.department != here.key:
                continue
            linked = await tickets.in_incident(incident.number)
            open_count = sum(t.is_open for t in linked)
            lines.append(f"{incident.number} · {incident.title} · {open_count}/{len(linked)}")
        await self.say(message, "\n".join(lines) or self._("No open incidents."))

    async def on_membership(self, update: Update) -> None:
        change = update.my_chat_member
        assert change is not None
        if change.new_chat_member.status in ("left", "kicked"):
            await self.desk._staff_chat_lost(change.chat.id)

    async def on_migrate(self, old: int, new: int) -> None:
        """A group became a supergroup: its id changed. Post there from now on, and remember it."""
        log.warning("staff chat %s migrated to %s", old, new)
        self.desk.chat_moves[old] = new
        await self.durable.record_chat_move(old, new)

    async def say(self, message: Message, text: str) -> None:
        if text:
            await self.send_reply(message, Reply(text=text))

    async def send_reply(self, message: Message, reply: Reply) -> None:
        sender = self.desk.sender
        assert sender is not None
        await sender.send(message.chat.id, reply, reply_to=message.message_id, thread_id=message.message_thread_id)


def _content(message: Message) -> tuple[str, tuple[str, ...]]:
    text = (message.text or message.caption or "").strip()
    photos: tuple[str, ...] = ()
    if message.photo:
        photos = (max(message.photo, key=lambda p: (p.width or 0) * (p.height or 0)).file_id,)
    return text, photos
