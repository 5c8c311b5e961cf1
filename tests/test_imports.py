"""Resident and billing imports from CSV and XLSX files, into the SQL registry and billing tables."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import bot.imports
from bot.domain.residents import Language, Role
from bot.errors import ImportRejected
from bot.imports import format_report, import_billing, import_residents, read_table
from integrations.registry.base import ImportReport, RejectedRow
from integrations.sql.billing import SqlBillingSource
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.testing import DATABASE_KINDS, scratch_database

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = Path(__file__).parents[1] / "bot" / "demo" / "data"


@pytest.fixture(params=DATABASE_KINDS)
async def sql_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path) as db:
        yield db


@pytest.fixture
def registry(sql_database: Database) -> SqlResidentRegistry:
    return SqlResidentRegistry(sql_database)


@pytest.fixture
def billing(sql_database: Database) -> SqlBillingSource:
    return SqlBillingSource(sql_database)


def counts(report: ImportReport) -> tuple[int, int, int]:
    return report.created, report.updated, report.unchanged


def rejected(report: ImportReport) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in report.rejected]


async def test_residents_csv_with_bom_and_bad_rows(registry: SqlResidentRegistry):
    report = await import_residents(FIXTURES / "residents_bom.csv", registry, region="HK", progress=False)

    assert counts(report) == (4, 0, 0)
    assert rejected(report) == [
        (4, "invalid phone number '12345'"),
        (5, "unknown role 'landlord' (owner or tenant)"),
        (6, "missing name"),
        (9, "unknown language 'fr' (zh-Hant, zh-Hans or en)"),
    ]
    chan = await registry.by_phone("+85291234567")
    assert chan is not None and (chan.name, chan.language) == ("陳太太 Mrs Chan", Language.ZH_HANT)
    assert [(link.unit.label, link.role) for link in chan.units] == [("3-502", Role.OWNER)]
    li = await registry.by_phone("+85251230002")
    assert li is not None and li.language is Language.ZH_HANS and li.units[0].role is Role.TENANT
    ho = await registry.by_phone("+85263451234")
    assert ho is not None and ho.language is Language.ZH_HANT and ho.units[0].role is Role.OWNER


async def test_residents_import_again_is_unchanged(registry: SqlResidentRegistry):
    path = FIXTURES / "residents_bom.csv"
    await import_residents(path, registry, region="HK", progress=False)

    again = await import_residents(path, registry, region="HK", progress=True)

    assert counts(again) == (0, 0, 4)
    assert len(again.rejected) == 4


async def test_residents_in_small_batches_give_the_same_result(
    registry: SqlResidentRegistry, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(bot.imports, "BATCH", 2)
    path = DEMO / "residents.csv"

    first = await import_residents(path, registry, region="HK", progress=False)
    again = await import_residents(path, registry, region="HK", progress=False)

    assert counts(first) == (16, 0, 0) and counts(again) == (0, 0, 16)
    li = await registry.by_phone("+85251230002")
    assert li is not None and [link.unit.label for link in li.units] == ["1-1001", "2-301"]


async def test_residents_xlsx_first_sheet_with_numbers_in_cells(registry: SqlResidentRegistry, tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Residents"
    sheet.append(["BUILDING", "Unit", "Name", "Phone", "Language", "Estate"])
    sheet.append([3, 502, "陳太太 Mrs Chan", 91234567, "zh-HK", "Harbour View Gardens"])
    sheet.append(["A", 1203.0, "Peter Wong", "+852 6123 0001", "en", "Harbour View Gardens"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["A", 1204, "No Phone", None, "en", "Harbour View Gardens"])
    other = workbook.create_sheet("Notes")
    other.append(["building", "unit", "name", "phone"])
    other.append(["9", "999", "Not imported", "+852 9876 5432"])
    workbook.active = 1
    path = tmp_path / "residents.xlsx"
    workbook.save(path)

    report = await import_residents(path, registry, region="HK", progress=False)

    assert counts(report) == (2, 0, 0)
    assert rejected(report) == [(5, "missing phone")]
    chan = await registry.by_phone("+85291234567")
    assert chan is not None
    assert [(u.unit.estate, u.unit.label) for u in chan.units] == [("Harbour View Gardens", "3-502")]
    assert await registry.find_unit("A", "1203") is not None
    assert await registry.by_phone("+85298765432") is None


async def test_missing_columns_refuse_the_whole_file(registry: SqlResidentRegistry):
    with pytest.raises(ImportRejected, match=r"missing column\(s\) phone \(found: building, unit, name\)"):
        await import_residents(FIXTURES / "residents_missing_columns.csv", registry, region="HK", progress=False)
    assert await registry.find_unit("3", "502") is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("residents.xls", b"\xd0\xcf\x11\xe0", "old Excel format"),
        ("residents.pdf", b"%PDF", "unknown file type .pdf"),
        ("residents.csv", b"", "the file is empty"),
        ("residents.csv", "building,unit,name,phone\n3,502,陳,91234567\n".encode("big5"), "not UTF-8"),
        ("residents.xlsx", b"not a zip", "not a readable .xlsx file"),
        ("residents.csv", b"building,unit,name,building\n", "building appear more than once"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, name: str, content: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        read_table(path)
    with pytest.raises(ImportRejected, match="no such file"):
        read_table(tmp_path / "missing.csv")


def test_line_numbers_count_lines_of_the_file(tmp_path: Path):
    path = tmp_path / "residents.csv"
    path.write_text(
        'building;unit;name;phone\n3;502;"陳太太\nMrs Chan";91234567\n\nA;1203;Peter Wong;61230001\n',
        encoding="utf-8",
    )

    header, rows = read_table(path)

    assert header == ["building", "unit", "name", "phone"]
    assert [(r.line, r.get("unit")) for r in rows] == [(2, "502"), (5, "1203")]


async def test_utf16_text_from_excel(registry: SqlResidentRegistry, tmp_path: Path):
    path = tmp_path / "residents.txt"
    path.write_bytes("building\tunit\tname\tphone\n3\t502\t陳太太\t91234567\n".encode("utf-16"))

    report = await import_residents(path, registry, region="HK", progress=False)

    assert counts(report) == (1, 0, 0)


async def test_billing_accounts_file(registry: SqlResidentRegistry, billing: SqlBillingSource):
    await import_residents(FIXTURES / "residents_bom.csv", registry, region="HK", progress=False)

    report = await import_billing(FIXTURES / "billing_accounts.csv", billing, registry, progress=False)

    assert counts(report) == (2, 0, 0)
    assert rejected(report) == [
        (4, "unknown unit 9-999 (not in the resident registry)"),
        (5, "fee_paid_until must be a month such as 2026-09, not 'September'"),
        (6, "amount_due has more than two decimals: '16.505'"),
        (7, "due_date is not a date: '2026-02-30'"),
    ]
    unit = await registry.find_unit("3", "502")
    assert unit is not None
    statement = await billing.statement(unit.id)
    assert statement is not None
    assert (statement.currency, statement.fee_paid_until, statement.due_date) == ("HKD", "2026-09", date(2026, 11, 30))
    assert (statement.amount_due, statement.arrears) == (Decimal("1850.00"), Decimal("1850.00"))
    assert (statement.water_balance, statement.electricity_balance) == (Decimal("120.50"), Decimal("-35.00"))
    peter_unit = await registry.find_unit("A", "1203")
    assert peter_unit is not None
    ahead = await billing.statement(peter_unit.id)
    assert ahead is not None and not ahead.in_arrears
    assert (ahead.fee_paid_until, ahead.due_date, ahead.water_balance) == ("2027-03", date(2027, 4, 30), None)

    again = await import_billing(FIXTURES / "billing_accounts.csv", billing, registry, progress=False)
    assert counts(again) == (0, 0, 2)


async def test_billing_payments_file(registry: SqlResidentRegistry, billing: SqlBillingSource):
    await import_residents(FIXTURES / "residents_bom.csv", registry, region="HK", progress=False)
    await import_billing(FIXTURES / "billing_accounts.csv", billing, registry, progress=False)

    report = await import_billing(FIXTURES / "billing_payments.csv", billing, registry, progress=False)

    assert counts(report) == (4, 0, 0)
    assert rejected(report) == [
        (6, "paid_on is not a date: 'yesterday'"),
        (7, "unknown unit 9-999 (not in the resident registry)"),
        (8, "missing item"),
    ]
    unit = await registry.find_unit("3", "502")
    assert unit is not None
    statement = await billing.statement(unit.id)
    assert statement is not None
    assert [(p.paid_on, p.item, p.amount, p.reference) for p in statement.payments] == [
        (date(2026, 9, 15), "water", Decimal("200.00"), ""),
        (date(2026, 9, 1), "property_fee", Decimal("1850.00"), "PAY-0901"),
        (date(2026, 8, 1), "property_fee", Decimal("1850.00"), "PAY-0801"),
    ]

    again = await import_billing(FIXTURES / "billing_payments.csv", billing, registry, progress=False)
    assert counts(again) == (0, 0, 4)


async def test_billing_file_of_neither_kind_is_refused(
    registry: SqlResidentRegistry, billing: SqlBillingSource, tmp_path: Path
):
    unknown = tmp_path / "bills.csv"
    unknown.write_text("building,unit,total\n3,502,100\n", encoding="utf-8")
    partial = tmp_path / "payments.csv"
    partial.write_text("building,unit,paid_on,amount\n3,502,2026-01-01,100\n", encoding="utf-8")

    with pytest.raises(ImportRejected, match="neither a billing accounts file"):
        await import_billing(unknown, billing, registry, progress=False)
    with pytest.raises(ImportRejected, match=r"not a payments file: missing column\(s\) item"):
        await import_billing(partial, billing, registry, progress=False)


async def test_billing_units_of_several_estates(
    registry: SqlResidentRegistry, billing: SqlBillingSource, tmp_path: Path
):
    residents = tmp_path / "residents.csv"
    residents.write_text(
        "estate,building,unit,name,phone\n"
        "Harbour View Gardens,1,101,Peter Wong,61230001\n"
        "Hillside Court,1,101,Mary Cheung,98765432\n",
        encoding="utf-8",
    )
    payments = tmp_path / "payments.csv"
    payments.write_text(
        "estate,building,unit,paid_on,item,amount\n"
        "Hillside Court,1,101,2026-10-01,water,100\n"
        ",1,101,2026-10-01,water,100\n"
        "Nowhere,1,101,2026-10-01,water,100\n",
        encoding="utf-8",
    )
    await import_residents(residents, registry, region="HK", progress=False)

    report = await import_billing(payments, billing, registry, progress=False)

    assert counts(report) == (1, 0, 0)
    assert rejected(report) == [
        (3, "unit 1-101 exists in several estates; add an estate column"),
        (4, "unknown unit 1-101 in Nowhere (not in the resident registry)"),
    ]


async def test_demo_data_imports_cleanly(registry: SqlResidentRegistry, billing: SqlBillingSource):
    reports = [
        await import_residents(DEMO / "residents.csv", registry, region="HK", progress=False),
        await import_billing(DEMO / "billing_accounts.csv", billing, registry, progress=False),
        await import_billing(DEMO / "billing_payments.csv", billing, registry, progress=False),
    ]

    assert [(r.created, r.rejected) for r in reports] == [(16, []), (16, []), (39, [])]
    chan = await registry.by_phone("+85291234567")
    peter = await registry.by_phone("+85261230001")
    assert chan is not None and chan.name == "陳太太 Mrs Chan" and chan.units[0].unit.label == "3-502"
    assert peter is not None and peter.language is Language.EN and peter.units[0].unit.label == "A-1203"
    in_arrears = await billing.statement(chan.units[0].unit.id)
    paid_ahead = await billing.statement(peter.units[0].unit.id)
    assert in_arrears is not None and in_arrears.in_arrears and len(in_arrears.payments) == 4
    assert paid_ahead is not None and not paid_ahead.in_arrears and paid_ahead.fee_paid_until == "2027-03"


def test_format_report_lists_rejected_rows():
    report = ImportReport(created=3, updated=1, unchanged=2)
    report.rejected.extend(RejectedRow(line, f"problem {line}") for line in (4, 7, 9))

    text = format_report(report)
    short = format_report(report, limit=2)

    assert text.splitlines() == [
        "6 rows imported (3 created, 1 updated, 2 unchanged), 3 rejected.",
        "Rejected rows:",
        "  line 4: problem 4",
        "  line 7: problem 7",
        "  line 9: problem 9",
    ]
    assert short.splitlines()[-1] == "  ... and 1 more"
    assert format_report(ImportReport()) == "0 rows imported (0 created, 0 updated, 0 unchanged), 0 rejected."


def test_xlsx_dates_and_money_cells(tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["building", "unit", "paid_on", "item", "amount"])
    sheet.append([3, 502, datetime(2026, 9, 1), "water", 200.5])
    path = tmp_path / "payments.xlsx"
    workbook.save(path)

    _, rows = read_table(path)

    assert rows[0].values == {
        "building": "3",
        "unit": "502",
        "paid_on": "2026-09-01",
        "item": "water",
        "amount": "200.5",
    }
