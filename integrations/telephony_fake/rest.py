"""The fake's REST API: Twilio's 2010-04-01 Calls, Messages and Recordings resources, with basic auth."""

from __future__ import annotations

import base64
import binascii
import hmac
from typing import TYPE_CHECKING, Any

from aiohttp import web

from integrations.telephony_fake.errors import RestError

if TYPE_CHECKING:
    from integrations.telephony_fake.server import FakeTwilio

_FAKE_KEY = web.AppKey("fake_twilio", object)
API = "/2010-04-01/Accounts/{account}"


def make_app(fake: FakeTwilio) -> web.Application:
    app = web.Application(middlewares=[_errors])
    app[_FAKE_KEY] = fake
    app.router.add_get(API + "/Recordings/{sid}.json", _recording_json)
    app.router.add_get(API + "/Recordings/{sid}.wav", _recording_audio)
    app.router.add_get(API + "/Recordings/{sid}", _recording_audio)
    return app


def _fake(request: web.Request) -> FakeTwilio:
    return request.app[_FAKE_KEY]  # type: ignore[return-value]


@web.middleware
async def _errors(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
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
