"""A report rendered for people and for spreadsheets: chat text, CSV, XLSX, PNG charts, HTML with the charts inside.

CSV is for machines (stable English column keys, rates as fractions). Everything else is for the managers and
the owners' committee: headings and group names in the desk's language, rates as percentages, the estate and
the period in the title, and an HTML page that reads on a phone.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.domain.tickets import TicketKind
from bot.i18n import N_, Translator
from bot.reports.charts import chart_png, charts_of, dashboard_png
from bot.reports.figures import NO_BUILDING, GroupBy, GroupFigures, Report
from dialogs.labels import COMPLAINT_LABELS, KIND_LABELS, category_label


class Format(StrEnum):
    TEXT = "text"
    CSV = "csv"
    XLSX = "xlsx"
    PNG = "png"
    HTML = "html"


class Kind(StrEnum):
    """How a column's values are shown: a count, a rate (a percentage), hours, an average rating, a name."""

    NAME = "name"
    COUNT = "count"
    RATE = "rate"
    HOURS = "hours"
    RATING = "rating"


@dataclass(frozen=True)
class Column:
    key: str  # the CSV's column name: stable English (formulas and imports depend on it)
    heading: str  # what people read, translated where shown
    kind: Kind


COLUMNS_SHOWN = (
    Column("group", N_("Group"), Kind.NAME),
    Column("received", N_("Received"), Kind.COUNT),
    Column("completed", N_("Completed"), Kind.COUNT),
    Column("completion_rate", N_("Completion rate"), Kind.RATE),
    Column("on_time", N_("On time"), Kind.COUNT),
    Column("on_time_rate", N_("On-time rate"), Kind.RATE),
    Column("median_first_response_h", N_("Median first response (hours)"), Kind.HOURS),
    Column("median_resolution_h", N_("Median resolution (hours)"), Kind.HOURS),
    Column("followups", N_("Follow-ups"), Kind.COUNT),
    Column("followup_rate", N_("Follow-up rate"), Kind.RATE),
    Column("answered", N_("Survey answers"), Kind.COUNT),
    Column("satisfaction_rate", N_("Satisfaction rate"), Kind.RATE),
    Column("average_rating", N_("Average rating (1-5)"), Kind.RATING),
    Column("reopened", N_("Reopened"), Kind.COUNT),
    Column("reopen_rate", N_("Reopen rate"), Kind.RATE),
)
# Spreadsheet columns for machines: stable English names.
COLUMNS = tuple(c.key for c in COLUMNS_SHOWN)
TOTAL = "TOTAL"  # the CSV's total row; people read "Total" in their language

BY_LABELS = {
    GroupBy.DEPARTMENT: N_("by department"),
    GroupBy.BUILDING: N_("by building"),
    GroupBy.CATEGORY: N_("by category"),
}


def row_of(g: GroupFigures, name: str) -> list[Any]:
    return [
        name,
        g.received,
        g.completed,
        _round(g.completion_rate),
        g.on_time,
        _round(g.on_time_rate),
        _hours(g.median_response_s),
        _hours(g.median_resolution_s),
        g.surveyed,
        _round(g.followup_rate),
        g.answered,
        _round(g.satisfaction_rate),
        _round(g.average_rating, 2),
        g.reopened,
        _round(g.reopen_rate),
    ]


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


def rows(report: Report, label: Callable[[str], str] = str, total: str = TOTAL) -> list[list[Any]]:
    return [row_of(g, label(g.key)) for g in report.groups] + [row_of(report.total, total)]


def render(
    report: Report, fmt: Format | str, _: Translator, label: Callable[[str], str] = str, *, estate: str = ""
) -> bytes:
    """The report as the bytes of a file in ``fmt``; ``estate`` (its name) heads the people's formats."""
    f = Format(fmt)
    if f is Format.TEXT:
        return text(report, _, label).encode()
    if f is Format.CSV:
        return to_csv(report, label).encode()
    if f is Format.XLSX:
        return to_xlsx(report, _, label, estate=estate)
    if f is Format.PNG:
        return dashboard_png(report, _, label, title=title_of(report, _, estate))
    return to_html(report, _, label, estate=estate).encode()


def title_of(report: Report, _: Translator, estate: str = "") -> str:
    """``Harbour View Gardens · Figures 2026-11-01 – 2026-11-30 · by department``."""
    figures = _("Figures {period} · {by}", period=str(report.period), by=_(BY_LABELS[report.by]))
    return f"{estate} · {figures}" if estate else figures


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _h(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 3600:.1f} h"


def shown(value: Any, kind: Kind) -> str:
    """A table cell as people read it: 14% rather than 0.1429, 1.5 h, an en dash when there is nothing to show."""
    if value is None:
        return "–"
    if kind is Kind.RATE:
        return _pct(value)
    if kind in (Kind.HOURS, Kind.RATING):
        return _number(value)
    return str(value)


def complaint_label(_: Translator, category: str) -> str:
    return category_label(_, TicketKind.COMPLAINT, category) if category in COMPLAINT_LABELS else category


def summary_lines(report: Report, _: Translator) -> list[str]:
    """The period's headline figures, one sentence each (the chat text without its title and groups)."""
    t = report.total
    lines = [
        _(
            "Received {received} · completed {completed} ({rate}) · on time {on_time}",
            received=t.received,
            completed=t.completed,
            rate=_pct(t.completion_rate),
            on_time=_pct(t.on_time_rate),
        ),
        _(
            "Median first response {response} · median resolution {resolution}",
            response=_h(t.median_response_s),
            resolution=_h(t.median_resolution_s),
        ),
        _(
            "Follow-ups {followups} ({rate}) · satisfied {satisfied} · average rating {average}",
            followups=t.surveyed,
            rate=_pct(t.followup_rate),
            satisfied=_pct(t.satisfaction_rate),
            average=_number(t.average_rating),
        ),
        _(
            "Reopened {reopen} · resolutions in the period {resolved}",
            reopen=_pct(t.reopen_rate),
            resolved=report.resolved_in_period,
        ),
    ]
    if report.complaints:
        complaints = ", ".join(f"{complaint_label(_, category)} {n}" for category, n in report.complaints.items())
        lines.append(_("Complaints: {complaints}", complaints=complaints))
    n = report.notices
    lines.append(_("Notices sent {notices} · reach {reach}", notices=n.notices, reach=_pct(n.reach)))
    return lines


def text(report: Report, _: Translator, label: Callable[[str], str] = str) -> str:
    """The report as a chat message: totals first, then one line per group."""
    lines = [title_of(report, _), *summary_lines(report, _)]
    if report.groups:
        lines.append("")
    for g in report.groups:
        lines.append(
            _(
                "{group}: {received} received · {completed} done ({rate}) · on time {on_time} · satisfied {satisfied}",
                group=label(g.key),
                received=g.received,
                completed=g.completed,
                rate=_pct(g.completion_rate),
                on_time=_pct(g.on_time_rate),
                satisfied=_pct(g.satisfaction_rate),
            )
        )
    return "\n".join(lines)


def to_csv(report: Report, label: Callable[[str], str] = str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(["" if v is None else v for v in row] for row in rows(report, label))
    return out.getvalue()


# Excel number formats: rates stay numbers (so they sum and chart) but read as percentages.
_XLSX_FORMATS = {Kind.RATE: "0%", Kind.HOURS: "0.0", Kind.RATING: "0.0", Kind.COUNT: "0", Kind.NAME: "@"}


def to_xlsx(report: Report, _: Translator, label: Callable[[str], str] = str, *, estate: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    bold = Font(bold=True)

    def table(sheet: Worksheet, headings: list[str], body: list[list[Any]], kinds: list[Kind]) -> None:
        sheet.append(headings)
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for values in body:
            sheet.append(values)
            for cell, kind in zip(sheet[sheet.max_row], kinds, strict=True):
                cell.number_format = _XLSX_FORMATS[kind]
        sheet.freeze_panes = sheet.cell(header_row + 1, 2)
        for i, heading in enumerate(headings, start=1):
            longest = max([len(str(heading)) // 2 + 2, *(len(str(r[i - 1] or "")) + 2 for r in body)])
            sheet.column_dimensions[get_column_letter(i)].width = min(40, max(10, longest))

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Figures")
    sheet.append([title_of(report, _, estate)])
    sheet["A1"].font = Font(bold=True, size=14)
    table(
        sheet,
        [_(c.heading) for c in COLUMNS_SHOWN],
        rows(report, label, _("Total")),
        [c.kind for c in COLUMNS_SHOWN],
    )
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    weeks = book.create_sheet(_("Weeks"))
    table(
        weeks,
        [_("Week of"), _("Received"), _("Completed")],
        [[w.monday, w.received, w.completed] for w in report.weeks],
        [Kind.NAME, Kind.COUNT, Kind.COUNT],
    )
    for (cell,) in weeks.iter_rows(min_row=2, max_col=1):
        cell.number_format = "yyyy-mm-dd"
    ratings = book.create_sheet(_("Ratings"))
    table(
        ratings,
        [_("Rating (1-5)"), _("Survey answers")],
        [[r, n] for r, n in report.ratings.items()],
        [Kind.COUNT, Kind.COUNT],
    )
    complaints = book.create_sheet(_("Complaints"))
    table(
        complaints,
        [_("Category"), _("Received")],
        [[complaint_label(_, c), n] for c, n in report.complaints.items()],
        [Kind.NAME, Kind.COUNT],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_HTML_STYLE = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK TC","Noto Sans",sans-serif;margin:0 auto;
max-width:1500px;padding:16px;color:#1e1e1e;line-height:1.45}
h1{font-size:1.5rem;margin:0 0 .2rem}.period{color:#555;margin:0 0 1rem}
.summary{padding-left:1.2rem;margin:0 0 1.2rem}.summary li{margin:.15rem 0}
.scroll{overflow-x:auto;margin:0 0 1.2rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:right;vertical-align:top}
th{background:#f2f4f7;font-weight:600}th:first-child,td:first-child{text-align:left}
tr.total td{font-weight:700;background:#fafafa}
th{font-size:.85rem}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
figure{margin:0 0 1.2rem}figure img{display:block;max-width:100%;height:auto}
@media (max-width:700px){
body{padding:12px}h1{font-size:1.25rem}
table,tbody,tr,td{display:block;width:100%}thead{display:none}
tr{border:1px solid #d0d0d0;border-radius:6px;margin:0 0 .8rem;padding:.3rem .6rem}
td{border:0;padding:2px 0;display:flex;justify-content:space-between;gap:1rem;text-align:right}
td::before{content:attr(data-label);color:#555;text-align:left}
td:first-child{font-weight:700;font-size:1.05rem}td:first-child::before{content:none}
}
"""


def to_html(report: Report, _: Translator, label: Callable[[str], str] = str, *, estate: str = "") -> str:
    """A self-contained page: headline figures, the groups as a table (cards on a phone), each chart as a PNG."""
    esc = html.escape
    headings = [_(c.heading) for c in COLUMNS_SHOWN]
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headings)
    body = []
    for i, row in enumerate(rows(report, label, _("Total"))):
        cells = "".join(
            f'<td data-label="{esc(h)}">{esc(shown(v, c.kind))}</td>'
            for v, c, h in zip(row, COLUMNS_SHOWN, headings, strict=True)
        )
        total = i == len(report.groups)
        body.append(f'<tr class="total">{cells}</tr>' if total else f"<tr>{cells}</tr>")
    period = _("Figures {period} · {by}", period=str(report.period), by=_(BY_LABELS[report.by]))
    images = "".join(
        f'<figure><img alt="{esc(chart.title)}" src="data:image/png;base64,'
        f'{base64.b64encode(chart_png(chart)).decode()}"></figure>'
        for chart in charts_of(report, _, label)
    )
    summary = "".join(f"<li>{esc(line)}</li>" for line in summary_lines(report, _))
    heading = esc(estate) if estate else esc(period)
    subtitle = f'<p class="period">{esc(period)}</p>' if estate else ""
    return (
        f'<!doctype html><html lang="{esc(_.language.value)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title_of(report, _, estate))}</title><style>{_HTML_STYLE}</style></head><body>"
        f"<header><h1>{heading}</h1>{subtitle}</header>"
        f'<ul class="summary">{summary}</ul>'
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        f'<div class="charts">{images}</div></body></html>\n'
    )


def group_labels(by: GroupBy, departments: dict[str, Any], _: Translator) -> Callable[[str], str]:
    """Group keys as people read them: a department's name, ``Repair · Electrical``, ``No unit (common areas)``."""
    language = _.language.value

    def label(key: str) -> str:
        if by is GroupBy.DEPARTMENT:
            department = departments.get(key)
            return department.name(language) if department is not None else key
        if by is GroupBy.BUILDING:
            return _("No unit (common areas)") if key == NO_BUILDING else key
        kind, _sep, category = key.partition("/")
        try:
            ticket_kind = TicketKind(kind)
        except ValueError:
            return key
        return f"{_(KIND_LABELS[ticket_kind])} · {category_label(_, ticket_kind, category)}"

    return label
