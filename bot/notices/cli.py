"""``estatedesk notice send --text ... --audience building:3 [--at ISO] [--emergency] [--photo F|--document F]`` and
``estatedesk notice status ID``: notices from the command line.

``send`` fixes the recipients and schedules the notice; the running bot's workers send it (within 10 s, or at
``--at``), so the command returns at once and a restart loses nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.domain.notices import Audience, AudienceError, DeliveryState
from bot.errors import ConfigError
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore

# (path, "photo" | "document") -> Telegram file id
Uploader = Callable[[Path, str], Awaitable[str]]


def parse_at(text: str | None, timezone: str) -> datetime | None:
    """``2026-12-03T09:00`` in the estate's time zone unless it names its own offset."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--at {text!r}: write 2026-12-03T09:00") from None
    return at.replace(tzinfo=ZoneInfo(timezone)) if at.tzinfo is None else at


async def run_notice_command(
    args: argparse.Namespace, db: Database, out: TextIO, *, timezone: str, upload: Uploader | None = None
) -> int:
    store = SqlNoticeStore(db)
    if args.action == "status":
        notice = await store.get(args.id)
        if notice is None:
            raise ConfigError(f"no notice {args.id}")
        p = await store.progress(args.id)
        print(
            f"notice {notice.id} · {notice.status.value} · audience {notice.audience}"
            f"{' · emergency' if notice.emergency else ''}\n"
            f"{p.sent} / {p.total} sent · {p.unreachable} unreachable · {p.open} to go · "
            f"{p.count(DeliveryState.UNKNOWN) + p.count(DeliveryState.FAILED)} not confirmed",
            file=out,
        )
        return 0
    try:
        audience = Audience.parse(args.audience)
    except AudienceError as exc:
        raise ConfigError(str(exc)) from None
    text = args.text.strip()
    if not text:
        raise ConfigError("--text is empty")
    photo = document = None
    for kind, path in (("photo", args.photo), ("document", args.document)):
        if path:
            if upload is None:
                raise ConfigError(f"--{kind} needs the bot to upload it")
            file_id = await upload(Path(path), kind)
            photo, document = (file_id, document) if kind == "photo" else (photo, file_id)
    notice = await store.create(
        text, audience, emergency=args.emergency, scheduled_at=parse_at(args.at, timezone), photo=photo,
        document=document,
    )  # fmt: skip
    notice, _ = await store.confirm(notice.id)
    # Operators read the estate's clock, whatever the database hands back (UTC).
    at = notice.scheduled_at
    when = at.astimezone(ZoneInfo(timezone)).isoformat(timespec="minutes") if at else "now"
    total = (await store.progress(notice.id)).total
    print(f"notice {notice.id}: {total} recipients ({audience}), sending at {when}; the running bot sends it", file=out)
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("notice", help="broadcast notices: send, status").add_subparsers(
        dest="action", required=True
    )
    send = group.add_parser("send", help="fix the recipients and schedule a notice (the running bot sends it)")
    send.add_argument("--text", required=True)
    send.add_argument(
        "--audience",
        required=True,
        help="everyone | owners | tenants | arrears | estate:NAME | building:3,5 | unit:3-502",
    )
    send.add_argument("--at", default=None, help="send at this time, e.g. 2026-12-03T09:00 (estate time); default now")
    send.add_argument("--emergency", action="store_true", help="sent before routine notices, marked as an emergency")
    media = send.add_mutually_exclusive_group()
    media.add_argument("--photo", default=None, help="a picture to send with the text")
    media.add_argument("--document", default=None, help="a PDF to send with the text")
    status = group.add_parser("status", help="delivery counts of a notice")
    status.add_argument("id", type=int)
