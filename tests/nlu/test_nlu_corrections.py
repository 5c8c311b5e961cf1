"""Corrections by staff and residents: stored with who and when, listed and exported for review, and once
reviewed, trained on at start-up so that a similar message is read the corrected way."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import reviewed_corrections
from bot.cli import write_corrections
from bot.config import load_config
from bot.domain.tickets import TicketKind
from bot.nlu.corrections import MAX_CORRECTIONS, label_for_department, training_examples
from bot.nlu.dataset import load_examples, shipped_training_data
from bot.nlu.model import BuiltinUnderstander
from dialogs.understanding import Correction, Intent
from integrations.sql.corrections import SqlCorrections
from integrations.sql.database import Database
from integrations.sql.testing import scratch_database

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def correction(text: str, intent: Intent, category: str | None, **kw: object) -> Correction:
    fields: dict[str, object] = {"source": "transfer", "actor": "staff:9101", "ticket": "R-000001", "at": AT}
    fields.update(kw)
    return Correction(text, intent, category, **fields)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgres"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    async with scratch_database(request.param, tmp_path) as database:
        yield database  # type: ignore[misc]


# About 6,000 lines of the shipped training data, evenly spread (as many as the whole shipped data had in its sixth
# round): a model of the same kind as the shipped one that trains in a tenth of the time, since each test here trains
# one with its corrections. A share of the data would grow with it (a quarter was 14,000 lines by the fortieth round).
SUBSET_SIZE = 6_000
_SHIPPED_DATA = shipped_training_data()
SUBSET = _SHIPPED_DATA[:: max(1, len(_SHIPPED_DATA) // SUBSET_SIZE)]


@pytest.fixture(scope="module")
def base() -> BuiltinUnderstander:
    return BuiltinUnderstander(SUBSET)


async def test_a_reviewed_correction_changes_the_next_prediction_of_a_similar_message(
    db: Database, base: BuiltinUnderstander
) -> None:
    similar = "天台水箱蓋生鏽鬆咗"
    assert base.understand_now(similar).category != "common_area"
    store = SqlCorrections(db)
    await store.add(correction("天台水箱個蓋生鏽甩咗", Intent.REPAIR, "common_area"))
    # Not reviewed yet: it does not train anything.
    assert await reviewed_corrections(db) == []
    [stored] = await store.listing()
    assert (stored.actor, stored.source, stored.ticket, stored.at, stored.reviewed) == (
        "staff:9101",
        "transfer",
        "R-000001",
        AT,
        False,
    )
    assert await store.mark_reviewed([stored.id or 0]) == 1
    taught = BuiltinUnderstander(SUBSET, corrections=await reviewed_corrections(db))
    assert taught.understand_now(similar).category == "common_area"


async def test_a_complaint_category_is_learnt_too(base: BuiltinUnderstander) -> None:
    similar = "會所咖啡機啲咖啡好難飲"
    before = base.understand_now(similar)
    assert (before.intent, before.category) != (Intent.COMPLAINT, "staff")
    taught = BuiltinUnderstander(
        SUBSET,
        corrections=training_examples(
            [correction("會所咖啡機沖出嚟啲咖啡難飲到極", Intent.COMPLAINT, "staff", reviewed=True)]
        ),
    )
    after = taught.understand_now(similar)
    assert (after.intent, after.category) == (Intent.COMPLAINT, "staff")


def test_invalid_corrections_are_skipped_and_the_newest_are_capped() -> None:
    bad = correction("lift noisy", Intent.REPAIR, "noise", reviewed=True)  # noise is no repair category
    assert training_examples([bad]) == []
    many = [
        correction(f"message {i}", Intent.OTHER, None, reviewed=True, at=AT.replace(minute=i % 60, hour=i // 60 % 24))
        for i in range(MAX_CORRECTIONS + 20)
    ]
    examples = training_examples(many)
    assert len({e.text for e in examples}) == MAX_CORRECTIONS
    assert "message 0" not in {e.text for e in examples}


async def test_unreadable_corrections_never_stop_start_up(tmp_path: Path) -> None:
    broken = Database(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}")
    try:
        assert await reviewed_corrections(broken) == []  # no table: logged, the shipped data is used
    finally:
        await broken.dispose()


def test_a_transfer_label_is_the_one_category_the_department_owns() -> None:
    routing = load_config(None).routing
    assert label_for_department(routing, TicketKind.REPAIR, "cleaning") == (Intent.REPAIR, "common_area")
    assert label_for_department(routing, TicketKind.COMPLAINT, "cleaning") == (Intent.COMPLAINT, "cleanliness")
    # Security owns several complaint categories and no repair: nothing certain.
    assert label_for_department(routing, TicketKind.REPAIR, "security") is None


async def test_listing_and_export(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = SqlCorrections(db)
    await store.add(correction("大堂地磚鬆咗", Intent.REPAIR, "common_area", source="resident", actor="resident:3"))
    corrections = await store.listing()
    assert write_corrections(corrections, None) == 0
    line = capsys.readouterr().out.strip()
    assert "repair/common_area" in line and "resident:3" in line and "大堂地磚鬆咗" in line and "new" in line
    out = tmp_path / "corrections.jsonl"
    assert write_corrections(corrections, str(out)) == 0
    [record] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (record["by"], record["source"], record["reviewed"]) == ("resident:3", "resident", False)
    assert [e.category for e in load_examples(out)] == ["common_area"]  # the export is training data as it is
    assert write_corrections(corrections, str(tmp_path / "no" / "such" / "dir.jsonl")) == 2
