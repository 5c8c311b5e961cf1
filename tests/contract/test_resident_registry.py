"""The ResidentRegistry contract, run against every registry on every database."""

from __future__ import annotations

import pytest

from bot.domain.residents import Language, Role
from bot.errors import BackendUnavailable
from integrations.registry.base import ImportReport, ResidentRegistry, ResidentRow
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry

CHAN = "+85291234567"
WONG = "+85261230001"
LEE = "+85251234567"

ROWS = [
    ResidentRow("3", "502", "陳太太 Mrs Chan", CHAN, Role.OWNER, Language.ZH_HANT),
    ResidentRow("A", "1203", "Peter Wong", WONG, Role.OWNER, Language.EN),
    ResidentRow("A", "1204", "Peter Wong", WONG, Role.OWNER, Language.EN),
    ResidentRow("2", "8C", "李先生", LEE, Role.TENANT, Language.ZH_HANS),
]


def counts(report: ImportReport) -> tuple[int, int, int, int]:
    return report.created, report.updated, report.unchanged, len(report.rejected)


async def test_upsert_creates_residents_units_and_links(registry: ResidentRegistry):
    report = await registry.upsert(ROWS)

    assert counts(report) == (4, 0, 0, 0)
    chan = await registry.by_phone(CHAN)
    assert chan is not None
    assert (chan.name, chan.language, chan.telegram_user_id, chan.reachable) == (
        "陳太太 Mrs Chan",
        Language.ZH_HANT,
        None,
        True,
    )
    assert [(link.unit.label, link.role) for link in chan.units] == [("3-502", Role.OWNER)]
    wong = await registry.by_phone(WONG)
    assert wong is not None and [link.unit.label for link in wong.units] == ["A-1203", "A-1204"]
    lee = await registry.by_phone(LEE)
    assert lee is not None and lee.units[0].role is Role.TENANT and lee.language is Language.ZH_HANS
    assert await registry.get(chan.id) == chan
    assert await registry.by_phone("+85290000000") is None
    assert await registry.get(chan.id + wong.id + lee.id) is None


async def test_upsert_again_changes_nothing(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    before = [await registry.by_phone(p) for p in (CHAN, WONG, LEE)]

    report = await registry.upsert(ROWS)

    assert counts(report) == (0, 0, 4, 0)
    assert [await registry.by_phone(p) for p in (CHAN, WONG, LEE)] == before


async def test_upsert_updates_names_and_roles(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    chan_before = await registry.by_phone(CHAN)

    report = await registry.upsert(
        [
            ResidentRow("3", "502", "Mrs Chan", CHAN, Role.OWNER, Language.ZH_HANT),
            ResidentRow("2", "8C", "李先生", LEE, Role.OWNER, Language.ZH_HANS),
            ResidentRow("2", "9D", "李先生", LEE, Role.TENANT, Language.ZH_HANS),
        ]
    )

    assert counts(report) == (1, 2, 0, 0)
    chan = await registry.by_phone(CHAN)
    assert chan is not None and chan_before is not None
    assert (chan.id, chan.name, chan.language) == (chan_before.id, "Mrs Chan", Language.ZH_HANT)
    lee = await registry.by_phone(LEE)
    assert lee is not None
    assert [(link.unit.label, link.role) for link in lee.units] == [("2-8C", Role.OWNER), ("2-9D", Role.TENANT)]


async def test_upsert_leaves_the_residents_language_alone(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    chan = await registry.by_phone(CHAN)
    assert chan is not None
    await registry.set_language(chan.id, Language.EN)

    report = await registry.upsert(ROWS)

    # The office file's language seeds a new resident; afterwards the resident's choice stands.
    assert counts(report) == (0, 0, 4, 0)
    after = await registry.get(chan.id)
    assert after is not None and after.language is Language.EN


async def test_same_phone_twice_in_one_batch_the_later_row_wins(registry: ResidentRegistry):
    report = await registry.upsert(
        [
            ResidentRow("1", "101", "Wong Tai Man", WONG, Role.OWNER, Language.ZH_HANT),
            ResidentRow("1", "102", "Peter Wong", WONG, Role.OWNER, Language.EN),
            ResidentRow("1", "101", "Peter Wong", WONG, Role.TENANT, Language.EN),
        ]
    )

    # Row 1 creates the resident, row 2 renames him and adds a unit, row 3 changes a role.
    assert counts(report) == (2, 1, 0, 0)
    wong = await registry.by_phone(WONG)
    assert wong is not None and (wong.name, wong.language) == ("Peter Wong", Language.EN)
    assert [(link.unit.label, link.role) for link in wong.units] == [("1-101", Role.TENANT), ("1-102", Role.OWNER)]


async def test_units_are_matched_whatever_the_case_and_spacing(registry: ResidentRegistry):
    await registry.upsert([ResidentRow(" a ", "12b", "Peter Wong", WONG, Role.OWNER, Language.EN)])
    again = await registry.upsert([ResidentRow("A", "12B", "Peter Wong", WONG, Role.OWNER, Language.EN)])

    assert counts(again) == (0, 0, 1, 0)
    unit = await registry.find_unit("a", "12b")
    assert unit is not None and (unit.building, unit.unit, unit.label) == ("A", "12B", "A-12B")
    assert await registry.unit(unit.id) == unit
    assert await registry.find_unit("A", "12C") is None
    assert await registry.unit(unit.id + 1000) is None


async def test_estates_keep_their_own_units(registry: ResidentRegistry):
    report = await registry.upsert(
        [
            ResidentRow("1", "101", "Peter Wong", WONG, Role.OWNER, Language.EN, estate="Harbour View Gardens"),
            ResidentRow("1", "101", "李先生", LEE, Role.OWNER, Language.ZH_HANS, estate="Hillside Court"),
        ]
    )

    assert counts(report) == (2, 0, 0, 0)
    wong, lee = await registry.by_phone(WONG), await registry.by_phone(LEE)
    assert wong is not None and lee is not None
    assert wong.units[0].unit.id != lee.units[0].unit.id
    assert {wong.units[0].unit.estate, lee.units[0].unit.estate} == {"Harbour View Gardens", "Hillside Court"}


async def test_telegram_link_moves_with_the_account(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    chan, wong = await registry.by_phone(CHAN), await registry.by_phone(WONG)
    assert chan is not None and wong is not None
    assert await registry.by_telegram(555) is None

    linked = await registry.link_telegram(chan.id, 555)
    assert linked.telegram_user_id == 555 and linked.id == chan.id
    assert await registry.by_telegram(555) == linked
    assert await registry.link_telegram(chan.id, 555) == linked

    moved = await registry.link_telegram(wong.id, 555)

    assert moved.telegram_user_id == 555
    assert await registry.by_telegram(555) == moved
    unlinked = await registry.get(chan.id)
    assert unlinked is not None and unlinked.telegram_user_id is None

    relinked = await registry.link_telegram(chan.id, 777)
    assert relinked.telegram_user_id == 777
    assert (await registry.by_telegram(555)) == moved
    with pytest.raises(LookupError):
        await registry.link_telegram(chan.id + wong.id + 1000, 888)


async def test_upsert_keeps_telegram_links(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    chan = await registry.by_phone(CHAN)
    assert chan is not None
    await registry.link_telegram(chan.id, 555)

    await registry.upsert([ResidentRow("3", "502", "Mrs Chan", CHAN, Role.OWNER, Language.ZH_HANT)])

    after = await registry.by_telegram(555)
    assert after is not None and (after.id, after.name) == (chan.id, "Mrs Chan")


async def test_set_language(registry: ResidentRegistry):
    await registry.upsert(ROWS)
    chan = await registry.by_phone(CHAN)
    assert chan is not None

    await registry.set_language(chan.id, Language.EN)

    after = await registry.get(chan.id)
    assert after is not None and after.language is Language.EN
    with pytest.raises(LookupError):
        await registry.set_language(chan.id + 1000, Language.EN)


async def test_upsert_of_nothing(registry: ResidentRegistry):
    assert counts(await registry.upsert([])) == (0, 0, 0, 0)


async def test_unreachable_database_raises_backend_unavailable(unreachable_database: Database):
    registry = SqlResidentRegistry(unreachable_database)
    calls = [
        registry.by_phone(CHAN),
        registry.by_telegram(1),
        registry.get(1),
        registry.link_telegram(1, 2),
        registry.set_language(1, Language.EN),
        registry.upsert(ROWS),
        registry.unit(1),
        registry.find_unit("3", "502"),
    ]
    for call in calls:
        with pytest.raises(BackendUnavailable):
            await call
