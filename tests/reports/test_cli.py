"""``estatedesk report`` writes a valid file in every format, from the hand-checked fixture (SQLite)."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import main
from bot.reports.charts import PNG_SIGNATURE
from integrations.sql.database import Database
from integrations.sql.readiness import DatabaseNotReady, require_desk_data
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
    assert [r["group"] for r in rows] == ["3", "1", "2", "A", "No unit (common areas)", "TOTAL"]
    assert rows[-1]["received"] == "10" and rows[-1]["completed"] == "7" and rows[-1]["completion_rate"] == "0.7"
    assert rows[-1]["median_resolution_h"] == "24.0"


def test_xlsx(estate_db: Path) -> None:
    out = estate_db / "november.xlsx"
    assert main(["report", *NOVEMBER, "--by", "category", "--format", "xlsx", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Figures", "Weeks", "Ratings", "Complaints"]
    sheet = book["Figures"]
    figures = list(sheet.iter_rows(values_only=True))
    # One title: the estate, the period and the grouping, as the owners' committee reads it.
    assert figures[0][0] == "Harbour View Gardens · Figures 2026-11-01 – 2026-11-30 · by category"
    assert figures[1][:4] == ("Group", "Received", "Completed", "Completion rate")
    assert not {"completion_rate", "on_time_rate", "group"} & set(figures[1])  # no machine keys
    assert figures[-1][:4] == ("Total", 10, 7, 0.7)
    total = sheet.max_row
    assert sheet.cell(total, 4).number_format == "0%"  # a rate is a number shown as a percentage
    groups = [row[0] for row in figures[2:-1]]
    assert "Repair · Plumbing / leak" in groups and "Complaint · Noise" in groups
    assert not [g for g in groups if "/" in g.split(" · ")[0]]  # no "repair/plumbing" keys
    assert ("Noise", 2) in list(book["Complaints"].iter_rows(values_only=True))


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
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<td data-label="Group">Total</td><td data-label="Received">10</td><td data-label="Completed">7</td>' in page
    assert '<td data-label="Completion rate">70%</td>' in page
    assert "<title>Harbour View Gardens · Figures 2026-11-01 – 2026-11-30 · by department</title>" in page
    body = page.split("<body>", 1)[1]
    assert body.count("Figures 2026-11-01 – 2026-11-30") == 1  # the title once, not again in the summary
    for machine in ("completion_rate", "on_time_rate", "TOTAL", "0.7<", "0.7143"):
        assert machine not in body


def test_binary_formats_need_a_file(estate_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *NOVEMBER, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_a_period_ending_before_it_starts_is_refused(estate_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--from", "2026-11-30", "--to", "2026-11-01"]) == 2
    assert "before it starts" in capsys.readouterr().err


# -- reading commands never create, migrate or read an empty database --------------------------------

READING_COMMANDS = [
    ["report", *NOVEMBER],
    ["survey", "results", "1"],
    ["notice", "status", "1"],
    # Lists of what the running desk set aside: a database with none yet is fine, a missing one is not.
    ["deadletters"],
    ["audit"],
    ["nlu", "corrections"],
]


@pytest.mark.parametrize("argv", READING_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_without_a_database_setting_nothing_is_created(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ESTATEDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ESTATEDESK_CONFIG", raising=False)
    assert main(argv) == 1
    said = capsys.readouterr()
    assert "there is no database at sqlite:///var/estatedesk.sqlite3" in said.err
    assert "ESTATEDESK_DATABASE_URL" in said.err and "sqlite:///var/demo.sqlite3" in said.err
    assert said.out == ""  # no figures, no zeros
    assert not (tmp_path / "var" / "estatedesk.sqlite3").exists()


def test_a_migrated_but_empty_database_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite3"

    async def migrate() -> None:
        db = Database(f"sqlite:///{path}")
        try:
            await db.migrate()
        finally:
            await db.dispose()

    asyncio.run(migrate())
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{path}")
    assert main(["report", *NOVEMBER]) == 1
    said = capsys.readouterr()
    assert "is empty (no residents, tickets, questionnaires or notices)" in said.err and said.out == ""


def test_a_foreign_or_older_database_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "notes.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{foreign}")
    assert main(["report", *NOVEMBER]) == 1
    assert "has no estatedesk tables" in capsys.readouterr().err
    with sqlite3.connect(foreign) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]

    older = tmp_path / "older.sqlite3"

    async def migrate() -> None:
        db = Database(f"sqlite:///{older}")
        try:
            await db.migrate("0006")
        finally:
            await db.dispose()

    asyncio.run(migrate())
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{older}")
    assert main(["report", *NOVEMBER]) == 1
    err = capsys.readouterr().err
    assert "is at schema 0006" in err and "run `estatedesk migrate` first" in err


async def test_readiness_on_both_databases(sql_database: Database) -> None:
    with pytest.raises(DatabaseNotReady, match="is empty"):
        await require_desk_data(sql_database)
    await load_fixture(sql_database)
    await require_desk_data(sql_database)  # residents and tickets: ready
