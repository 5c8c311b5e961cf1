"""A report rendered for people and for spreadsheets: chat text, CSV, XLSX, PNG charts, HTML with the charts inside."""

from __future__ import annotations

import base64
import csv
import html
import io
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from bot.i18n import Translator
from bot.reports.charts import chart_png, charts_of, dashboard_png
from bot.reports.figures import GroupBy, GroupFigures, Report


class Format(StrEnum):
    TEXT = "text"
    CSV = "csv"
    XLSX = "xlsx"
    PNG = "png"
    HTML = "html"


# Spreadsheet columns: stable English names (formulas and imports depend on them).
COLUMNS = (
    "group",
    "received",
    "completed",
    "completion_rate",
    "on_time",
    "on_time_rate",
    "median_first_response_h",
    "median_resolution_h",
    "followups",
    "followup_rate",
    "answered",
    "satisfaction_rate",
    "average_rating",
    "reopened",
    "reopen_rate",
)


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


def rows(report: Report, label: Callable[[str], str] = str) -> list[list[Any]]:
    return [row_of(g, label(g.key)) for g in report.groups] + [row_of(report.total, "TOTAL")]


def render(report: Report, fmt: Format | str, _: Translator, label: Callable[[str], str] = str) -> bytes:
    """The report as the bytes of a file in ``fmt``."""
    f = Format(fmt)
    if f is Format.TEXT:
        return text(report, _, label).encode()
    if f is Format.CSV:
        return to_csv(report, label).encode()
    if f is Format.XLSX:
        return to_xlsx(report, label)
    if f is Format.PNG:
        return dashboard_png(report, label)
    return to_html(report, _, label).encode()


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _h(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 3600:.1f} h"


def text(report: Report, _: Translator, label: Callable[[str], str] = str) -> str:
    """The report as a chat message: totals first, then one line per group."""
    t = report.total
    by = {
        GroupBy.DEPARTMENT: _("by department"),
        GroupBy.BUILDING: _("by building"),
        GroupBy.CATEGORY: _("by category"),
    }[report.by]
    lines = [
        _("Figures {period} · {by}", period=str(report.period), by=by),
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
        complaints = ", ".join(f"{category} {n}" for category, n in report.complaints.items())
        lines.append(_("Complaints: {complaints}", complaints=complaints))
    n = report.notices
    lines.append(_("Notices sent {notices} · reach {reach}", notices=n.notices, reach=_pct(n.reach)))
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


def to_xlsx(report: Report, label: Callable[[str], str] = str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "figures"
    sheet.append([f"{report.period}", f"by {report.by.value}"])
    sheet.append(list(COLUMNS))
    for row in rows(report, label):
        sheet.append(row)
    weeks = book.create_sheet("weeks")
    weeks.append(["week", "received", "completed"])
    for w in report.weeks:
        weeks.append([w.monday, w.received, w.completed])
    ratings = book.create_sheet("ratings")
    ratings.append(["rating", "answers"])
    for rating, count in report.ratings.items():
        ratings.append([rating, count])
    complaints = book.create_sheet("complaints")
    complaints.append(["category", "received"])
    for category, count in report.complaints.items():
        complaints.append([category, count])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_html(report: Report, _: Translator, label: Callable[[str], str] = str) -> str:
    """A self-contained page: the figures as a table and each chart embedded as a base64 PNG."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in rows(report, label)
    )
    images = "".join(
        f'<figure><img alt="{html.escape(chart.title)}" src="data:image/png;base64,'
        f'{base64.b64encode(chart_png(chart)).decode()}"></figure>'
        for chart in charts_of(report, label)
    )
    summary = html.escape(text(report, _, label)).replace("\n", "<br>")
    title = html.escape(_("Figures {period} · {by}", period=str(report.period), by=report.by.value))
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style></head><body>"
        f"<h1>{title}</h1><p>{summary}</p><table><tr>{head}</tr>{body}</table>{images}</body></html>"
    )


def department_labels(departments: dict[str, Any], language: str) -> Callable[[str], str]:
    """Group keys as people read them: a department's name in ``language``; other keys as they are."""

    def label(key: str) -> str:
        department = departments.get(key)
        return department.name(language) if department is not None else key

    return label
