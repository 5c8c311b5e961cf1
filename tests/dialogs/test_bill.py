"""Bill enquiries show only the resident's own units."""

from __future__ import annotations

from tests.helpers import MR_LI, MRS_CHAN, ChatDriver, texts


async def test_bill_for_a_single_unit(chan: ChatDriver) -> None:
    await chan.command("start")
    await chan.contact(MRS_CHAN)
    out = await chan.press("menu:bill")
    fields = dict(out.replies[0].fields)
    assert out.replies[0].title == "3-502 的賬單"
    assert fields["管理費已繳至"] == "2026-09"
    assert fields["欠款"] == "HK$1,850.00"
    assert fields["水費預繳餘額"] == "HK$120.50"
    assert fields["電費預繳餘額"] == "\u2212HK$35.00"
    assert fields["2026-09-01 已繳"] == "管理費 HK$1,850.00"


async def test_two_units_choose_and_missing_record_is_explained(li: ChatDriver) -> None:
    await li.command("start")
    await li.contact(MR_LI)
    await li.press("menu:bill")
    assert li.buttons() == ["1-1001", "2-301"]
    out = await li.press("2-301")
    assert "暂时没有账单记录" in texts(out)
