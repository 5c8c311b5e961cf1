"""Corrections are kept where people correct the understander: a staff transfer to another department, and a
resident changing the category the bot pre-filled on the summary (issue 11). Real desk, fake Telegram."""

from __future__ import annotations

from bot.demo.harness import Harness
from dialogs.understanding import Correction, Intent
from integrations.sql.corrections import SqlCorrections
from tests.e2e.talk import last_number, press
from tests.e2e.talk import link as linked
from tests.e2e.test_staff_desk import CHAN, CHRIS, ENGINEERING, report_leak


async def corrections(h: Harness) -> list[Correction]:
    store = h.desk.services.corrections
    assert isinstance(store, SqlCorrections)
    return await store.listing()


async def test_a_transfer_to_another_department_is_kept_as_a_correction(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    number = await report_leak(h, CHAN)
    assert await corrections(h) == []
    await press(h, CHRIS, ENGINEERING, "Transfer…")
    await press(h, CHRIS, ENGINEERING, "Cleaning")  # cleaning owns one repair category: common areas
    [kept] = await corrections(h)
    assert (kept.text, kept.intent, kept.category) == ("3棟502廚房漏水", Intent.REPAIR, "common_area")
    assert (kept.source, kept.actor, kept.ticket, kept.reviewed) == ("transfer", f"staff:{CHRIS}", number, False)


async def test_a_resident_changing_the_pre_filled_category_is_kept_as_a_correction(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水"))  # pre-filled: plumbing
    await press(h, CHAN, CHAN, "略過相片")
    await press(h, CHAN, CHAN, "一般")
    await press(h, CHAN, CHAN, "修改")
    await press(h, CHAN, CHAN, "類別")
    await press(h, CHAN, CHAN, "其他")
    await press(h, CHAN, CHAN, "確認")
    number = last_number(h, CHAN)
    [kept] = await corrections(h)
    assert (kept.text, kept.intent, kept.category, kept.source, kept.ticket) == (
        "3棟502廚房漏水",
        Intent.REPAIR,
        "other",
        "resident",
        number,
    )
    assert kept.actor.startswith("resident:")


async def test_confirming_the_pre_filled_category_keeps_no_correction(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await report_leak(h, CHAN)
    assert await corrections(h) == []
