"""Start-up that survives its dependencies (``estatedesk run``).

Before the desk is built, each dependency is asked once per attempt: the database (``SELECT 1``),
Redis (``PING``) and Telegram (``getMe``). One that is not reachable *yet* (refused, timed out, a
5xx, PostgreSQL still starting) is asked again after a back-off of 1, 2, 4 ... 30 s, with one log
line per attempt, until ``ESTATEDESK_STARTUP_WAIT_S`` has passed. One that answers *no* (a database
that does not exist, a password or a token refused) will not change by waiting: that is a
:class:`ConfigError`, printed as one line, exit code 2. The web server (and so ``/healthz``) starts
only after all three answered, so an orchestrator sees the process healthy only once it is ready.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from redis.exceptions import AuthenticationError, ResponseError
from telegram import Bot
from telegram.error import Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.errors import BackendUnavailable, ConfigError, EstatedeskError
from bot.settings import Settings

if TYPE_CHECKING:
    from integrations.sql.database import Database

log = logging.getLogger("estatedesk.startup")

FIRST_BACKOFF_S = 1.0
MAX_BACKOFF_S = 30.0


class NotReachable(EstatedeskError):
    """A dependency that may answer later: try again."""


class GaveUp(EstatedeskError):
    """A dependency was still unreachable after ``ESTATEDESK_STARTUP_WAIT_S``."""


def _first_line(exc: BaseException) -> str:
    """``Type: first line`` of the innermost error (a driver's, not SQLAlchemy's wrapper of it)."""
    seen = {id(exc)}
    while (inner := getattr(exc, "orig", None) or exc.__cause__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        exc = inner
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _where(url: str) -> str:
    """A URL fit for a log line: no password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


def ensure_sqlite_folder(url: str) -> None:
    """A relative SQLite file's folder is made (``var/`` by default); an absolute path is the operator's."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


def open_database(settings: Settings) -> Database:
    """The desk's database: a SQLite file's folder made, PostgreSQL's pool sized as the settings say (the
    :class:`~integrations.sql.database.Database` defaults where they say nothing)."""
    from integrations.sql.database import MAX_OVERFLOW, POOL_SIZE, Database

    ensure_sqlite_folder(settings.database_url)
    size, overflow = settings.database_pool_size, settings.database_max_overflow
    return Database(
        settings.database_url,
        pool_size=POOL_SIZE if size is None else size,
        max_overflow=MAX_OVERFLOW if overflow is None else overflow,
    )


async def check_database(settings: Settings) -> None:
    db = open_database(settings)
    try:
        await db.ping()
    except BackendUnavailable as exc:
        raise NotReachable(_first_line(exc.__cause__) if exc.__cause__ else str(exc)) from None
    except Exception as exc:
        # Reached, and refused: the database does not exist, the password is wrong, the URL is malformed.
        where = _where(settings.database_url)
        raise ConfigError(
            f"the database at {where} refused the connection ({_first_line(exc)}); "
            "create it or correct ESTATEDESK_DATABASE_URL"
        ) from None
    finally:
        await db.dispose()


async def check_redis(settings: Settings) -> None:
    if not settings.redis_url:
        return
    from integrations.state.redis import RedisStateStore

    store = RedisStateStore.from_url(settings.redis_url, prefix=settings.redis_prefix)
    try:
        await store.ping()
    except BackendUnavailable as exc:
        cause = exc.__cause__
        if isinstance(cause, AuthenticationError):
            raise ConfigError(
                f"Redis at {_where(settings.redis_url)} refused the password ({_first_line(cause)}); "
                "correct ESTATEDESK_REDIS_URL"
            ) from None
        raise NotReachable(_first_line(cause) if cause else str(exc)) from None
    except ResponseError as exc:  # NOAUTH, a wrong database number: Redis answered, and said no
        raise ConfigError(
            f"Redis at {_where(settings.redis_url)} refused: {_first_line(exc)}; correct ESTATEDESK_REDIS_URL"
        ) from None
    finally:
        await store.close()


async def check_telegram(settings: Settings) -> None:
    bot = Bot(settings.telegram_token.get_secret_value(), base_url=settings.bot_base_url)
    try:
        await bot.get_me()
    except (InvalidToken, Forbidden) as exc:
        raise ConfigError(
            f"Telegram refused the bot token ({exc.message}): check ESTATEDESK_TELEGRAM_TOKEN "
            "(the token @BotFather gave you)"
        ) from None
    except (NetworkError, TimedOut, RetryAfter) as exc:  # refused, timed out, 5xx, flood wait
        raise NotReachable(f"{type(exc).__name__}: {exc.message}") from None
    except TelegramError as exc:
        raise ConfigError(f"Telegram refused getMe: {exc.message}") from None
    finally:
        await bot.shutdown()


Check = Callable[[Settings], Awaitable[None]]


def checks(settings: Settings) -> list[tuple[str, str, Check]]:
    """(name, where, check) for each dependency, in the order they are needed."""
    found: list[tuple[str, str, Check]] = [("database", _where(settings.database_url), check_database)]
    if settings.redis_url:
        found.append(("Redis", _where(settings.redis_url), check_redis))
    found.append(("Telegram", settings.telegram_api_url, check_telegram))
    return found


async def wait_until_ready(settings: Settings, stop: asyncio.Event, *, only: set[str] | None = None) -> bool:
    """Return once every dependency (of ``only``, by name, if given) answered (True), or when ``stop`` is set
    first (False).

    Raises :class:`ConfigError` for an answer that waiting will not change, :class:`GaveUp` after
    ``settings.startup_wait_s`` without an answer."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.startup_wait_s
    for name, where, check in checks(settings):
        if only is not None and name not in only:
            continue
        attempt, backoff = 0, FIRST_BACKOFF_S
        while True:
            attempt += 1
            try:
                await check(settings)
            except NotReachable as exc:
                left = deadline - loop.time()
                if left <= 0:
                    raise GaveUp(
                        f"{name} at {where} still unreachable after {settings.startup_wait_s:.0f} s "
                        f"({attempt} attempts): {exc}"
                    ) from None
                pause = min(backoff, left)
                log.warning(
                    "waiting for %s at %s (attempt %d): %s; next try in %.0f s", name, where, attempt, exc, pause
                )
                try:
                    await asyncio.wait_for(stop.wait(), pause)
                    return False
                except TimeoutError:
                    pass
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                continue
            if attempt > 1:
                log.info("%s at %s answered after %d attempts", name, where, attempt)
            break
    return True
