"""The report's charts as PNG bytes: trend by week, by group (department...), satisfaction distribution.

Drawn with matplotlib's Agg backend; labels use a CJK font where one is installed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib
import numpy as np

from bot.reports.figures import Report

matplotlib.use("Agg")  # no display: render to PNG only
# Department and category names are Chinese as often as not: prefer a CJK font where one is installed.
matplotlib.rcParams["font.sans-serif"] = [
    "Noto Sans CJK TC",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "DejaVu Sans",
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BLUE = (52, 101, 164)
GREEN = (78, 154, 6)
GREY = (120, 120, 120)
INK = (30, 30, 30)


@dataclass(frozen=True)
class Chart:
    """One bar chart: categories along x, one or two series of bars."""

    title: str
    labels: list[str]
    series: list[tuple[str, list[float], tuple[int, int, int]]]


def charts_of(report: Report, label: Callable[[str], str] = str) -> list[Chart]:
    weeks = report.weeks
    groups = report.groups[:8]
    return [
        Chart(
            "Trend by week",
            [w.monday.strftime("%m-%d") for w in weeks],
            [
                ("received", [float(w.received) for w in weeks], BLUE),
                ("completed", [float(w.completed) for w in weeks], GREEN),
            ],
        ),
        Chart(
            f"By {report.by.value}",
            [label(g.key) for g in groups],
            [
                ("received", [float(g.received) for g in groups], BLUE),
                ("completed", [float(g.completed) for g in groups], GREEN),
            ],
        ),
        Chart(
            "Satisfaction (ratings)",
            [str(r) for r in report.ratings],
            [("answers", [float(n) for n in report.ratings.values()], BLUE)],
        ),
    ]


def dashboard_png(report: Report, label: Callable[[str], str] = str) -> bytes:
    """The three charts side by side in one PNG (what /report sends and the HTML report embeds)."""
    return _matplotlib_png(charts_of(report, label))


def chart_png(chart: Chart) -> bytes:
    return _matplotlib_png([chart])


# -- matplotlib --------------------------------------------------------------------------------------


def _matplotlib_png(charts: Sequence[Chart]) -> bytes:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(5 * len(charts), 4), dpi=100)
    axes = figure.subplots(1, len(charts), squeeze=False)[0]
    for ax, chart in zip(axes, charts, strict=True):
        width = 0.8 / max(1, len(chart.series))
        x = np.arange(len(chart.labels))
        for i, (name, values, colour) in enumerate(chart.series):
            ax.bar(x + i * width, values, width, label=name, color=[c / 255 for c in colour])
        ax.set_xticks(x + width * (len(chart.series) - 1) / 2, chart.labels, rotation=30, fontsize=8)
        ax.set_title(chart.title)
        if len(chart.series) > 1:
            ax.legend(fontsize=8)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
