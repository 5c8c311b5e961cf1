"""The BillingSource contract (and the import's upserts), run against every source on every database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.domain.residents import Language, Role
from bot.errors import BackendUnavailable
from integrations.registry.base import ResidentRow
from integrations.sql.billing import AccountRow, PaymentRow, SqlBillingSource
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry


@pytest.fixture
async def units(sql_database: Database) -> tuple[int, int]:
    registry = SqlResidentRegistry(sql_database)
    await registry.upsert(
        [
            ResidentRow("3", "502", "陳太太 Mrs Chan", "+85291234567", Role.OWNER, Language.ZH_HANT),
            ResidentRow("A", "1203", "Peter Wong", "+85261230001", Role.OWNER, Language.EN),
        ]
    )
    a, b = await registry.find_unit("3", "502"), await registry.find_unit("A", "1203")
    assert a is not None and b is not None
    return a.id, b.id


def account(unit_id: int, **overrides: object) -> AccountRow:
    values: dict[str, object] = {
        "unit_id": unit_id,
        "currency": "HKD",
        "fee_paid_until": "2026-02",
        "amount_due": Decimal("1850.00"),
        "arrears": Decimal("3700.50"),
        "due_date": date(2026, 3, 31),
        "water_balance": Decimal("-12.30"),
        "electricity_balance": None,
    }
    values.update(overrides)
    return AccountRow(**values)  # type: ignore[arg-type]


PAYMENTS = [
    (date(2025, 12, 1), "property_fee", Decimal("1850.00"), "FPS-1"),
    (date(2026, 2, 1), "property_fee", Decimal("1850.00"), "FPS-3"),
    (date(2026, 1, 1), "property_fee", Decimal("1850.00"), "FPS-2"),
    (date(2026, 2, 1), "water", Decimal("200.00"), "W-1"),
    (date(2025, 11, 1), "electricity", Decimal("500.00"), ""),
    (date(2025, 10, 1), "property_fee", Decimal("1850.00"), "FPS-0"),
]


async def test_no_account_means_no_statement(billing: SqlBillingSource, units: tuple[int, int]):
    assert await billing.statement(units[0]) is None
    assert await billing.statement(units[0] + units[1] + 1000) is None


async def test_statement_holds_the_account_and_the_latest_payments(billing: SqlBillingSource, units: tuple[int, int]):
    unit_id, other = units
    await billing.upsert_accounts([account(unit_id), account(other, arrears=Decimal("0"), fee_paid_until="2026-09")])
    await billing.upsert_payments([PaymentRow(unit_id, *p) for p in PAYMENTS])
    await billing.upsert_payments([PaymentRow(other, date(2026, 3, 1), "property_fee", Decimal("11100"))])

    statement = await billing.statement(unit_id)

    assert statement is not None
    assert (statement.unit_id, statement.currency, statement.fee_paid_until) == (unit_id, "HKD", "2026-02")
    assert statement.amount_due == Decimal("1850.00") and statement.arrears == Decimal("3700.50")
    assert statement.in_arrears
    assert statement.due_date == date(2026, 3, 31)
    assert statement.water_balance == Decimal("-12.30") and statement.electricity_balance is None
    assert [(p.paid_on, p.item, p.reference) for p in statement.payments] == [
        (date(2026, 2, 1), "water", "W-1"),
        (date(2026, 2, 1), "property_fee", "FPS-3"),
        (date(2026, 1, 1), "property_fee", "FPS-2"),
        (date(2025, 12, 1), "property_fee", "FPS-1"),
        (date(2025, 11, 1), "electricity", ""),
    ]
    assert all(isinstance(p.amount, Decimal) for p in statement.payments)
    three = await billing.statement(unit_id, payments=3)
    assert three is not None and len(three.payments) == 3
    none = await billing.statement(unit_id, payments=0)
    assert none is not None and none.payments == ()
    paid_ahead = await billing.statement(other)
    assert paid_ahead is not None and not paid_ahead.in_arrears and paid_ahead.fee_paid_until == "2026-09"
    assert [p.amount for p in paid_ahead.payments] == [Decimal("11100.00")]


async def test_large_amounts_stay_exact(billing: SqlBillingSource, units: tuple[int, int]):
    big = Decimal("9999999999.99")
    await billing.upsert_accounts([account(units[0], amount_due=big, arrears=Decimal("0.01"))])

    statement = await billing.statement(units[0])

    assert statement is not None and statement.amount_due == big and statement.arrears == Decimal("0.01")


async def test_reimport_changes_nothing_and_corrections_update(billing: SqlBillingSource, units: tuple[int, int]):
    unit_id, other = units
    rows = [PaymentRow(unit_id, *p) for p in PAYMENTS]
    first = await billing.upsert_accounts([account(unit_id), account(other)])
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (await billing.upsert_payments(rows)).created == len(PAYMENTS)

    again = await billing.upsert_accounts([account(unit_id), account(other)])
    paid_again = await billing.upsert_payments(rows)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert (paid_again.created, paid_again.updated, paid_again.unchanged) == (0, 0, len(PAYMENTS))
    statement = await billing.statement(unit_id, payments=100)
    assert statement is not None and len(statement.payments) == len(PAYMENTS)

    corrected = await billing.upsert_accounts([account(unit_id, arrears=Decimal("0"), fee_paid_until="2026-03")])
    fixed = await billing.upsert_payments(
        [PaymentRow(unit_id, date(2026, 2, 1), "water", Decimal("250")), PaymentRow(unit_id, *PAYMENTS[0])]
    )

    assert (corrected.created, corrected.updated, corrected.unchanged) == (0, 1, 0)
    # No reference: a different payment from the W-1 water payment on the same day.
    assert (fixed.created, fixed.updated, fixed.unchanged) == (1, 0, 1)
    statement = await billing.statement(unit_id, payments=100)
    assert statement is not None and not statement.in_arrears and statement.fee_paid_until == "2026-03"
    assert len(statement.payments) == len(PAYMENTS) + 1

    amended = await billing.upsert_payments([PaymentRow(unit_id, date(2026, 2, 1), "water", Decimal("260"), "W-1")])
    assert (amended.created, amended.updated) == (0, 1)
    statement = await billing.statement(unit_id, payments=100)
    assert statement is not None
    assert [p.amount for p in statement.payments if p.reference == "W-1"] == [Decimal("260.00")]


async def test_a_unit_twice_in_one_batch_ends_with_its_last_row(billing: SqlBillingSource, units: tuple[int, int]):
    report = await billing.upsert_accounts(
        [account(units[0]), account(units[0], amount_due=Decimal("1"), currency="CNY")]
    )

    assert (report.created, report.updated) == (1, 1)
    statement = await billing.statement(units[0])
    assert statement is not None and (statement.amount_due, statement.currency) == (Decimal("1.00"), "CNY")


async def test_unreachable_database_raises_backend_unavailable(unreachable_database: Database):
    billing = SqlBillingSource(unreachable_database)
    calls = [
        billing.statement(1),
        billing.upsert_accounts([account(1)]),
        billing.upsert_payments([PaymentRow(1, *PAYMENTS[0])]),
    ]
    for call in calls:
        with pytest.raises(BackendUnavailable):
            await call
