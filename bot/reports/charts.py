"""The report's charts as PNG bytes: trend by week, by group (department...), satisfaction distribution.

Drawn with matplotlib's Agg backend; labels use a CJK font where one is installed. Titles and legends are in
the desk's language and carry the period; counts get whole-number ticks only.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from bot.i18n import N_, Translator
from bot.reports.figures import GroupBy, Report

matplotlib.use("Agg")  # no display: render to PNG only
# Department and category names are Chinese as often as not: prefer a CJK font where one is installed.
matplotlib.rcParams["font.sans-serif"] = [
    "Noto Sans CJK TC",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",  # the image's (Dockerfile)
    "DejaVu Sans",
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BLUE = (52, 101, 164)
GREEN = (78, 154, 6)
GREY = (120, 120, 120)
INK = (30, 30, 30)


CHART_TITLES = {
    "weeks": N_("Tickets by week (week of)"),
    GroupBy.DEPARTMENT: N_("Tickets by department"),
    GroupBy.BUILDING: N_("Tickets by building"),
    GroupBy.CATEGORY: N_("Tickets by category"),
    "ratings": N_("Satisfaction: answers per rating (1-5)"),
}


@dataclass(frozen=True)
class Chart:
    """One bar chart of counts: categories along x, one or two series of bars."""

    title: str
    labels: list[str]
    series: list[tuple[str, list[float], tuple[int, int, int]]]
    period: str = ""  # under the title


def charts_of(report: Report, _: Translator, label: Callable[[str], str] = str) -> list[Chart]:
    weeks = report.weeks
    groups = report.groups[:8]
    period = str(report.period)
    received, completed = _("Received"), _("Completed")
    return [
        Chart(
            _(CHART_TITLES["weeks"]),
            [w.monday.strftime("%m-%d") for w in weeks],
            [
                (received, [float(w.received) for w in weeks], BLUE),
                (completed, [float(w.completed) for w in weeks], GREEN),
            ],
            period,
        ),
        Chart(
            _(CHART_TITLES[report.by]),
            [label(g.key) for g in groups],
            [
                (received, [float(g.received) for g in groups], BLUE),
                (completed, [float(g.completed) for g in groups], GREEN),
            ],
            period,
        ),
        Chart(
            _(CHART_TITLES["ratings"]),
            [str(r) for r in report.ratings],
            [(_("Survey answers"), [float(n) for n in report.ratings.values()], BLUE)],
            period,
        ),
    ]


def dashboard_png(report: Report, _: Translator, label: Callable[[str], str] = str, *, title: str = "") -> bytes:
    """The three charts side by side in one PNG under ``title`` (what /report sends)."""
    return _matplotlib_png(charts_of(report, _, label), title)


def chart_png(chart: Chart) -> bytes:
    return _matplotlib_png([chart])


# -- matplotlib --------------------------------------------------------------------------------------


def _matplotlib_png(charts: Sequence[Chart], title: str = "") -> bytes:
    out = io.BytesIO()
    figure(charts, title).savefig(out, format="png")
    return out.getvalue()


def figure(charts: Sequence[Chart], title: str = "") -> Figure:
    """The charts side by side as a matplotlib figure (not drawn yet)."""
    from matplotlib.ticker import MaxNLocator

    drawing = Figure(figsize=(5 * len(charts), 4.2), dpi=100)
    axes = drawing.subplots(1, len(charts), squeeze=False)[0]
    for ax, chart in zip(axes, charts, strict=True):
        width = 0.8 / max(1, len(chart.series))
        x = np.arange(len(chart.labels))
        for i, (name, values, colour) in enumerate(chart.series):
            ax.bar(x + i * width, values, width, label=name, color=[c / 255 for c in colour])
        ax.set_xticks(x + width * (len(chart.series) - 1) / 2, chart.labels, rotation=30, ha="right", fontsize=8)
        # Counts of tickets and answers: whole numbers only, and a visible axis even when everything is 0.
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        top = max((v for _n, values, _c in chart.series for v in values), default=0)
        ax.set_ylim(0, max(1.0, top * 1.1))
        ax.set_title(chart.title if title or not chart.period else f"{chart.title}\n{chart.period}", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        if len(chart.series) > 1:
            ax.legend(fontsize=8)
    if title:
        drawing.suptitle(title, fontsize=12)
    drawing.tight_layout()
    return drawing
