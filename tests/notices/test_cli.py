"""``estatedesk notice send`` / ``status`` on SQLite and PostgreSQL: recipients fixed, schedule in estate time."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import _parser
from bot.errors import ConfigError
from bot.notices.cli import run_notice_command
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore
from integrations.sql.testing import DATABASE_KINDS, scratch_database
from tests.helpers import load_demo_estate

HK = "Asia/Hong_Kong"


@pytest.fixture(params=DATABASE_KINDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path) as database:
        registry = await load_demo_estate(database)
        for n, phone in enumerate(("+85291234567", "+85261230001", "+85251230002")):
            resident = await registry.by_phone(phone)
            assert resident is not None
            await registry.link_telegram(resident.id, 5000 + n)
        yield database


async def run(db: Database, *argv: str, upload=None) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    args = _parser().parse_args(["notice", *argv])
    assert await run_notice_command(args, db, out, timezone=HK, upload=upload) == 0
    return out.getvalue()


async def test_send_schedules_for_the_building_and_status_counts(db: Database) -> None:
    said = await run(
        db, "send", "--text", "Lift A off on Friday", "--audience", "building:3", "--at", "2026-12-03T09:00"
    )
    assert "notice 1: 1 recipients (building:3)" in said and "sending at 2026-12-03T09:00+08:00" in said  # HK time
    notice = await SqlNoticeStore(db).get(1)
    assert notice is not None and notice.scheduled_at == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert "0 / 1 sent · 0 unreachable · 1 to go" in await run(db, "status", "1")


async def test_a_photo_is_uploaded_once_and_a_bad_audience_is_refused(db: Database, tmp_path: Path) -> None:
    picture = tmp_path / "map.jpg"
    picture.write_bytes(b"\xff\xd8\xff")
    uploads: list[tuple[Path, str]] = []

    async def upload(path: Path, kind: str) -> str:
        uploads.append((path, kind))
        return "file-123"

    await run(db, "send", "--text", "Fire drill", "--audience", "everyone", "--emergency", "--photo", str(picture),
              upload=upload)  # fmt: skip
    notice = await SqlNoticeStore(db).get(1)
    assert uploads == [(picture, "photo")] and notice is not None and notice.photo == "file-123" and notice.emergency
    with pytest.raises(ConfigError, match="unknown audience"):
        await run(db, "send", "--text", "x", "--audience", "block:3")
