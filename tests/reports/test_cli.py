"""``estatedesk report`` writes a valid file in every format, from the hand-checked fixture (SQLite)."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import main
from bot.reports.charts import PNG_SIGNATURE
from integrations.sql.database import Database
from tests.reports.fixture import load_fixture

NOVEMBER = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture
def estate_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "estatedesk.sqlite3"

    async def fill() -> None:
        db = Database(f"sqlite:///{path}")
        try:
            await db.migrate()
            await load_fixture(db)
        finally:
            await db.dispose()

    asyncio.run(fill())
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("ESTATEDESK_CONFIG", raising=False)
    return tmp_path


def test_text_goes_to_stdout(estate_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *NOVEMBER]) == 0
    out = capsys.readouterr().out
    assert "Received 10 · completed 7 (70%) · on time 71%" in out
    assert "Engineering: 4 received · 2 done (50%)" in out  # the department's name from the demo estate


def test_csv(estate_db: Path) -> None:
    out = estate_db / "november.csv"
    assert main(["report", *NOVEMBER, "--by", "building", "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["group"] for r in rows] == ["3", "1", "2", "A", "-", "TOTAL"]
    assert rows[-1]["received"] == "10" and rows[-1]["completed"] == "7" and rows[-1]["completion_rate"] == "0.7"
    assert rows[-1]["median_resolution_h"] == "24.0"


def test_xlsx(estate_db: Path) -> None:
    out = estate_db / "november.xlsx"
    assert main(["report", *NOVEMBER, "--by", "category", "--format", "xlsx", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["figures", "weeks", "ratings", "complaints"]
    figures = list(book["figures"].iter_rows(values_only=True))
    assert figures[1][:3] == ("group", "received", "completed")
    assert figures[-1][:3] == ("TOTAL", 10, 7)
    assert ("noise", 2) in list(book["complaints"].iter_rows(values_only=True))


def test_png(estate_db: Path) -> None:
    out = estate_db / "november.png"
    assert main(["report", *NOVEMBER, "--format", "png", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 1000


def test_html_embeds_the_charts(estate_db: Path) -> None:
    out = estate_db / "november.html"
    assert main(["report", *NOVEMBER, "--format", "html", "--out", str(out)]) == 0
    page = out.read_text()
    assert page.startswith("<!doctype html>")
    assert page.count('<img alt="') == 3 and page.count("data:image/png;base64,iVBORw0KGgo") == 3
    assert "<td>TOTAL</td><td>10</td><td>7</td>" in page


def test_binary_formats_need_a_file(estate_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *NOVEMBER, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_a_period_ending_before_it_starts_is_refused(estate_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--from", "2026-11-30", "--to", "2026-11-01"]) == 2
    assert "before it starts" in capsys.readouterr().err
