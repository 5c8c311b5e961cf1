"""Process settings from the environment (prefix ``ESTATEDESK_``), validated once at start-up.

Every setting has a default that runs the embedded demo: no token, SQLite file, in-process state,
the local fake Bot API. Secrets are ``SecretStr`` so they never appear in logs or reprs.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

TELEGRAM_API_URL = "https://api.telegram.org"
# The token the embedded fake Bot API accepts; it opens nothing anywhere else.
DEMO_TOKEN = "123456:DEMO-estatedesk"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ESTATEDESK_", extra="ignore")

    telegram_token: SecretStr = Field(SecretStr(DEMO_TOKEN), description="bot token from @BotFather")
    telegram_api_url: str = Field(
        TELEGRAM_API_URL, description="Bot API base URL; a local fake server in tests and the demo"
    )
    database_url: str = Field("sqlite:///var/estatedesk.sqlite3", description="SQLite file or PostgreSQL URL")
    database_pool_size: int | None = Field(
        None, ge=1, description="PostgreSQL connections a process keeps open; unset = 20 (integrations.sql.database)"
    )
    database_max_overflow: int | None = Field(
        None, ge=0, description="connections opened past the pool at a peak, then closed; unset = 10"
    )
    redis_url: str | None = Field(None, description="Redis URL; unset = in-process state (one process only)")
    redis_prefix: str = "estatedesk"
    config: str | None = Field(None, description="estate TOML file; unset = embedded demo estate")
    webhook_url: str | None = Field(None, description="public HTTPS URL Telegram posts updates to")
    webhook_secret: SecretStr | None = Field(None, description="X-Telegram-Bot-Api-Secret-Token value")
    webhook_path: str = "/telegram/webhook"
    # Loopback by default: a bare install is not reachable from outside until an operator says so
    # (the container image sets 0.0.0.0, behind its own network).
    listen_host: str = Field("127.0.0.1", description="address the web server binds (0.0.0.0 = every interface)")
    port: int = Field(8080, ge=1, le=65535, description="port of the web server (webhook, /healthz, /metrics)")
    metrics_token: SecretStr | None = Field(None, description="bearer token /metrics asks for")
    metrics_host: str = Field("127.0.0.1", description="address of the separate metrics bind")
    metrics_port: int | None = Field(None, ge=1, le=65535, description="serve /metrics on its own port instead")
    # How long a stopping process waits for updates in flight before handing them back.
    shutdown_grace_s: float = Field(1.0, gt=0, le=30, description="seconds to finish in-flight turns at SIGTERM")
    # How long `estatedesk run` keeps retrying a database, Redis or Telegram that does not answer yet.
    startup_wait_s: float = Field(300.0, ge=0, description="seconds to wait for unreachable dependencies at start")
    rate_limit: bool = Field(True, description="keep outgoing sends within Telegram's limits")
    group_per_minute: int = Field(20, ge=1, description="bot messages per staff group per minute (Telegram: ~20)")
    nlu: Literal["builtin", "rasa", "menu"] = "builtin"
    rasa_url: str | None = None
    nlu_cache: str = Field(
        "var/nlu-model.npz", description="file of the built-in NLU's trained weights (empty: train at every start)"
    )
    twilio_account_sid: str | None = Field(None, description="Twilio account SID (the phone channel)")
    twilio_auth_token: SecretStr | None = Field(None, description="Twilio auth token: checks X-Twilio-Signature")
    phone_public_url: str | None = Field(
        None, description="public base URL the telephony provider calls (signatures are over it); unset: as received"
    )
    phone_path: str = Field("/phone", description="path prefix of the phone webhooks on this server")
    twilio_api_url: str = Field(
        "https://api.twilio.com", description="base URL of the provider's REST API (calls and texts the desk sends)"
    )
    rasa_api_url: str | None = Field(None, description="Rasa server of a Rasa assistant: ticket news goes there")
    rasa_api_token: SecretStr | None = Field(None, description="Rasa's --auth-token, for trigger_intent")
    rasa_actions_token: SecretStr | None = Field(None, description="token Rasa's action endpoint sends (?token=)")
    rasa_verified_channels: str = Field(
        "", description="Rasa input channels whose phone slot the channel verified (comma-separated: twilio_voice)"
    )
    log_level: str = "INFO"
    log_json: bool = False

    @field_validator(
        "telegram_api_url", "webhook_url", "rasa_url", "phone_public_url", "rasa_api_url", "twilio_api_url"
    )
    @classmethod
    def _strip_slash(cls, v: str | None) -> str | None:
        return v.rstrip("/") if v else v

    @field_validator("telegram_token")
    @classmethod
    def _token_shape(cls, v: SecretStr) -> SecretStr:
        token = v.get_secret_value()
        head, _, tail = token.partition(":")
        if not head.isdigit() or not tail:
            raise ValueError("must look like 123456:ABC... (the token @BotFather gave you)")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.webhook_url:
            if not self.webhook_secret:
                raise ValueError("ESTATEDESK_WEBHOOK_SECRET is required with ESTATEDESK_WEBHOOK_URL")
            secret = self.webhook_secret.get_secret_value()
            # Telegram allows 1-256 characters A-Z a-z 0-9 _ -
            if not (0 < len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)):
                raise ValueError("ESTATEDESK_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -")
        if self.metrics_port is not None and self.metrics_port == self.port:
            raise ValueError("ESTATEDESK_METRICS_PORT must differ from ESTATEDESK_PORT")
        if self.metrics_token is not None and not self.metrics_token.get_secret_value().strip():
            raise ValueError("ESTATEDESK_METRICS_TOKEN is empty: unset it or give a token")
        if not self.phone_path.startswith("/") or self.phone_path.rstrip("/") == "":
            raise ValueError("ESTATEDESK_PHONE_PATH must be a path such as /phone")
        if self.nlu == "rasa" and not self.rasa_url:
            raise ValueError("ESTATEDESK_RASA_URL is required with ESTATEDESK_NLU=rasa")
        return self

    @property
    def bot_base_url(self) -> str:
        return f"{self.telegram_api_url}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.telegram_api_url}/file/bot"

    @property
    def rasa_trusted_channels(self) -> frozenset[str]:
        """The Rasa input channels named in ``rasa_verified_channels`` (their phone slot identifies a resident)."""
        return frozenset(c.strip() for c in self.rasa_verified_channels.split(",") if c.strip())

    @property
    def uses_demo_token(self) -> bool:
        return self.telegram_token.get_secret_value() == DEMO_TOKEN


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; a bad value becomes one clear :class:`ConfigError` line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "settings"
            name = f"ESTATEDESK_{where.upper()}" if where != "settings" else where
            lines.append(f"{name}: {err['msg']}")
        raise ConfigError("; ".join(lines)) from None
