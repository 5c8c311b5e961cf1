"""The report's charts as PNG bytes: trend by week, by group (department...), satisfaction distribution.

matplotlib (Agg backend) draws them when it is installed; without it a small built-in rasteriser
(numpy, a 3x5 pixel font, zlib) draws plain bar charts, so reports never lose their charts.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.reports.figures import Report

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
    charts = charts_of(report, label)
    try:
        return _matplotlib_png(charts)
    except ImportError:
        return _raster_png(charts)


def chart_png(chart: Chart) -> bytes:
    try:
        return _matplotlib_png([chart])
    except ImportError:
        return _raster_png([chart])


# -- matplotlib --------------------------------------------------------------------------------------


def _matplotlib_png(charts: Sequence[Chart]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
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


# -- the fallback rasteriser --------------------------------------------------------------------------

# 3x5 glyphs, rows top to bottom; lower case is drawn as upper case.
_FONT = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001010010010",
    "8": "111101111101111", "9": "111101111001111", "A": "010101111101101", "B": "110101110101110",
    "C": "011100100100011", "D": "110101101101110", "E": "111100110100111", "F": "111100110100100",
    "G": "011100101101011", "H": "101101111101101", "I": "111010010010111", "J": "001001001101010",
    "K": "101101110101101", "L": "100100100100111", "M": "101111111101101", "N": "110101101101101",
    "O": "010101101101010", "P": "110101110100100", "Q": "010101101110011", "R": "110101110101101",
    "S": "011100010001110", "T": "111010010010010", "U": "101101101101111", "V": "101101101101010",
    "W": "101101111111101", "X": "101101010101101", "Y": "101101010010010", "Z": "111001010100111",
    "-": "000000111000000", "/": "001001010100100", ".": "000000000000010", "%": "101001010100101",
    ":": "000010000010000", "_": "000000000000111", "(": "010100100100010", ")": "010001001001010",
    " ": "000000000000000",
}  # fmt: skip
_SCALE = 2
W, H = 420, 300


def _text(canvas: np.ndarray, x: int, y: int, text: str, colour: tuple[int, int, int] = INK) -> None:
    for ch in text.upper():
        glyph = _FONT.get(ch, _FONT["-"] if not ch.isspace() else _FONT[" "])
        for i, bit in enumerate(glyph):
            if bit == "1":
                r, c = divmod(i, 3)
                y0, x0 = y + r * _SCALE, x + c * _SCALE
                canvas[y0 : y0 + _SCALE, x0 : x0 + _SCALE] = colour
        x += 4 * _SCALE
        if x >= canvas.shape[1] - 4 * _SCALE:
            return


def _panel(chart: Chart) -> np.ndarray:
    canvas = np.full((H, W, 3), 255, dtype=np.uint8)
    _text(canvas, 10, 8, chart.title)
    left, right, top, bottom = 40, W - 10, 40, H - 40
    canvas[top:bottom, left] = GREY
    canvas[bottom, left:right] = GREY
    peak = max([max(values, default=0.0) for _n, values, _c in chart.series] + [1.0])
    _text(canvas, 4, top, _short(peak))
    _text(canvas, 4, bottom - 10, "0")
    slots = max(1, len(chart.labels))
    slot = (right - left - 4) / slots
    bar = max(1, int(slot * 0.8 / max(1, len(chart.series))))
    for i, label in enumerate(chart.labels):
        x0 = left + 4 + int(i * slot)
        for j, (_name, values, colour) in enumerate(chart.series):
            height = int((bottom - top) * values[i] / peak) if i < len(values) else 0
            canvas[bottom - height : bottom, x0 + j * bar : x0 + (j + 1) * bar - 1] = colour
        _text(canvas, x0, bottom + 6 + (i % 2) * 12, label[: max(1, int(slot) // (4 * _SCALE))])
    for k, (name, _values, colour) in enumerate(chart.series):
        canvas[22 + k * 12 : 30 + k * 12, right - 100 : right - 92] = colour
        _text(canvas, right - 88, 22 + k * 12, name)
    return canvas


def _short(value: float) -> str:
    return f"{value / 1000:.1f}K" if value >= 1000 else f"{value:g}"


def _raster_png(charts: Sequence[Chart]) -> bytes:
    image = np.concatenate([_panel(chart) for chart in charts], axis=1)
    return encode_png(image)


def encode_png(image: np.ndarray) -> bytes:
    """An RGB uint8 array as PNG bytes (no filter, zlib-compressed)."""
    height, width, _ = image.shape
    raw = b"".join(b"\x00" + image[row].tobytes() for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
