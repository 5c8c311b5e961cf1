"""The hotline's webhooks: signatures checked first, retried webhooks processed once, public URL behind a proxy."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.domain.tickets import TicketKind
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeTwilio
from tests.helpers import Clock, RoundTrips
from tests.phone.conftest import HOTLINE, MRS_CHAN, PETER, Line, _line
from tests.phone.test_calls import numbers


async def _tickets_of(line: Line, phone: str) -> list[TicketKind]:
    resident = await line.desk.registry.by_phone(phone)
    assert resident is not None
    return [t.kind for t in await line.desk.tickets.list_for_resident(resident.id, open_only=False)]


async def test_a_retried_confirm_makes_one_ticket_and_the_same_answer(line: Line) -> None:
    call = await line.twilio.call(PETER, HOTLINE)
    await call.say("the light in my bathroom is broken")
    while not numbers(call.texts):
        await call.press("1")
    first = call.webhooks[-1]
    again = await line.twilio.replay_last(call, "gather")
    assert again.status == 200 and again.body == first.body  # the same TwiML, from the saved step
    assert await _tickets_of(line, PETER) == [TicketKind.REPAIR]
    await call.press("2")  # the call goes on where it was: a complaint
    assert any("complaint" in t.lower() for t in call.texts[-8:])
    await call.hangup()


async def test_each_webhook_makes_two_redis_round_trips(sqlite_line: Line) -> None:
    """The call's lock is taken with the call's and its dialog's states read, and let go with both written:
    two round trips a webhook, the status callback included (six before)."""
    phone = sqlite_line.desk.phone
    trips = RoundTrips(sqlite_line.desk.store)
    per_webhook: list[list[str]] = []
    handle, status = phone.handle, phone.status

    async def counted_handle(*args: Any, **kwargs: Any) -> Any:
        per_webhook.append(trips.watch())
        return await handle(*args, **kwargs)

    async def counted_status(*args: Any, **kwargs: Any) -> Any:
        per_webhook.append(trips.watch())
        return await status(*args, **kwargs)

    phone.handle, phone.status = counted_handle, counted_status
    call = await sqlite_line.twilio.call(MRS_CHAN, HOTLINE)
    for key in ("1", "1", "1"):  # a repair, plumbing, her unit
        await call.press(key)
    await call.say("廚房水龍頭漏水")
    for key in ("1", "1"):  # normal urgency, confirm
        await call.press(key)
    assert numbers(call.texts)
    await call.silence()
    assert call.ended
    await sqlite_line.settle()
    assert len(per_webhook) >= 8  # the call, six answers, the silence, the status callback
    assert all(len(webhook) == 2 for webhook in per_webhook), per_webhook


async def test_a_retried_first_webhook_and_status_callback_are_processed_once(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    again = await line.twilio.replay_last(call, "voice")
    assert again.status == 200 and again.body == call.webhooks[0].body
    await call.press("1")
    await call.press("1")
    await call.hangup()
    await call.finished()
    await line.twilio.replay_last(call, "status")
    await line.settle()
    assert await _tickets_of(line, MRS_CHAN) == [TicketKind.ENQUIRY]  # one abandoned-call entry, not two


async def test_forged_and_unsigned_webhooks_get_403_and_change_nothing(
    sqlite_line: Line, caplog: pytest.LogCaptureFixture
) -> None:
    line = sqlite_line
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    menu = call.webhooks[-1]
    caplog.set_level(logging.WARNING)
    forged = await line.twilio.forge(call, url=f"{line.url}/phone/input?s=1", params={**menu.params, "Digits": "9"})
    assert forged.status == 403
    unsigned = await line.twilio.forge(
        call, url=f"{line.url}/phone/input?s=1", params={**menu.params, "Digits": "9"}, signature=None
    )
    assert unsigned.status == 403
    tampered = await line.twilio.forge(
        call,
        url=f"{line.url}/phone/input?s=1",
        params={**menu.params, "Digits": "9"},
        signed_params={**menu.params, "Digits": "1"},
    )
    assert tampered.status == 403
    status = await line.twilio.forge(
        call, url=f"{line.url}/phone/status", params={**menu.params, "CallStatus": "completed"}
    )
    assert status.status == 403
    assert sum("signature" in r.getMessage() for r in caplog.records) == 4
    assert await _tickets_of(line, MRS_CHAN) == []  # no emergency was opened by the forgeries
    await call.press("1")  # the real call is unaffected
    assert call.gather is not None
    await call.hangup()


async def test_signatures_are_checked_against_the_public_url_behind_a_proxy(
    tmp_path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    public = "https://desk.example.org/hotline"
    monkeypatch.setenv("ESTATEDESK_PHONE_PUBLIC_URL", public)
    async for line in _line("sqlite", tmp_path, clock, monkeypatch):
        line.twilio.add_number(HOTLINE, voice_url=f"{public}/phone/voice", status_callback=f"{public}/phone/status")
        line.twilio.route(public, line.url)
        call = await line.twilio.call(PETER, HOTLINE)
        assert call.gather is not None and "Peter" in call.texts[0]
        await call.press("1")
        assert call.gather is not None
        # Signed for the local address instead of the public one: refused.
        local = await line.twilio.forge(
            call,
            url=f"{public}/phone/input?s=2",
            params=call.webhooks[-1].params,
            signature=FakeTwilio(auth_token=DEFAULT_AUTH_TOKEN).validator.compute_signature(
                f"{line.url}/phone/input?s=2", call.webhooks[-1].params
            ),
        )
        assert local.status == 403
        await call.hangup()
