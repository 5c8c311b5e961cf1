"""A local, strict fake of Twilio Programmable Voice and Messaging: signed voice webhooks, TwiML run as Twilio
runs it, and the REST API, so tests drive the phone channel offline."""

from integrations.telephony_fake.call import FakeCall
from integrations.telephony_fake.errors import (
    FakeTelephonyError,
    ProviderError,
    RestError,
    SimulationError,
    TwimlError,
    WaitTimeout,
)
from integrations.telephony_fake.model import AnswerPlan, DialAttempt, Exchange, FakeSms, Recording, Said
from integrations.telephony_fake.server import (
    DEFAULT_ACCOUNT_SID,
    DEFAULT_AUTH_TOKEN,
    WRONG_TOKEN,
    FakeTwilio,
    NumberConfig,
    point_client_at,
)

__all__ = [
    "DEFAULT_ACCOUNT_SID",
    "DEFAULT_AUTH_TOKEN",
    "WRONG_TOKEN",
    "AnswerPlan",
    "DialAttempt",
    "Exchange",
    "FakeCall",
    "FakeSms",
    "FakeTelephonyError",
    "FakeTwilio",
    "NumberConfig",
    "ProviderError",
    "Recording",
    "RestError",
    "Said",
    "SimulationError",
    "TwimlError",
    "WaitTimeout",
    "point_client_at",
]
