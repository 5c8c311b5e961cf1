"""Each feature the image's trimming could break, tried inside the image: one line per feature, exit 1 if one fails.

Run by deploy/check-image.sh as `docker run -i IMAGE python - < deploy/image-features.py`. The image leaves
out test suites, most CLDR locales, Twilio's unused REST products and debugging symbols (see Dockerfile):
these are the code paths that would notice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal


def report_chart() -> str:
    import warnings

    from bot.reports.charts import PNG_SIGNATURE, Chart, chart_png

    chart = Chart(
        "各座工單 Tickets by building", ["A座", "第3座", "Block B"], [("未完成", [3.0, 5.0, 2.0], (52, 101, 164))]
    )
    with warnings.catch_warnings():
        # A glyph matplotlib cannot find would be drawn as an empty box: the image must have a CJK font.
        warnings.filterwarnings("error", message="Glyph .* missing from font")
        png = chart_png(chart)
    assert png.startswith(PNG_SIGNATURE), png[:8]
    return f"report chart with Chinese labels: {len(png)} bytes of PNG (matplotlib Agg, a CJK font, numpy, pillow)"


def money_and_dates() -> str:
    from datetime import UTC, datetime

    from bot.domain.residents import Language
    from bot.i18n import format_money, format_when

    places = ((Language.ZH_HANT, "HK", "HKD"), (Language.ZH_HANS, "CN", "CNY"), (Language.EN, "GB", "GBP"))
    shown = [format_money(lang, Decimal("1234.5"), currency, region) for lang, region, currency in places]
    when = format_when(datetime(2026, 3, 1, 9, 30, tzinfo=UTC), "Asia/Hong_Kong", Language.ZH_HANT)
    return f"money and dates (Babel CLDR): {' | '.join(shown)} | {when}"


def phone_numbers() -> str:
    from bot.domain.residents import normalise_phone

    written = (("9123 4567", "HK"), ("138 0013 8000", "CN"), ("+44 20 7946 0958", "HK"))
    numbers = [normalise_phone(raw, region) for raw, region in written]
    return f"phone numbers (phonenumberslite): {', '.join(numbers)}"


def twilio_voice() -> str:
    from twilio.request_validator import RequestValidator
    from twilio.rest import Client
    from twilio.twiml.voice_response import VoiceResponse

    import integrations.telephony.rest  # noqa: F401  (the outbound adapter imports)

    client = Client("AC" + "0" * 32, "secret")
    calls = client.calls
    twiml = VoiceResponse()
    twiml.say("ok")
    signature = RequestValidator("secret").compute_signature("https://desk.example/voice", {"CallSid": "CA1"})
    return (
        f"phone channel (twilio): {type(calls).__name__} at {calls._uri}, TwiML {len(str(twiml))} chars, "
        f"signature {signature[:8]}…"
    )


def rasa_action_server() -> str:
    from rasa_sdk.endpoint import create_app
    from rasa_sdk.executor import ActionExecutor

    import integrations.rasa.actions
    import integrations.rasa.server  # noqa: F401

    app = create_app(ActionExecutor(), cors_origins=None)
    routes = sorted(route.path for route in app.router.routes)
    app.__class__.unregister_app(app)
    return f"Rasa action server (rasa-sdk, sanic, grpc, opentelemetry): routes {routes}"


def understanding() -> str:
    from bot.nlu import BuiltinUnderstander

    nlu = BuiltinUnderstander()
    said = [nlu.understand_now(text) for text in ("廁所漏水", "电梯坏了", "the lift is broken")]
    return "understanding (numpy, opencc, cn2an): " + ", ".join(f"{u.intent.value}/{u.category}" for u in said)


FEATURES: list[Callable[[], str]] = [
    report_chart,
    money_and_dates,
    phone_numbers,
    twilio_voice,
    rasa_action_server,
    understanding,
]


def main() -> int:
    failed = 0
    for feature in FEATURES:
        try:
            print(f"ok   {feature()}")
        except Exception as exc:
            failed += 1
            print(f"FAIL {feature.__name__}: {type(exc).__name__}: {exc}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
