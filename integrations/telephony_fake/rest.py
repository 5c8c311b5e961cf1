"""The fake's REST API: Twilio's 2010-04-01 Calls, Messages and Recordings resources, with basic auth."""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aiohttp import web
from multidict import MultiDictProxy

from integrations.telephony_fake.errors import RestError
from integrations.telephony_fake.model import FakeSms
from integrations.telephony_fake.twiml import E164

if TYPE_CHECKING:
    from integrations.telephony_fake.call import FakeCall
    from integrations.telephony_fake.server import FakeTwilio

MAX_SMS_BODY = 1600
_CALL_EVENTS = ("initiated", "ringing", "answered", "completed")
_MESSAGING_SERVICE = re.compile(r"^MG[0-9a-f]{32}$")

_FAKE_KEY = web.AppKey("fake_twilio", object)
API = "/2010-04-01/Accounts/{account}"


def make_app(fake: FakeTwilio) -> web.Application:
    app = web.Application(middlewares=[_errors])
    app[_FAKE_KEY] = fake
    app.router.add_post(API + "/Calls.json", _create_call)
    app.router.add_get(API + "/Calls/{sid}.json", _get_call)
    app.router.add_post(API + "/Calls/{sid}.json", _update_call)
    app.router.add_post(API + "/Messages.json", _create_message)
    app.router.add_get(API + "/Messages/{sid}.json", _get_message)
    app.router.add_get(API + "/Recordings/{sid}.json", _recording_json)
    app.router.add_get(API + "/Recordings/{sid}.wav", _recording_audio)
    app.router.add_get(API + "/Recordings/{sid}", _recording_audio)
    return app


def _fake(request: web.Request) -> FakeTwilio:
    return request.app[_FAKE_KEY]  # type: ignore[return-value]


_OUTAGE = {
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


@web.middleware
async def _errors(request: web.Request, handler: Any) -> web.StreamResponse:
    fake = _fake(request)
    try:
        if fake.outages:
            status = fake.outages.pop(0)
            code, message = _OUTAGE[status]
            raise RestError(status, code, message)
        return await handler(request)
    except RestError as exc:
        return web.json_response(exc.body(), status=exc.status)


def _authenticate(request: web.Request) -> FakeTwilio:
    """Basic auth with AccountSid:AuthToken, for the account in the path; Twilio's 20003 otherwise."""
    fake = _fake(request)
    header = request.headers.get("Authorization", "")
    user = password = ""
    if header.startswith("Basic "):
        try:
            user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            pass
    if not (hmac.compare_digest(user, fake.account_sid) and hmac.compare_digest(password, fake.auth_token)):
        raise RestError(401, 20003, "Authenticate")
    if request.match_info.get("account") != fake.account_sid:
        raise RestError(404, 20404, f"The requested resource {request.path} was not found")
    return fake


def _not_found(request: web.Request) -> RestError:
    return RestError(404, 20404, f"The requested resource {request.path} was not found")


async def _recording_json(request: web.Request) -> web.Response:
    fake = _authenticate(request)
    rec = fake.recordings.get(request.match_info["sid"])
    if rec is None:
        raise _not_found(request)
    return web.json_response(
        {
            "sid": rec.sid,
            "account_sid": rec.account_sid,
            "call_sid": rec.call_sid,
            "duration": str(rec.duration),
            "date_created": rec.date_created,
            "date_updated": rec.date_created,
            "start_time": rec.date_created,
            "status": "completed",
            "channels": 1,
            "source": rec.source,
            "media_url": rec.url,
            "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{rec.account_sid}/Recordings/{rec.sid}.json",
        }
    )


async def _recording_audio(request: web.Request) -> web.Response:
    """The recording as WAV (Twilio serves WAV at the bare RecordingUrl and at ``.wav``)."""
    fake = _authenticate(request)
    rec = fake.recordings.get(request.match_info["sid"])
    if rec is None:
        raise _not_found(request)
    return web.Response(body=rec.audio, content_type="audio/x-wav")


# --- calls ------------------------------------------------------------------------------------------------


def _absolute_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)


def _text(form: MultiDictProxy[Any], name: str, default: str | None = None) -> Any:
    """A form field as text (a field sent as a file upload reads as its name, never as bytes)."""
    value = form.get(name, default)
    return value if value is None or isinstance(value, str) else str(getattr(value, "filename", value))


def _method(form: MultiDictProxy[Any], name: str) -> str:
    value = str(_text(form, name, "POST")).upper()
    if value not in ("GET", "POST"):
        raise RestError(400, 21204, f"{name} must be GET or POST, not {value!r}")
    return value


async def _create_call(request: web.Request) -> web.Response:
    """Place an outbound call. Refused as Twilio refuses it; then the fake "rings" ``To`` as the test set up
    with :meth:`FakeTwilio.answer` (in the background: the request answers at once, status ``queued``)."""
    fake = _authenticate(request)
    form = await request.post()
    to, from_ = _text(form, "To", ""), _text(form, "From", "")
    if not to:
        raise RestError(400, 21201, "No 'To' number is specified")
    if not from_:
        raise RestError(400, 21213, "No 'From' number is specified")
    if not (E164.match(to) or to.startswith(("client:", "sip:"))):
        raise RestError(400, 21211, f"Invalid 'To' Phone Number: {to}")
    if from_ not in fake.numbers:
        raise RestError(400, 21210, f"The source phone number provided, {from_}, is not yet verified for your account.")
    url, twiml = _text(form, "Url"), _text(form, "Twiml")
    if _text(form, "ApplicationSid"):
        raise RestError(400, 21218, "ApplicationSid is not emulated by the fake provider; give Url or Twiml")
    if (url is None) == (twiml is None):
        raise RestError(400, 21205, "Either Url or Twiml is required, and not both")
    if url is not None and not _absolute_url(str(url)):
        raise RestError(400, 21205, f"Url is not a valid URL: {url}")
    if twiml is not None and len(str(twiml)) > 4000:
        raise RestError(400, 13325, "Twiml parameter exceeds 4000 characters")
    status_callback = _text(form, "StatusCallback")
    if status_callback is not None and not _absolute_url(str(status_callback)):
        raise RestError(400, 21609, f"Invalid StatusCallback URL: {status_callback}")
    events = [str(e) for e in form.getall("StatusCallbackEvent", [])]
    for event in (e for value in events for e in value.split()):
        if event not in _CALL_EVENTS:
            raise RestError(400, 21626, f"Invalid StatusCallbackEvent {event!r}")
    timeout = _text(form, "Timeout", "60")
    if not timeout.isdigit() or not 1 <= int(timeout) <= 600:
        raise RestError(400, 20001, f"Timeout must be 1..600 seconds, not {timeout!r}")
    machine_detection = _text(form, "MachineDetection")
    if machine_detection is not None and machine_detection not in ("Enable", "DetectMessageEnd"):
        raise RestError(400, 21220, f"Invalid MachineDetection {machine_detection!r}")
    method, callback_method = _method(form, "Method"), _method(form, "StatusCallbackMethod")
    call = await fake._open_call(
        from_,
        to,
        "outbound-api",
        status_callback=str(status_callback) if status_callback else None,
        status_callback_method=callback_method,
        status_callback_events=frozenset(e for value in events for e in value.split()) or frozenset({"completed"}),
    )
    fake._spawn(
        call.ring_out(
            fake.answer_plan(to),
            url=str(url) if url is not None else "",
            method=method,
            twiml=str(twiml) if twiml is not None else None,
            timeout=int(timeout),
            machine_detection=machine_detection is not None,
        )
    )
    return web.json_response(_call_json(fake, call), status=201)


def _find_call(request: web.Request, fake: FakeTwilio) -> FakeCall:
    for call in fake.calls:
        if call.sid == request.match_info["sid"]:
            return call
    raise _not_found(request)


async def _get_call(request: web.Request) -> web.Response:
    fake = _authenticate(request)
    return web.json_response(_call_json(fake, _find_call(request, fake)))


async def _update_call(request: web.Request) -> web.Response:
    """End a live call (``Status=completed`` / ``canceled``); other updates are not emulated and refused."""
    fake = _authenticate(request)
    call = _find_call(request, fake)
    form = await request.post()
    status = _text(form, "Status")
    if status not in ("completed", "canceled") or set(form) - {"Status"}:
        raise RestError(400, 21218, "the fake provider emulates only Status=completed or canceled on a call")
    if call.ended:
        raise RestError(400, 21220, "Call is not in-progress. Cannot redirect.")
    if status == "canceled" and call.status not in ("queued", "ringing"):
        raise RestError(400, 21220, "Call is in-progress; cancel applies only to a queued or ringing call")
    await call.hangup()
    return web.json_response(_call_json(fake, call))


def _call_json(fake: FakeTwilio, call: FakeCall) -> dict[str, Any]:
    base = f"/2010-04-01/Accounts/{fake.account_sid}/Calls/{call.sid}"
    duration = str(math.ceil(call.duration)) if call.ended and call.answered else None
    return {
        "sid": call.sid,
        "account_sid": fake.account_sid,
        "to": call.to,
        "to_formatted": call.to,
        "from": call.from_,
        "from_formatted": call.from_,
        "status": call.status,
        "direction": call.direction,
        "api_version": "2010-04-01",
        "answered_by": call.answered_by,
        "caller_name": call.caller_name,
        "date_created": fake._rfc2822(call.created),
        "date_updated": fake._rfc2822(call.ended_at or call.created),
        "start_time": fake._rfc2822(call.created) if call.answered else None,
        "end_time": fake._rfc2822(call.ended_at) if call.ended_at else None,
        "duration": duration,
        "price": None,
        "price_unit": "USD",
        "parent_call_sid": None,
        "phone_number_sid": None,
        "queue_time": "0",
        "uri": base + ".json",
        "subresource_uris": {"recordings": base + "/Recordings.json", "notifications": base + "/Notifications.json"},
    }


# --- messages ---------------------------------------------------------------------------------------------


async def _create_message(request: web.Request) -> web.Response:
    """Send an SMS, refused as Twilio refuses it; its status callbacks (sent, then delivered or as set with
    :meth:`FakeTwilio.sms_outcome`) follow in the background."""
    fake = _authenticate(request)
    form = await request.post()
    to = _text(form, "To", "")
    from_ = _text(form, "From")
    service = _text(form, "MessagingServiceSid")
    body = _text(form, "Body", "")
    media = [str(m) for m in form.getall("MediaUrl", [])]
    if not to:
        raise RestError(400, 21604, "A 'To' phone number is required.")
    if not E164.match(to):
        raise RestError(400, 21211, f"Invalid 'To' Phone Number: {to}")
    if not from_ and not service:
        raise RestError(400, 21603, "A 'From' phone number is required.")
    if from_ and from_ not in fake.numbers:
        raise RestError(
            400,
            21606,
            f"The 'From' phone number provided ({from_}) is not a valid message-capable Twilio phone number.",
        )
    if service and not _MESSAGING_SERVICE.match(str(service)):
        raise RestError(400, 21701, f"The Messaging Service Sid {service} is invalid.")
    if not body.strip() and not media:
        raise RestError(400, 21602, "Message body is required.")
    if len(body) > MAX_SMS_BODY:
        raise RestError(400, 21617, f"The concatenated message body exceeds the {MAX_SMS_BODY} character limit.")
    if to == from_:
        raise RestError(400, 21266, "'To' and 'From' number cannot be the same")
    if to in fake.opted_out:
        raise RestError(400, 21610, "Attempt to send to unsubscribed recipient")
    status_callback = _text(form, "StatusCallback")
    if status_callback is not None and not _absolute_url(str(status_callback)):
        raise RestError(400, 21609, f"Invalid StatusCallback URL: {status_callback}")
    sms = FakeSms(
        sid=fake._new_sid("SM"),
        account_sid=fake.account_sid,
        to=to,
        from_=str(from_) if from_ else None,
        messaging_service_sid=str(service) if service else None,
        body=body,
        status="accepted" if service and not from_ else "queued",
        status_callback=str(status_callback) if status_callback else None,
        date_created=fake._rfc2822(),
        media_urls=media,
    )
    await fake._add_message(sms)
    fake._spawn(fake._deliver_message(sms))
    return web.json_response(_message_json(fake, sms), status=201)


async def _get_message(request: web.Request) -> web.Response:
    fake = _authenticate(request)
    for sms in fake.messages:
        if sms.sid == request.match_info["sid"]:
            return web.json_response(_message_json(fake, sms))
    raise _not_found(request)


def _message_json(fake: FakeTwilio, sms: FakeSms) -> dict[str, Any]:
    return {
        "sid": sms.sid,
        "account_sid": sms.account_sid,
        "to": sms.to,
        "from": sms.from_,
        "messaging_service_sid": sms.messaging_service_sid,
        "body": sms.body,
        "status": sms.status,
        "direction": "outbound-api",
        "num_segments": str(sms.num_segments),
        "num_media": str(len(sms.media_urls)),
        "error_code": sms.error_code,
        "error_message": None,
        "api_version": "2010-04-01",
        "date_created": sms.date_created,
        "date_updated": sms.date_created,
        "date_sent": None,
        "price": None,
        "price_unit": "USD",
        "uri": f"/2010-04-01/Accounts/{sms.account_sid}/Messages/{sms.sid}.json",
        "subresource_uris": {"media": f"/2010-04-01/Accounts/{sms.account_sid}/Messages/{sms.sid}/Media.json"},
    }
