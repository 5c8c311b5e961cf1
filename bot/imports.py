"""Reading the estate's resident and billing files (CSV or XLSX) into the registry and billing tables.

Used by ``estatedesk residents import`` and ``estatedesk billing import``. A bad row is reported with
its line number and skipped; a file that cannot be read at all raises :class:`ImportRejected`.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import sys
import zipfile
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from tqdm import tqdm

from bot.domain.residents import InvalidPhone, Language, Role, Unit, normalise_phone
from bot.errors import ImportRejected
from integrations.registry.base import ImportReport, RejectedRow, ResidentRegistry, ResidentRow
from integrations.sql.billing import AccountRow, PaymentRow

log = logging.getLogger(__name__)

# Rows per registry or billing transaction: large enough to be fast, small enough to show progress.
BATCH = 1000

RESIDENT_COLUMNS = ("building", "unit", "name", "phone")
ACCOUNT_COLUMNS = (
    "building",
    "unit",
    "fee_paid_until",
    "amount_due",
    "arrears",
    "due_date",
    "water_balance",
    "electricity_balance",
)
PAYMENT_COLUMNS = ("building", "unit", "paid_on", "item", "amount")

# Widths of the registry's columns: a longer value is a rejected row, not a failed batch.
MAX_LENGTH = {"estate": 100, "building": 20, "unit": 20, "name": 200, "item": 32, "reference": 100}

_ROLES = {
    "owner": Role.OWNER,
    "業主": Role.OWNER,
    "业主": Role.OWNER,
    "tenant": Role.TENANT,
    "租客": Role.TENANT,
    "租戶": Role.TENANT,
    "租户": Role.TENANT,
}
_MAX_AMOUNT = Decimal("1e10")  # NUMERIC(12,2)
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

T = TypeVar("T")


class BillingImportTarget(Protocol):
    """Where billing rows go; :class:`integrations.sql.billing.SqlBillingSource` is one."""

    async def upsert_accounts(self, rows: list[AccountRow]) -> ImportReport: ...

    async def upsert_payments(self, rows: list[PaymentRow]) -> ImportReport: ...


@runtime_checkable
class UnitDirectory(Protocol):
    """A registry that resolves many units at once (the SQL one does); others are asked one by one."""

    async def find_units(self, pairs: Collection[tuple[str, str]]) -> dict[tuple[str, str], list[Unit]]: ...


@dataclass(frozen=True)
class SheetRow:
    line: int  # where the row starts in the file; the header is line 1
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


class RowRejected(ValueError):
    """A row that cannot be imported; the message is the reason shown to the operator."""


# ---------------------------------------------------------------------------------------------
# Reading files


def read_table(path: str | Path) -> tuple[list[str], list[SheetRow]]:
    """The header (lower-case, spaces as underscores) and the non-blank rows of a CSV or XLSX file."""
    p = Path(path)
    if not p.is_file():
        raise ImportRejected(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(p)
    elif suffix in (".csv", ".txt", ".tsv"):
        rows = _csv_rows(p)
    elif suffix == ".xls":
        raise ImportRejected(f"{p.name}: old Excel format (.xls); save it as .xlsx or CSV UTF-8")
    else:
        raise ImportRejected(f"{p.name}: unknown file type {suffix or '(none)'}; use .csv or .xlsx")
    try:
        header_line, raw_header = next(rows)
    except StopIteration:
        raise ImportRejected(f"{p.name}: the file is empty") from None
    header = [_column_name(h) for h in raw_header]
    named = [h for h in header if h]
    duplicates = sorted({h for h in named if named.count(h) > 1})
    if duplicates:
        raise ImportRejected(f"{p.name}: column(s) {', '.join(duplicates)} appear more than once")
    table: list[SheetRow] = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        values = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
        table.append(SheetRow(line, values))
    log.debug("%s: header on line %d, %d rows", p.name, header_line, len(table))
    return named, table


def _column_name(raw: str) -> str:
    return "_".join(raw.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    data = path.read_bytes()
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")  # Excel's "Unicode Text"
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(f"{path.name}: not UTF-8 text; save it as 'CSV UTF-8'") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            yield start, cells
    except csv.Error as exc:
        raise ImportRejected(f"{path.name}: line {reader.line_num}: {exc}") from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import openpyxl  # only XLSX imports pay for loading it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(f"{path.name}: not a readable .xlsx file ({exc})") from None
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [_cell_text(c) for c in cells]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps every number as a float: 502.0 is unit 502
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _require(path: str | Path, header: Sequence[str], columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportRejected(
            f"{Path(path).name}: not a {what} file: missing column(s) {', '.join(missing)} "
            f"(found: {', '.join(header) or 'none'})"
        )


# ---------------------------------------------------------------------------------------------
# Residents


async def import_residents(
    path: str | Path, registry: ResidentRegistry, *, region: str, progress: bool = True
) -> ImportReport:
    """Import a residents file: ``building, unit, name, phone`` and optional ``role, language, estate``.

    Re-running the same file changes nothing. Phones without a country code are read for ``region``.
    """
    header, rows = read_table(path)
    _require(path, header, RESIDENT_COLUMNS, "residents")
    report = ImportReport()
    valid = _parse_rows(rows, lambda r: _resident_row(r, region), report)
    with _progress_bar(len(valid), progress, "residents") as bar:
        for batch in _batches(valid):
            _add_counts(report, await registry.upsert(batch))
            bar.update(len(batch))
    log.info("residents import %s: %s", Path(path).name, _summary(report))
    return report


def _resident_row(row: SheetRow, region: str) -> ResidentRow:
    _check_present(row, RESIDENT_COLUMNS)
    _check_lengths(row)
    try:
        phone = normalise_phone(row.get("phone"), region)
    except InvalidPhone:
        raise RowRejected(f"invalid phone number {row.get('phone')!r}") from None
    role_text = row.get("role")
    role = _ROLES.get(role_text.lower()) if role_text else Role.OWNER
    if role is None:
        raise RowRejected(f"unknown role {role_text!r} (owner or tenant)")
    return ResidentRow(
        building=row.get("building"),
        unit=row.get("unit"),
        name=" ".join(row.get("name").split()),
        phone=phone,
        role=role,
        language=_language(row.get("language")),
        estate=row.get("estate"),
    )


def _language(code: str) -> Language:
    if not code:
        return Language.ZH_HANT
    # from_code falls back to its default for codes it does not know: two defaults reveal that.
    as_hant = Language.from_code(code, Language.ZH_HANT)
    if as_hant != Language.from_code(code, Language.EN):
        raise RowRejected(f"unknown language {code!r} (zh-Hant, zh-Hans or en)")
    return as_hant


# ---------------------------------------------------------------------------------------------
# Billing


@dataclass(frozen=True)
class _BillingLine:
    line: int
    estate: str
    building: str
    unit: str
    build: Callable[[int], AccountRow | PaymentRow]  # unit id -> the row to store


async def import_billing(
    path: str | Path,
    billing: BillingImportTarget,
    registry: ResidentRegistry,
    *,
    progress: bool = True,
) -> ImportReport:
    """Import a billing accounts file or a payments file (told apart by their columns).

    Units are matched against the resident registry; a unit it does not know is a rejected row.
    """
    header, rows = read_table(path)
    columns: Sequence[str]
    if "paid_on" in header:
        kind, columns, parse = "payments", PAYMENT_COLUMNS, _payment_line
    elif {"amount_due", "arrears", "fee_paid_until"} & set(header):
        kind, columns, parse = "billing accounts", ACCOUNT_COLUMNS, _account_line
    else:
        raise ImportRejected(
            f"{Path(path).name}: neither a billing accounts file (fee_paid_until, amount_due, arrears, ...) "
            f"nor a payments file (paid_on, item, amount, ...); found: {', '.join(header) or 'no columns'}"
        )
    _require(path, header, columns, kind)
    report = ImportReport()
    lines = _parse_rows(rows, parse, report)
    units = await _resolve_units(registry, {(b.building, b.unit) for b in lines})
    stored: list[AccountRow | PaymentRow] = []
    for b in lines:
        try:
            stored.append(b.build(_pick_unit(b, units.get((b.building, b.unit), []))))
        except RowRejected as exc:
            report.rejected.append(RejectedRow(b.line, str(exc)))
    report.rejected.sort(key=lambda r: r.line)
    with _progress_bar(len(stored), progress, kind) as bar:
        for batch in _batches(stored):
            if kind == "payments":
                part = await billing.upsert_payments([r for r in batch if isinstance(r, PaymentRow)])
            else:
                part = await billing.upsert_accounts([r for r in batch if isinstance(r, AccountRow)])
            _add_counts(report, part)
            bar.update(len(batch))
    log.info("%s import %s: %s", kind, Path(path).name, _summary(report))
    return report


def _account_line(row: SheetRow) -> _BillingLine:
    _check_present(row, ("building", "unit"))
    _check_lengths(row)
    currency = (row.get("currency") or "HKD").upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise RowRejected(f"currency must be a three-letter code such as HKD, not {currency!r}")
    fee_paid_until = _month(row.get("fee_paid_until"), "fee_paid_until")
    amount_due = _money(row.get("amount_due") or "0", "amount_due")
    arrears = _money(row.get("arrears") or "0", "arrears")
    due_date = _date(row.get("due_date"), "due_date") if row.get("due_date") else None
    water = _optional_money(row.get("water_balance"), "water_balance")
    electricity = _optional_money(row.get("electricity_balance"), "electricity_balance")

    def build(unit_id: int) -> AccountRow:
        return AccountRow(unit_id, currency, fee_paid_until, amount_due, arrears, due_date, water, electricity)

    return _BillingLine(row.line, row.get("estate"), row.get("building"), row.get("unit"), build)


def _payment_line(row: SheetRow) -> _BillingLine:
    _check_present(row, PAYMENT_COLUMNS)
    _check_lengths(row)
    paid_on = _date(row.get("paid_on"), "paid_on")
    item = "_".join(row.get("item").lower().split())
    amount = _money(row.get("amount"), "amount")
    reference = row.get("reference")

    def build(unit_id: int) -> PaymentRow:
        return PaymentRow(unit_id, paid_on, item, amount, reference)

    return _BillingLine(row.line, row.get("estate"), row.get("building"), row.get("unit"), build)


async def _resolve_units(registry: ResidentRegistry, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list[Unit]]:
    if isinstance(registry, UnitDirectory):
        return await registry.find_units(pairs)
    found: dict[tuple[str, str], list[Unit]] = {}
    for building, unit in sorted(pairs):
        one = await registry.find_unit(building, unit)
        if one is not None:
            found[(building, unit)] = [one]
    return found


def _pick_unit(line: _BillingLine, candidates: list[Unit]) -> int:
    label = f"{line.building}-{line.unit}"
    if line.estate:
        wanted = " ".join(line.estate.split()).casefold()
        candidates = [u for u in candidates if u.estate.casefold() == wanted]
        label = f"{label} in {line.estate}"
    if not candidates:
        raise RowRejected(f"unknown unit {label} (not in the resident registry)")
    if len(candidates) > 1:
        raise RowRejected(f"unit {label} exists in several estates; add an estate column")
    return candidates[0].id


def _money(text: str, column: str) -> Decimal:
    cleaned = text.replace(",", "").replace(" ", "").upper().removeprefix("HK$").removeprefix("$")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise RowRejected(f"{column} is not an amount: {text!r}") from None
    if not amount.is_finite() or abs(amount) >= _MAX_AMOUNT:
        raise RowRejected(f"{column} is out of range: {text!r}")
    if amount != amount.quantize(Decimal("0.01")):
        raise RowRejected(f"{column} has more than two decimals: {text!r}")
    return amount.quantize(Decimal("0.01"))


def _optional_money(text: str, column: str) -> Decimal | None:
    return _money(text, column) if text else None


def _month(text: str, column: str) -> str | None:
    """``2026-09``, ``2026/9`` or a date in that month → ``"2026-09"``; empty → None."""
    if not text:
        return None
    m = _MONTH.match(text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise RowRejected(f"{column} must be a month such as 2026-09, not {text!r}")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def _date(text: str, column: str) -> date:
    """ISO dates (2026-03-31, 2026/03/31) or Hong Kong's day-first ones (31/03/2026)."""
    if not text:
        raise RowRejected(f"missing {column}")
    candidate = text.split(" ", 1)[0].split("T", 1)[0]
    if m := _ISO_DATE.match(candidate):
        y, mo, d = m.groups()
    elif m := _DMY_DATE.match(candidate):
        d, mo, y = m.groups()
    else:
        raise RowRejected(f"{column} is not a date: {text!r}")
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        raise RowRejected(f"{column} is not a date: {text!r}") from None


# ---------------------------------------------------------------------------------------------
# Shared


def _parse_rows(rows: list[SheetRow], parse: Callable[[SheetRow], T], report: ImportReport) -> list[T]:
    parsed: list[T] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except RowRejected as exc:
            report.rejected.append(RejectedRow(row.line, str(exc)))
    return parsed


def _check_present(row: SheetRow, columns: Sequence[str]) -> None:
    missing = [c for c in columns if not row.get(c)]
    if missing:
        raise RowRejected(f"missing {', '.join(missing)}")


def _check_lengths(row: SheetRow) -> None:
    for column, limit in MAX_LENGTH.items():
        if len(row.get(column)) > limit:
            raise RowRejected(f"{column} is longer than {limit} characters")


def _batches(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _add_counts(report: ImportReport, part: ImportReport) -> None:
    report.created += part.created
    report.updated += part.updated
    report.unchanged += part.unchanged
    report.rejected.extend(part.rejected)


@contextmanager
def _progress_bar(total: int, enabled: bool, what: str) -> Iterator[tqdm[Any]]:
    show = enabled and sys.stderr.isatty()
    with tqdm(total=total, desc=f"importing {what}", unit="row", file=sys.stderr, disable=not show) as bar:
        yield bar


def _summary(report: ImportReport) -> str:
    return (
        f"{report.accepted} rows imported ({report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged), {len(report.rejected)} rejected"
    )


def format_report(report: ImportReport, *, limit: int | None = 100) -> str:
    """A summary for the operator, then each rejected row (the first ``limit`` of them) with its reason."""
    lines = [_summary(report) + "."]
    if report.rejected:
        lines.append("Rejected rows:")
        shown = report.rejected if limit is None else report.rejected[:limit]
        lines.extend(f"  line {r.line}: {r.reason}" for r in shown)
        if len(shown) < len(report.rejected):
            lines.append(f"  ... and {len(report.rejected) - len(shown)} more")
    return "\n".join(lines)
