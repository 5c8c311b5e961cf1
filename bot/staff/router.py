"""Updates from staff group chats: button presses, commands, replies relayed to residents, prompts.

Every press and command is checked against the roster; an outsider gets a short alert and the
attempt is logged. A staff member's reply to a ticket's card (or a message in its topic) goes to
the resident as the desk; ``/note`` keeps something internal.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import Bot, CallbackQuery, Message, Update
from telegram.error import TelegramError

from bot.domain.tickets import Ticket
from bot.i18n import Translator
from bot.staff.actions import StaffDesk
from dialogs.replies import Reply
from integrations.state.durable import DurableState, StaffPrompt

log = logging.getLogger(__name__)

# How long a staff member's next plain message (not a reply) counts as the answer to the bot's question.
PROMPT_OPEN_FOR = timedelta(hours=1)

STAFF_COMMANDS = ("queue", "mine", "overdue", "ticket", "note", "incident", "help")
RELAYED = "👍"  # the reaction on a staff reply that went to the resident (one of Telegram's reaction emoji)


class GroupRouter:
    def __init__(self, staff: StaffDesk, bot: Bot, durable: DurableState, queries: Any = None) -> None:
        self.staff = staff
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
        if await self.complete_prompt(message):
            return
        await self.maybe_relay(message)

    # -- buttons -------------------------------------------------------------------------------
    async def on_press(self, query: CallbackQuery) -> None:
        assert query.message is not None
        handler = self.buttons.get((query.data or "").split(":", 1)[0])
        if handler is not None:
            found = self.staff.member(query.from_user.id)
            if found is None:
                log.warning("user %s pressed %s without being staff", query.from_user.id, query.data)
                await self._answer(query, self._("Only staff can do that."), True)
                return
            department, member = found
            await handler(query, member, department)
            return
        ticket, feedback = await self.staff.press(query.from_user.id, query.data or "", query.message.chat.id)
        if ticket is not None and feedback.prompt:
            await self.ask(
                query.message.chat.id, query.from_user.id, ticket, feedback.prompt, (query.data or "").split(":")[2]
            )
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
        if not self.staff.may_act(message.from_user.id, ticket):
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
    async def on_command(self, message: Message, text: str) -> None:
        assert message.from_user is not None
        head, _sep, args = text[1:].partition(" ")
        command = head.split("@", 1)[0].lower()
        if command not in STAFF_COMMANDS and command not in self.commands:
            return  # other bots' commands in a shared group are none of ours
        found = self.staff.member(message.from_user.id)
        if found is None:
            log.warning(
                "user %s used /%s in chat %s without being staff", message.from_user.id, command, message.chat.id
            )
            await self.say(message, self._("Only staff can use /{command}.", command=command))
            return
        department, member = found
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
            await self.on_incident(message, member.user_id, args)
        elif q is None:
            await self.say(message, self._("Not available yet."))
        elif command == "queue":
            await self.send_reply(message, await q.queue_reply(member, self._department(department, message)))
        elif command == "mine":
            await self.send_reply(message, await q.mine_reply(member, self._department(department, message)))
        elif command == "overdue":
            await self.send_reply(message, await q.overdue_reply(member, self._department(department, message)))
        elif command == "ticket":
            await self.send_reply(message, await q.ticket_reply(member, args.strip()))

    def _department(self, department: Any, message: Message) -> Any:
        """The department whose queue to show: the member's, or for managers the group's own."""
        return department or self.staff.estate.routing.department_by_chat(message.chat.id)

    async def on_incident(self, message: Message, user_id: int, args: str) -> None:
        words = args.split(maxsplit=2)
        tickets = self.desk.tickets
        if len(words) >= 2 and words[0].lower() == "resolve":
            note = words[2] if len(words) > 2 else ""
            incident = await tickets.incident(words[1])
            if incident is None:
                await self.say(message, self._("No incident {number}.", number=words[1]))
                return
            await self.staff.resolve_incident(incident.number, user_id, note)
            await self.say(message, self._("Incident resolved; every linked resident has been told."))
            return
        lines = []
        for incident in await tickets.open_incidents():
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
