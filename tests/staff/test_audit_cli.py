"""``estatedesk audit`` lists refused staff attempts, newest first, with names from the estate file (SQLite)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.audit import AuditEntry, Place, Refusal
from integrations.sql.audit import SqlAuditTrail
from integrations.sql.database import Database

AT = datetime(2026, 12, 1, 13, 40, tzinfo=UTC)  # 21:40 in Hong Kong


@pytest.fixture
def audit_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "estatedesk.sqlite3"

    async def fill() -> None:
        db = Database(f"sqlite:///{path}")
        try:
            await db.migrate()
            trail = SqlAuditTrail(db)
            await trail.record(AuditEntry(AT, 4242, -1001000000002, Place.DEPARTMENT, "/queue", Refusal.NOT_STAFF))
            later = AT + timedelta(minutes=5)
            await trail.record(AuditEntry(later, 9101, -1005550000001, Place.FOREIGN, "/ticket", Refusal.WRONG_CHAT))
        finally:
            await db.dispose()

    asyncio.run(fill())
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("ESTATEDESK_CONFIG", raising=False)
    return path


def test_lists_the_newest_first(audit_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Dec 1 21:45 · Chris Wong (9101) · other group -1005550000001 · /ticket · not in this chat",
        "Dec 1 21:40 · 4242 · Engineering · /queue · not on the roster",
    ]
    assert main(["audit", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_bad_limit_is_refused(audit_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["audit", "--limit", "0"])
    assert "between 1 and 1000" in capsys.readouterr().err
