"""``estatedesk demo --terminal`` plays its script on a scratch database: the browser demo's data is never touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli import main


def test_the_terminal_demo_leaves_the_browser_demos_database_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ESTATEDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ESTATEDESK_CONFIG", raising=False)
    browser_demo = tmp_path / "var" / "demo.sqlite3"
    browser_demo.parent.mkdir()
    with sqlite3.connect(browser_demo) as conn:
        conn.execute("CREATE TABLE kept (body TEXT)")
        conn.execute("INSERT INTO kept VALUES ('the browser demo was here')")
    before = browser_demo.read_bytes()

    assert main(["--log-level", "WARNING", "demo", "--terminal"]) == 0
    out = capsys.readouterr().out
    assert "R-000001" in out  # the scripted leak became the first ticket of an empty database
    assert browser_demo.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "var").iterdir()) == ["demo.sqlite3"]
