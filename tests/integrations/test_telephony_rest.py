"""The outbound REST client (integrations/telephony/rest.py) against the fake provider's REST API."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest

from bot.errors import BackendUnavailable
from integrations.telephony.rest import OutboundRefused, TwilioOutbound
from integrations.telephony_fake import FakeTwilio
from integrations.telephony_fake.testing import fake_twilio_fixture  # noqa: F401 - the fixture

HOTLINE = "+85230001234"
MEI = "+85291234567"


@pytest.fixture
async def outbound(fake_twilio: FakeTwilio) -> AsyncIterator[TwilioOutbound]:
    fake_twilio.add_number(HOTLINE, voice_url="http://127.0.0.1:9/voice")
    client = TwilioOutbound(fake_twilio.account_sid, fake_twilio.auth_token, base_url=fake_twilio.url)
    yield client
    await client.close()


async def test_a_call_is_placed_with_status_callbacks(fake_twilio: FakeTwilio, outbound: TwilioOutbound) -> None:
    fake_twilio.answer(MEI, "busy")
    placed = await outbound.place_call(MEI, HOTLINE, "https://desk.example.com/phone/followup", ring_seconds=25)
    assert placed.sid.startswith("CA") and placed.status == "queued"
    call = await (await fake_twilio.next_call(to=MEI)).finished()
    assert call.sid == placed.sid and call.status == "busy"


async def test_a_text_is_sent(fake_twilio: FakeTwilio, outbound: TwilioOutbound) -> None:
    placed = await outbound.send_sms(MEI, "工單 T-42 已完成", from_=HOTLINE)
    sms = await fake_twilio.next_message(to=MEI)
    assert (sms.sid, sms.body, sms.from_) == (placed.sid, "工單 T-42 已完成", HOTLINE)


async def test_what_the_provider_refuses_for_good_is_outbound_refused(
    fake_twilio: FakeTwilio, outbound: TwilioOutbound
) -> None:
    with pytest.raises(OutboundRefused) as bad_number:
        await outbound.place_call("9123 4567", HOTLINE, "https://desk.example.com/phone/followup")
    assert bad_number.value.code == 21211 and not bad_number.value.unsubscribed
    fake_twilio.opt_out(MEI)
    with pytest.raises(OutboundRefused) as stopped:
        await outbound.send_sms(MEI, "hello", from_=HOTLINE)
    assert stopped.value.unsubscribed
    assert fake_twilio.calls == [] and fake_twilio.messages == []


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_an_overloaded_or_failing_provider_is_backend_unavailable(
    fake_twilio: FakeTwilio, outbound: TwilioOutbound, status: int
) -> None:
    fake_twilio.rest_outage(1, status=status)
    with pytest.raises(BackendUnavailable):
        await outbound.send_sms(MEI, "hello", from_=HOTLINE)
    await outbound.send_sms(MEI, "hello again", from_=HOTLINE)  # the outage is over
    assert [m.body for m in fake_twilio.messages] == ["hello again"]


async def test_an_unreachable_provider_is_backend_unavailable(fake_twilio: FakeTwilio) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = TwilioOutbound(fake_twilio.account_sid, fake_twilio.auth_token, base_url=f"http://127.0.0.1:{port}")
    try:
        with pytest.raises(BackendUnavailable):
            await client.place_call(MEI, HOTLINE, "https://desk.example.com/phone/followup")
    finally:
        await client.close()


async def test_wrong_credentials_are_refused_not_retried(fake_twilio: FakeTwilio) -> None:
    client = TwilioOutbound(fake_twilio.account_sid, "wrong-token", base_url=fake_twilio.url)
    try:
        with pytest.raises(OutboundRefused) as refused:
            await client.send_sms(MEI, "hello", from_=HOTLINE)
    finally:
        await client.close()
    assert refused.value.code == 20003 and refused.value.status == 401
