"""Linking a Telegram account to a home, and the commands every resident can use."""

from __future__ import annotations

from dialogs.engine import Engine
from dialogs.events import EventKind, Inbound
from tests.helpers import MRS_CHAN, PETER, ChatDriver, texts


async def test_start_asks_for_the_contact_in_the_residents_language(chan: ChatDriver) -> None:
    out = await chan.command("start")
    assert "歡迎使用" in texts(out)
    assert out.replies[-1].contact_button == "分享我的電話號碼"


async def test_own_contact_links_the_chat_and_shows_the_menu(chan: ChatDriver) -> None:
    await chan.command("start")
    out = await chan.contact("85291234567")  # as Telegram sends it: no plus sign
    assert "陳太太" in texts(out) and "3-502" in texts(out)
    assert out.replies[0].remove_keyboard
    assert chan.buttons() == ["報修", "我的賬單", "投訴", "我的工單"]


async def test_someone_elses_contact_is_refused(chan: ChatDriver) -> None:
    await chan.command("start")
    out = await chan.contact(MRS_CHAN, own=False)
    assert "不是您本人" in texts(out)
    out = await chan.text("91234567")
    assert "手動輸入的號碼無法核實" in texts(out)
    out = await chan.command("mytickets")  # still not linked: asked again
    assert out.replies[-1].contact_button


async def test_unknown_number_becomes_a_verification_request(peter: ChatDriver, engine: Engine) -> None:
    await peter.command("start")
    out = await peter.contact("+852 5999 0000")
    assert "V-000001" in texts(out)
    assert "+85259990000" in texts(out)
    ticket = await engine.services.tickets.get("V-000001")
    assert ticket is not None and ticket.contact_phone == "+85259990000"
    assert ticket.department == "service_desk"
    again = await peter.text("hello?")
    assert "V-000001" in texts(again)  # the same request, not a new one
    assert await engine.services.tickets.get("V-000002") is None


async def test_language_follows_registry_then_can_be_switched(peter: ChatDriver) -> None:
    peter.language_code = "zh-hk"  # Telegram in Chinese, but the registry says English
    await peter.command("start")
    out = await peter.contact(PETER)
    assert "Thank you, Peter Wong" in texts(out)
    await peter.command("language")
    out = await peter.press("lang:zh-Hans")
    assert "语言已设为简体中文" in texts(out)
    out = await peter.command("start")
    assert "欢迎回来" in texts(out)


async def test_help_cancel_and_unknown_commands(chan: ChatDriver) -> None:
    await chan.command("start")
    await chan.contact(MRS_CHAN)
    out = await chan.command("help")
    assert "/repair" in texts(out)
    out = await chan.command("cancel")
    assert "沒有需要取消" in texts(out)
    out = await chan.command("frobnicate")
    assert "/frobnicate" in texts(out)
    await chan.press("menu:repair")
    out = await chan.command("cancel")
    assert "已取消" in texts(out)


async def test_a_repeated_event_is_answered_from_the_saved_turn(chan: ChatDriver, engine: Engine) -> None:
    await chan.command("start")
    first = await chan.contact(MRS_CHAN)
    assert chan.last is not None
    state = await engine.store.load(chan.chat)
    assert state is not None
    redelivered = Inbound(
        event_id=state["last_event"],
        channel="telegram",
        chat=chan.chat,
        user_id=chan.user_id,
        kind=EventKind.CONTACT,
        contact_phone=MRS_CHAN,
        contact_user_id=chan.user_id,
    )
    replay = await engine.handle(redelivered)
    assert replay.replayed
    assert [r.text for r in replay.replies] == [r.text for r in first.replies]
