"""The built-in resident registry: residents, units and who lives where, in SQL."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.domain.residents import Language, Resident, Role, Unit, UnitLink
from integrations.registry.base import ImportReport, ResidentRow
from integrations.sql.database import Database, chunked
from integrations.sql.tables import ResidentRecord, ResidentUnitRecord, UnitRecord

log = logging.getLogger(__name__)


def canonical_unit_part(text: str) -> str:
    """How building and unit are stored and matched: spaces collapsed, letters upper-case ("12b" → "12B")."""
    return " ".join(text.split()).upper()


def canonical_estate(text: str) -> str:
    return " ".join(text.split())


def _utcnow() -> datetime:
    return datetime.now(UTC)


UnitKey = tuple[str, str, str]  # (estate, building, unit), canonical


@dataclass
class _ResidentState:
    id: int | None
    name: str
    language: str
    changed: bool = False


def _resident_query(key: InstrumentedAttribute[Any]) -> Select[*tuple[Any, ...]]:
    """A resident with their units in one query, by the unique column ``key`` (bound as ``key``).

    Built once: a resident is looked up on every message, and building a statement and its cache
    key per call cost more than running it.
    """
    r, link, u = ResidentRecord, ResidentUnitRecord, UnitRecord
    return (
        select(
            r.id, r.name, r.phone, r.language, r.telegram_user_id, r.reachable,
            link.role, u.id.label("unit_id"), u.building, u.unit, u.estate,
        )
        .select_from(r)
        .outerjoin(link, link.resident_id == r.id)
        .outerjoin(u, u.id == link.unit_id)
        .where(key == bindparam("key"))
        .order_by(u.id)
    )  # fmt: skip


_BY_PHONE = _resident_query(ResidentRecord.phone)
_BY_TELEGRAM = _resident_query(ResidentRecord.telegram_user_id)
_BY_ID = _resident_query(ResidentRecord.id)


class SqlResidentRegistry:
    """:class:`integrations.registry.base.ResidentRegistry` on SQLite or PostgreSQL.

    Building and unit are stored canonically (see :func:`canonical_unit_part`), so "12b" and "12B"
    are one unit. Methods given an unknown resident id raise ``LookupError``.
    """

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self._db = db
        self._clock = clock

    async def by_phone(self, e164: str) -> Resident | None:
        return await self._one(_BY_PHONE, e164)

    async def by_telegram(self, user_id: int) -> Resident | None:
        return await self._one(_BY_TELEGRAM, user_id)

    async def get(self, resident_id: int) -> Resident | None:
        return await self._one(_BY_ID, resident_id)

    async def link_telegram(self, resident_id: int, user_id: int) -> Resident:
        # A concurrent link of the same account to another resident trips the unique constraint;
        # the second attempt sees that link and moves it.
        for attempt in (1, 2):
            try:
                return await self._link_telegram(resident_id, user_id)
            except IntegrityError:
                if attempt == 2:
                    raise
                log.info("telegram link race for user %s; retrying", user_id)
        raise AssertionError("unreachable")

    async def _link_telegram(self, resident_id: int, user_id: int) -> Resident:
        now = self._clock()
        async with self._db.begin() as session:
            record = await session.get(ResidentRecord, resident_id, with_for_update=True)
            if record is None:
                raise LookupError(f"no resident {resident_id}")
            if record.telegram_user_id != user_id:
                await session.execute(
                    update(ResidentRecord)
                    .where(ResidentRecord.telegram_user_id == user_id, ResidentRecord.id != resident_id)
                    .values(telegram_user_id=None, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                record.telegram_user_id = user_id
                record.updated_at = now
                await session.flush()
            (resident,) = await self._residents(session, [record])
        return resident

    async def set_language(self, resident_id: int, language: Language) -> None:
        async with self._db.begin() as session:
            found = await session.scalar(
                update(ResidentRecord)
                .where(ResidentRecord.id == resident_id)
                .values(language=language.value, updated_at=self._clock())
                .returning(ResidentRecord.id)
            )
            if found is None:
                raise LookupError(f"no resident {resident_id}")

    async def unit(self, unit_id: int) -> Unit | None:
        async with self._db.session() as session:
            record = await session.get(UnitRecord, unit_id)
        return _unit(record) if record else None

    async def find_unit(self, building: str, unit: str) -> Unit | None:
        """The unit with this building and unit number; the oldest one if several estates share it."""
        units = (await self.find_units([(building, unit)])).get((building, unit))
        return units[0] if units else None

    async def find_units(self, pairs: Collection[tuple[str, str]]) -> dict[tuple[str, str], list[Unit]]:
        """Every unit per (building, unit) pair asked for (oldest first); pairs with no unit are left out.

        One query per 500 pairs: imports resolve thousands of units with it.
        """
        asked: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for b, u in pairs:
            asked[(canonical_unit_part(b), canonical_unit_part(u))].add((b, u))
        found: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        async with self._db.session() as session:
            for chunk in chunked(sorted({u for _, u in asked})):
                records = await session.scalars(
                    select(UnitRecord).where(UnitRecord.unit.in_(chunk)).order_by(UnitRecord.id)
                )
                for r in records:
                    for pair in asked.get((r.building, r.unit), ()):
                        found[pair].append(_unit(r))
        return dict(found)

    async def upsert(self, rows: list[ResidentRow]) -> ImportReport:
        """Create or update residents, units and links, in one transaction.

        A phone that appears on several rows with different names ends with the last row's name
        (each later row counts as an update). ``language`` is taken only when the resident is
        created: afterwards it is the resident's own choice in the bot, and a monthly re-import
        must not undo it. Links absent from ``rows`` are kept: the import adds and corrects, it
        never removes anyone.
        """
        report = ImportReport()
        if not rows:
            return report
        now = self._clock()
        async with self._db.begin() as session:
            units = await self._ensure_units(session, {_unit_key(r) for r in rows})
            residents = await self._residents_by_phone(session, {r.phone for r in rows})
            links = await self._links_of(session, [s.id for s in residents.values() if s.id is not None])
            phone_of = {s.id: phone for phone, s in residents.items()}
            link_roles: dict[tuple[str, int], str] = {(phone_of[rid], uid): role for (rid, uid), role in links.items()}
            new_links: set[tuple[str, int]] = set()
            changed_links: set[tuple[str, int]] = set()

            for row in rows:
                created = updated = False
                state = residents.get(row.phone)
                if state is None:
                    residents[row.phone] = _ResidentState(None, row.name, row.language.value)
                    created = True
                elif state.name != row.name or (state.id is None and state.language != row.language.value):
                    state.name = row.name
                    if state.id is None:
                        state.language = row.language.value
                    state.changed = True
                    updated = True
                link = (row.phone, units[_unit_key(row)])
                role = link_roles.get(link)
                if role is None:
                    new_links.add(link)
                    created = True
                elif role != row.role.value:
                    changed_links.add(link)
                    updated = True
                link_roles[link] = row.role.value
                if created:
                    report.created += 1
                elif updated:
                    report.updated += 1
                else:
                    report.unchanged += 1

            await self._write_residents(session, residents, now)
            ids = {phone: s.id for phone, s in residents.items()}
            if new_links:
                await session.execute(
                    insert(ResidentUnitRecord),
                    [{"resident_id": ids[p], "unit_id": u, "role": link_roles[(p, u)]} for p, u in new_links],
                )
            changed_links -= new_links
            if changed_links:
                await session.execute(
                    update(ResidentUnitRecord),
                    [{"resident_id": ids[p], "unit_id": u, "role": link_roles[(p, u)]} for p, u in changed_links],
                )
        log.info(
            "registry upsert: %d created, %d updated, %d unchanged",
            report.created,
            report.updated,
            report.unchanged,
        )
        return report

    async def _ensure_units(self, session: AsyncSession, keys: set[UnitKey]) -> dict[UnitKey, int]:
        ids: dict[UnitKey, int] = {}
        for chunk in chunked(sorted({k[2] for k in keys})):
            for r in await session.scalars(select(UnitRecord).where(UnitRecord.unit.in_(chunk))):
                key = (r.estate, r.building, r.unit)
                if key in keys:
                    ids[key] = r.id
        missing = sorted(keys - ids.keys())
        if missing:
            result = await session.execute(
                insert(UnitRecord).returning(UnitRecord.id, UnitRecord.estate, UnitRecord.building, UnitRecord.unit),
                [{"estate": e, "building": b, "unit": u} for e, b, u in missing],
            )
            for unit_id, e, b, u in result:
                ids[(e, b, u)] = unit_id
        return ids

    async def _residents_by_phone(self, session: AsyncSession, phones: set[str]) -> dict[str, _ResidentState]:
        found: dict[str, _ResidentState] = {}
        for chunk in chunked(sorted(phones)):
            for r in await session.execute(
                select(ResidentRecord.id, ResidentRecord.phone, ResidentRecord.name, ResidentRecord.language).where(
                    ResidentRecord.phone.in_(chunk)
                )
            ):
                found[r.phone] = _ResidentState(r.id, r.name, r.language)
        return found

    async def _links_of(self, session: AsyncSession, resident_ids: list[int]) -> dict[tuple[int, int], str]:
        links: dict[tuple[int, int], str] = {}
        for chunk in chunked(resident_ids):
            for r in await session.scalars(select(ResidentUnitRecord).where(ResidentUnitRecord.resident_id.in_(chunk))):
                links[(r.resident_id, r.unit_id)] = r.role
        return links

    async def _write_residents(
        self, session: AsyncSession, residents: dict[str, _ResidentState], now: datetime
    ) -> None:
        new = [(phone, s) for phone, s in residents.items() if s.id is None]
        if new:
            result = await session.execute(
                insert(ResidentRecord).returning(ResidentRecord.id, ResidentRecord.phone),
                [
                    {
                        "phone": phone,
                        "name": s.name,
                        "language": s.language,
                        "reachable": True,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for phone, s in new
                ],
            )
            for resident_id, phone in result:
                residents[phone].id = resident_id
        changed = [s for s in residents.values() if s.changed and s.id is not None]
        if changed:
            await session.execute(
                update(ResidentRecord),
                [{"id": s.id, "name": s.name, "language": s.language, "updated_at": now} for s in changed],
            )

    async def _one(self, stmt: Select[*tuple[Any, ...]], key: object) -> Resident | None:
        """The resident whose unique column (in the prebuilt ``stmt``) equals ``key``, with their units."""
        async with self._db.connect() as conn:
            rows = (await conn.execute(stmt, {"key": key})).all()
        if not rows:
            return None
        first = rows[0]
        links = [
            UnitLink(Unit(id=row.unit_id, building=row.building, unit=row.unit, estate=row.estate), Role(row.role))
            for row in rows
            if row.unit_id is not None
        ]
        return _resident(first, links)

    async def _residents(self, session: AsyncSession, records: Iterable[ResidentRecord]) -> list[Resident]:
        records = list(records)
        links: dict[int, list[UnitLink]] = defaultdict(list)
        rows = await session.execute(
            select(ResidentUnitRecord.resident_id, ResidentUnitRecord.role, UnitRecord)
            .join(UnitRecord, UnitRecord.id == ResidentUnitRecord.unit_id)
            .where(ResidentUnitRecord.resident_id.in_([r.id for r in records]))
            .order_by(ResidentUnitRecord.resident_id, UnitRecord.id)
        )
        for resident_id, role, unit in rows:
            links[resident_id].append(UnitLink(unit=_unit(unit), role=Role(role)))
        return [_resident(r, links[r.id]) for r in records]


def _unit_key(row: ResidentRow) -> UnitKey:
    return (canonical_estate(row.estate), canonical_unit_part(row.building), canonical_unit_part(row.unit))


def _unit(r: UnitRecord) -> Unit:
    return Unit(id=r.id, building=r.building, unit=r.unit, estate=r.estate)


def _resident(r: ResidentRecord | Row[*tuple[Any, ...]], links: list[UnitLink]) -> Resident:
    """From a loaded record, or a row with the same column names."""
    return Resident(
        id=r.id,
        name=r.name,
        phone=r.phone,
        language=Language(r.language),
        telegram_user_id=r.telegram_user_id,
        units=tuple(links),
        reachable=r.reachable,
    )
