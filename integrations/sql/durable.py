""":class:`integrations.state.durable.DurableState` on SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from integrations.sql.database import Database
from integrations.sql.tables import Base, ChatMoveRecord, OpenFormRecord, StaffPromptRecord
from integrations.state.durable import StaffPrompt

# Run when a resident's form starts or ends: built once, bound per call.
_OPEN_FORM = {
    name: insert(OpenFormRecord)
    .values(chat=bindparam("chat"), flow=bindparam("flow"), updated_at=bindparam("updated_at"))
    .on_conflict_do_update(
        index_elements=[OpenFormRecord.chat],
        set_={"flow": bindparam("flow"), "updated_at": bindparam("updated_at")},
    )
    for name, insert in (("sqlite", sqlite_insert), ("postgresql", pg_insert))
}
_CLOSE_FORM = delete(OpenFormRecord).where(OpenFormRecord.chat == bindparam("chat"))


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SqlDurableState:
    def __init__(self, db: Database, clock: Callable[[], datetime] = _utcnow) -> None:
        self._db = db
        self._clock = clock

    async def _upsert(self, record: type[Base], keys: list[str], values: dict[str, object]) -> None:
        insert = sqlite_insert if self._db.is_sqlite else pg_insert
        statement = insert(record).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=keys, set_={k: v for k, v in values.items() if k not in keys}
        )
        async with self._db.one_statement() as conn:
            await conn.execute(statement)

    # -- staff groups that became supergroups ---------------------------------------------------------
    async def chat_moves(self) -> dict[int, int]:
        async with self._db.connect() as conn:
            rows = await conn.execute(select(ChatMoveRecord.old_chat_id, ChatMoveRecord.new_chat_id))
            return {int(old): int(new) for old, new in rows}

    async def record_chat_move(self, old: int, new: int) -> None:
        await self._upsert(
            ChatMoveRecord, ["old_chat_id"], {"old_chat_id": old, "new_chat_id": new, "moved_at": self._clock()}
        )

    # -- questions put to staff -----------------------------------------------------------------------
    async def staff_prompt(self, chat_id: int, user_id: int) -> StaffPrompt | None:
        async with self._db.connect() as conn:
            row = (
                await conn.execute(
                    select(
                        StaffPromptRecord.action,
                        StaffPromptRecord.ticket,
                        StaffPromptRecord.prompt_message_id,
                        StaffPromptRecord.asked_at,
                    ).where(StaffPromptRecord.chat_id == chat_id, StaffPromptRecord.user_id == user_id)
                )
            ).first()
        if row is None:
            return None
        return StaffPrompt(row.action, row.ticket, row.prompt_message_id, row.asked_at)

    async def save_staff_prompt(self, chat_id: int, user_id: int, prompt: StaffPrompt) -> None:
        await self._upsert(
            StaffPromptRecord,
            ["chat_id", "user_id"],
            {
                "chat_id": chat_id,
                "user_id": user_id,
                "action": prompt.action,
                "ticket": prompt.ticket,
                "prompt_message_id": prompt.prompt_message_id,
                "asked_at": self._clock(),
            },
        )

    async def clear_staff_prompt(self, chat_id: int, user_id: int) -> bool:
        async with self._db.transaction() as conn:
            mine = (StaffPromptRecord.chat_id == chat_id, StaffPromptRecord.user_id == user_id)
            result = await conn.execute(delete(StaffPromptRecord).where(*mine))
        return bool(result.rowcount)

    # -- chats with a form under way ------------------------------------------------------------------
    async def open_form(self, chat: str) -> str | None:
        async with self._db.connect() as conn:
            flow = await conn.scalar(select(OpenFormRecord.flow).where(OpenFormRecord.chat == chat))
        return None if flow is None else str(flow)

    async def set_open_form(self, chat: str, flow: str | None) -> None:
        async with self._db.one_statement() as conn:
            if flow is None:
                await conn.execute(_CLOSE_FORM, {"chat": chat})
            else:
                await conn.execute(
                    _OPEN_FORM[self._db.dialect], {"chat": chat, "flow": flow, "updated_at": self._clock()}
                )
