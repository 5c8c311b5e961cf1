"""``estatedesk survey create / send / results`` against a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

QUESTIONNAIRE = """
title = {en = "Satisfaction", zh-Hant = "滿意度"}
[[questions]]
kind = "rating"
text = {en = "How is the lift?", zh-Hant = "升降機好嗎？"}
[[questions]]
kind = "choice"
text = "Would you recommend us?"
options = ["Yes", "No"]
"""


def test_create_send_and_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    path = tmp_path / "q.toml"
    path.write_text(QUESTIONNAIRE, encoding="utf-8")
    assert main(["survey", "create", str(path)]) == 0
    assert "questionnaire 1 created with 2 questions" in capsys.readouterr().out
    assert main(["survey", "send", "1", "--audience", "building:3"]) == 0
    assert "0 new recipients queued (0 in the audience)" in capsys.readouterr().out
    assert main(["survey", "results", "1"]) == 0
    out = capsys.readouterr().out
    assert "Q1 (rating) How is the lift?  answers=0" in out and "Yes: 0" in out
    assert main(["survey", "send", "1", "--audience", "floor:3"]) == 2
    assert "unknown audience" in capsys.readouterr().err


def test_a_broken_questionnaire_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    path = tmp_path / "bad.toml"
    path.write_text('title = "x"\n[[questions]]\nkind = "choice"\ntext = "one option"\noptions = ["a"]\n')
    assert main(["survey", "create", str(path)]) == 2
    assert "2 to 8 options" in capsys.readouterr().err
