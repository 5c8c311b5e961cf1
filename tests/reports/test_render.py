"""The report as managers hand it to the owners' committee: translated, percentages, titled, readable on a phone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_config
from bot.domain.residents import Language
from bot.i18n import Translator
from bot.reports.charts import charts_of, figure
from bot.reports.figures import GroupBy, Report
from bot.reports.render import group_labels, to_html
from integrations.sql.database import Database
from integrations.sql.reports import SqlReports
from tests.reports.fixture import NOVEMBER, load_fixture

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "reports"
ESTATE = load_config(None)


async def november(db: Database, by: GroupBy) -> Report:
    await load_fixture(db)
    return await SqlReports(db).report(NOVEMBER, by)


async def test_charts_count_in_whole_numbers_and_name_the_period(sqlite_database: Database) -> None:
    report = await november(sqlite_database, GroupBy.CATEGORY)
    _ = Translator(Language.EN)
    charts = charts_of(report, _, group_labels(report.by, ESTATE.routing.departments, _))
    drawing = figure(charts)
    drawing.canvas.draw()  # type: ignore[no-untyped-call]
    for ax, chart in zip(drawing.axes, charts, strict=True):
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), (chart.title, ticks)
        assert "2026-11-01 – 2026-11-30" in ax.get_title()
    assert [ax.get_title().splitlines()[0] for ax in drawing.axes] == [
        "Tickets by week (week of)",
        "Tickets by category",
        "Satisfaction: answers per rating (1-5)",
    ]
    labels = [t.get_text() for t in drawing.axes[1].get_xticklabels()]
    assert "Repair · Plumbing / leak" in labels and not [x for x in labels if "repair/" in x]
    legend = drawing.axes[0].get_legend()
    assert legend is not None and [t.get_text() for t in legend.get_texts()] == ["Received", "Completed"]


async def test_the_page_in_traditional_chinese(sqlite_database: Database) -> None:
    report = await november(sqlite_database, GroupBy.CATEGORY)
    _ = Translator(Language.ZH_HANT)
    page = to_html(report, _, group_labels(report.by, ESTATE.routing.departments, _), estate="海景花園")
    assert '<html lang="zh-Hant">' in page
    assert "<h1>海景花園</h1>" in page
    for heading in ("完成率", "回訪率", "滿意率", "合計"):
        assert heading in page
    assert "報修 · 水喉 / 漏水" in page and "repair/" not in page


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async_api = pytest.importorskip("playwright.async_api")
    async with async_api.async_playwright() as playwright:
        try:
            launched = await playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
        except Exception as exc:  # no binary, missing libraries
            pytest.skip(f"headless Chromium cannot be launched ({type(exc).__name__})")
        try:
            yield launched
        finally:
            await launched.close()


async def test_the_page_reads_on_a_phone(sqlite_database: Database, browser: Any) -> None:
    report = await november(sqlite_database, GroupBy.DEPARTMENT)
    _ = Translator(Language.EN)
    page_html = to_html(report, _, group_labels(report.by, ESTATE.routing.departments, _), estate=ESTATE.name)
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    await page.set_content(page_html)
    # Nothing is cut off: no sideways scrolling, every chart within the screen.
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    widths = await page.eval_on_selector_all("img", "imgs => imgs.map(i => i.getBoundingClientRect().right)")
    assert len(widths) == 3 and max(widths) <= 390
    # Each group is a card whose figures carry their headings.
    rate = page.locator('tr.total td[data-label="Completion rate"]')
    assert await rate.inner_text() == "70%"
    shown = await rate.evaluate("td => getComputedStyle(td, '::before').content")
    assert shown == '"Completion rate"'  # the heading beside the figure, in the card
    assert not await page.locator("thead").is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)
    await page.set_viewport_size({"width": 1280, "height": 900})
    await page.screenshot(path=str(ARTIFACTS / "report-desktop.png"), full_page=True)
