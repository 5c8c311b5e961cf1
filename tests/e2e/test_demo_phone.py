"""The browser demo's phone: the acting person calls the hotline through the demo's fake Twilio.

The UI API (``/ui/api/phone``) without a browser, then one whole call in headless Chromium: Mrs Chan calls,
reports a leak by keypad and "speech", hears her ticket number in the captions, and Engineering sees the card.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import aiohttp

import tests.e2e.test_surveys as chat
from bot.demo.phone import UNKNOWN_CALLER
from bot.demo.web import WebDemo
from bot.domain.tickets import TicketKind
from tests.e2e.test_browser_demo import WAIT_MS, _artifact, browser, expect, open_page, shoot
from tests.e2e.test_ui_api import EventStream, demo, http

MRS_CHAN = 7001  # 3-502, Cantonese, +852 9123 4567
CHRIS = 9101  # Engineering supervisor: in the demo's people, with no phone number
ENGINEERING = -1001000000002
HOTLINE = "+85221007777"
JSON = dict[str, Any]

# The fixtures shared with the browser demo's tests: Playwright's browser, the demo and a session on its page.
__all__ = ["browser", "demo", "http"]


async def post(http: aiohttp.ClientSession, what: str, status: int = 200, **body: Any) -> JSON:
    async with http.post(f"/ui/api/phone/{what}", json=body) as response:
        answer: JSON = await response.json()
        assert response.status == status, answer
        return answer


def spoken_numbers(captions: list[JSON]) -> list[str]:
    """Ticket numbers as the hotline reads them ("R, 0 0 0, 0 0 1"), back in written form."""
    found: list[str] = []
    for caption in captions:
        for m in re.finditer(r"([A-Z]), (\d) (\d) (\d), (\d) (\d) (\d)", caption["text"]):
            number = f"{m.group(1)}-{''.join(m.groups()[1:])}"
            if number not in found:
                found.append(number)
    return found


async def test_a_call_through_the_api_opens_a_ticket_and_streams_captions(
    demo: WebDemo, http: aiohttp.ClientSession
) -> None:
    async with EventStream(http) as stream:
        call = await post(http, "call", user_id=MRS_CHAN)
        assert call["from"] == "+85291234567" and call["to"] == HOTLINE and call["waiting_for"] == "gather"
        assert "陳太太" in call["captions"][0]["text"] and call["captions"][0]["language"] == "zh-HK"
        assert "speech" in call["input"]
        await stream.wait_for(lambda name, data: name == "phone" and data["sid"] == call["sid"])

        # What she says is understood as chat text is: category, place and description from the words.
        call = await post(http, "say", user_id=MRS_CHAN, text="三座五零二廚房漏水")
        call = await post(http, "press", user_id=MRS_CHAN, keys="1")  # normal urgency
        assert any("廚房漏水" in c["text"] for c in call["captions"][-6:]), call["captions"]
        call = await post(http, "press", user_id=MRS_CHAN, keys="1")  # confirm
        [number] = spoken_numbers(call["captions"])
        ticket = await demo.desk.tickets.get(number)
        assert ticket is not None and ticket.kind is TicketKind.REPAIR and ticket.channel == "phone"
        assert ticket.place == "3-502" and ticket.category == "plumbing"
        last = await stream.wait_for(
            lambda name, data: name == "phone" and len(data["captions"]) == len(call["captions"])
        )
        assert last["user_id"] == MRS_CHAN and last["captions"] == call["captions"]

        ended = await post(http, "hangup", user_id=MRS_CHAN)
        assert ended["ended"] and ended["status"] == "completed"
    assert demo.desk.phone is not None
    await demo.desk.phone.drain()  # the card is posted after the call's turn
    await demo.desk.processor.drain()
    assert any(number in (m.text or "") for m in demo.fake.bot_messages(ENGINEERING))
    async with http.get("/ui/api/phone", params={"user_id": str(MRS_CHAN)}) as response:
        assert (await response.json())["call"]["ended"] is True


async def test_bad_phone_requests_get_a_clear_answer_and_the_call_goes_on(
    demo: WebDemo, http: aiohttp.ClientSession
) -> None:
    assert "not on a call" in (await post(http, "press", 409, user_id=MRS_CHAN, keys="1"))["error"]
    assert "user_id" in (await post(http, "call", 400, user_id="someone"))["error"]
    assert "nobody" in (await post(http, "call", 404, user_id=1))["error"]
    async with http.post("/ui/api/phone/call", data=b"not json") as response:
        assert response.status == 400 and "JSON" in (await response.json())["error"]

    call = await post(http, "call", user_id=MRS_CHAN)
    heard = len(call["captions"])
    assert "already on a call" in (await post(http, "call", 409, user_id=MRS_CHAN))["error"]
    for keys in ("", "A", "1x", "1" * 21, 5, None):
        assert "keys" in (await post(http, "press", 400, user_id=MRS_CHAN, keys=keys))["error"]
    for text in ("", "   ", None, "漏" * 501):
        assert (await post(http, "say", 400, user_id=MRS_CHAN, text=text))["error"]
    # Nothing was sent to the desk: the call still waits at the same question.
    async with http.get("/ui/api/phone", params={"user_id": str(MRS_CHAN)}) as response:
        state = (await response.json())["call"]
    assert len(state["captions"]) == heard and state["waiting_for"] == "gather"
    assert demo.phone is not None and len(demo.phone.twilio.calls[0].webhooks) == 1
    await post(http, "hangup", user_id=MRS_CHAN)
    assert "not on a call" in (await post(http, "hangup", 409, user_id=MRS_CHAN))["error"]


async def test_someone_without_a_registered_number_calls_as_an_unknown_caller(http: aiohttp.ClientSession) -> None:
    for user_id, body in ((CHRIS, {}), (MRS_CHAN, {"unknown": True})):
        call = await post(http, "call", user_id=user_id, **body)
        assert call["from"] == UNKNOWN_CALLER
        # An unknown caller first chooses a language, in all three.
        assert "English" in " ".join(c["text"] for c in call["captions"])
        heard = len(call["captions"])
        call = await post(http, "silence", user_id=user_id)  # silence gets one repeat, not a hang-up
        assert len(call["captions"]) > heard and not call["ended"]
        assert (await post(http, "hangup", user_id=user_id))["status"] == "completed"


async def test_the_resident_calls_from_the_page_and_engineering_sees_the_ticket(browser: Any, demo: WebDemo) -> None:
    page, errors = await open_page(browser, demo)
    await page.select_option("#act-as", str(MRS_CHAN))
    await page.locator("#phone-button").click(timeout=WAIT_MS)
    panel = page.locator("#phone-panel")
    await expect(panel).to_be_visible()
    await panel.locator("#phone-dial").click()
    captions = panel.locator("#phone-captions .caption")
    await expect(captions.first).to_contain_text("陳太太", timeout=WAIT_MS)
    await expect(panel.locator("#phone-number")).to_contain_text("+85291234567")

    async def key(label: str) -> None:
        count = await captions.count()
        await panel.locator(f'.dialpad [data-key="{label}"]').click()
        await expect(captions).not_to_have_count(count, timeout=WAIT_MS)

    async def say(text: str) -> None:
        count = await captions.count()
        await page.fill("#phone-say-text", text)
        await page.locator("#phone-say button").click()
        await expect(captions).not_to_have_count(count, timeout=WAIT_MS)

    await key("1")  # report a repair
    await expect(captions.last).to_contain_text("其他請按6", timeout=WAIT_MS)  # what kind of repair?
    await say("三座五零二廚房漏水")  # understood: plumbing
    await expect(captions.last).to_contain_text("公共地方請按2", timeout=WAIT_MS)  # where?
    await key("1")  # my unit, 3-502
    await expect(captions.last).to_contain_text("描述", timeout=WAIT_MS)
    await say("廚房漏水")
    await key("1")  # normal urgency
    await expect(captions.filter(has_text="廚房漏水").last).to_be_visible(timeout=WAIT_MS)  # read back
    await key("1")  # confirm
    await expect(captions.filter(has_text=re.compile(r"R, 0 0 0, 0 0 1"))).not_to_have_count(0, timeout=WAIT_MS)
    await shoot(page, "phone-call.png")
    await panel.locator("#phone-hangup").click()
    await expect(panel.locator(".caption.ended")).to_be_visible(timeout=WAIT_MS)

    ticket = await demo.desk.tickets.get("R-000001")
    assert ticket is not None and ticket.channel == "phone" and ticket.place == "3-502"
    assert "漏水" in ticket.description
    await page.select_option("#act-as", str(CHRIS))
    await page.locator(f'.chat-item[data-chat-id="{ENGINEERING}"]').click()
    engineering = page.locator(f'.pane[data-chat-id="{ENGINEERING}"]')
    card = engineering.locator(".msg.from-bot").filter(has_text="R-000001").first
    await expect(card).to_contain_text("3-502", timeout=WAIT_MS)
    await engineering.screenshot(path=_artifact("phone-ticket-card.png"))
    assert not errors, errors


async def test_the_phone_fits_a_phone_sized_window(browser: Any, demo: WebDemo) -> None:
    page, errors = await open_page(browser, demo, width=390, height=844)
    await page.select_option("#act-as", str(MRS_CHAN))
    await page.locator("#phone-button").click(timeout=WAIT_MS)
    await page.locator("#phone-dial").click()
    await expect(page.locator("#phone-captions .caption").first).to_contain_text("陳太太", timeout=WAIT_MS)
    box = await page.locator("#phone-panel").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    for label in "123456789*0#":
        key_box = await page.locator(f'.dialpad [data-key="{label}"]').bounding_box()
        assert key_box is not None and key_box["x"] + key_box["width"] <= 390 and key_box["height"] >= 30
    await shoot(page, "phone-narrow.png")
    await page.locator("#phone-hangup").click()
    await expect(page.locator("#phone-captions .caption.ended")).to_be_visible(timeout=WAIT_MS)
    assert not errors, errors


async def test_a_follow_up_call_rings_the_residents_phone_panel(demo: WebDemo, http: aiohttp.ClientSession) -> None:
    number = await chat.resolved_leak(demo.harness)  # 陳太太's leak, claimed and resolved by Chris
    async with EventStream(http) as stream:
        # The chat survey, its reminder, then it is left for the phone; the call waits for the end of the quiet
        # hours of the estate's evening and night, so the clock moves on an hour at a time until it rings.
        for hours in (25, 49, 49, *[1] * 24):
            await demo.advance(timedelta(hours=hours))
            assert demo.phone is not None
            if any(c.to == "+85291234567" for c in demo.phone.twilio.calls):
                break
        ring = await stream.wait_for(
            lambda name, data: name == "phone" and data["user_id"] == MRS_CHAN and data["direction"] == "outbound-api"
        )
    assert ring["user_id"] == MRS_CHAN and ring["to"] == "+85291234567" and ring["from"] == HOTLINE
    assert ring["waiting_for"] == "gather" and "滿意" in ring["captions"][-1]["text"]
    call = await post(http, "press", user_id=MRS_CHAN, keys="4")
    assert "多謝" in call["captions"][-1]["text"]
    ticket = await demo.desk.tickets.get(number)
    assert ticket is not None
    answered = [e for e in ticket.events if e.action == "survey_answered"]
    assert len(answered) == 1 and answered[0].detail["rating"] == 4


async def test_the_follow_up_call_is_answered_on_the_page(browser: Any, demo: WebDemo) -> None:
    await chat.resolved_leak(demo.harness)
    page, errors = await open_page(browser, demo)
    await page.select_option("#act-as", str(MRS_CHAN))
    assert demo.phone is not None
    for hours in (25, 49, 49, *[1] * 24):
        await demo.advance(timedelta(hours=hours))
        if any(c.to == "+85291234567" for c in demo.phone.twilio.calls):
            break
    panel = page.locator("#phone-panel")
    await expect(panel.locator("#phone-status")).to_have_text("Incoming call", timeout=WAIT_MS)
    await shoot(page, "phone-incoming.png")
    await panel.locator("#phone-answer").click()
    await expect(panel.locator(".caption").last).to_contain_text("滿意", timeout=WAIT_MS)
    await panel.locator('.dialpad [data-key="5"]').click()
    await expect(panel.locator(".caption").filter(has_text="多謝")).not_to_have_count(0, timeout=WAIT_MS)
    await expect(panel.locator("#phone-status")).to_have_text("Call ended", timeout=WAIT_MS)
    assert not errors, errors
