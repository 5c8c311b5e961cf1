"""The ``estatedesk`` command line: run the bot, import residents and bills, evaluate the NLU, demo."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.errors import ConfigError, EstatedeskError, ImportRejected

if TYPE_CHECKING:
    from dialogs.understanding import Correction
    from integrations.sql.database import Database

log = logging.getLogger("estatedesk")
MAX_AUDIT_LINES = 1000


async def _run(args: argparse.Namespace) -> int:
    """Serve until SIGTERM or SIGINT, then stop within ~2 s (``docker stop`` kills after 10).

    Stopping: the long poll is cancelled at once, the webhook's port closes, turns in flight get
    ``ESTATEDESK_SHUTDOWN_GRACE_S`` to finish and are then cancelled (their claims given back, so
    Telegram delivers them again), then background work gets what is left of the budget.
    """
    from bot.app import build
    from bot.channels.telegram.polling import poll
    from bot.server import WebServer
    from bot.settings import load_settings
    from bot.startup import wait_until_ready

    settings = load_settings()
    if settings.uses_demo_token and settings.telegram_api_url.startswith("https://api.telegram.org"):
        raise ConfigError("ESTATEDESK_TELEGRAM_TOKEN is not set (or try `estatedesk demo`: the local demo)")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # The database, Redis and Telegram first, retried while they are not up yet (bot/startup.py):
    # /healthz is served only once they answered.
    if not await wait_until_ready(settings, stop):
        log.info("estatedesk stopped while waiting for its dependencies")
        return 0
    desk = await build(settings)
    await desk.start()
    mode = "webhook" if settings.webhook_url else "polling"
    server = WebServer(
        settings, desk.processor, desk.bot, desk.health, phone=desk.phone, voice=desk.voice, outbound=desk.outbound
    )
    await server.start()
    log.info("estatedesk running in %s mode; web server on %s:%d", mode, settings.listen_host, settings.port)
    try:
        if settings.webhook_url:
            await desk.bot.set_webhook(
                settings.webhook_url + settings.webhook_path,
                secret_token=settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
                allowed_updates=["message", "callback_query", "my_chat_member"],
            )
            await stop.wait()
        else:
            await poll(desk.processor, stop, grace=settings.shutdown_grace_s)
    finally:
        log.info("estatedesk stopping")
        await server.stop(settings.shutdown_grace_s)
        await desk.stop(timeout=0.3)
    return 0


async def _rasa_actions(args: argparse.Namespace) -> int:
    """rasa-sdk's action server over this desk (integrations/rasa/server.py), beside the bot's workers."""
    from bot.app import build
    from bot.settings import load_settings
    from integrations.rasa.actions import RasaDesk
    from integrations.rasa.server import make_app, serve, stop

    settings = load_settings()
    desk = await build(settings)
    await desk.start()  # one more worker: it posts the cards of the tickets it opens
    assert desk.services is not None
    token = settings.rasa_actions_token.get_secret_value() if settings.rasa_actions_token else None
    rasa_desk = RasaDesk(desk.services, desk.post_cards, verified_channels=settings.rasa_trusted_channels)
    server = await serve(make_app(rasa_desk, token), args.host, args.port)
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, done.set)
    log.info("Rasa action server on %s:%d%s", args.host, args.port, "" if token else " (no token)")
    try:
        await done.wait()
    finally:
        await stop(server)
        await desk.stop()
    return 0


async def _migrate(args: argparse.Namespace) -> int:
    from bot.settings import load_settings
    from bot.startup import wait_until_ready
    from integrations.sql.database import Database

    settings = load_settings()
    # A one-shot before the workers (compose.yaml): PostgreSQL still starting is waited for, as by `run`.
    if not await wait_until_ready(settings, asyncio.Event(), only={"database"}):
        return 1
    db = Database(settings.database_url)
    try:
        await db.migrate()
    finally:
        await db.dispose()
    print("database is at the latest schema")
    return 0


async def _import(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.imports import format_report, import_billing, import_residents
    from bot.settings import load_settings
    from integrations.sql.billing import SqlBillingSource
    from integrations.sql.database import Database
    from integrations.sql.registry import SqlResidentRegistry

    settings = load_settings()
    estate = load_config(settings.config)
    db = Database(settings.database_url)
    try:
        await db.migrate()
        registry = SqlResidentRegistry(db)
        if args.what == "residents":
            report = await import_residents(args.file, registry, region=estate.phone_region)
        else:
            report = await import_billing(args.file, SqlBillingSource(db), registry)
    finally:
        await db.dispose()
    print(format_report(report))
    return 1 if report.rejected and not report.accepted else 0


async def _open(db: Database, *, reads: bool, data: bool = True) -> None:
    """Commands that only read the desk's data refuse a missing, new or empty database with a hint, rather
    than creating and migrating one and answering with zeros; the commands that write migrate it."""
    from integrations.sql.readiness import require_desk_data

    if reads:
        await require_desk_data(db, data=data)
    else:
        await db.migrate()


async def _nlu_eval(args: argparse.Namespace) -> int:
    from bot.nlu.evaluate import run_eval
    from bot.nlu.model import shipped_understander
    from bot.settings import load_settings

    # The shipped model as a desk runs it (no reviewed corrections), read from the weights file when that holds
    # this very training: `estatedesk nlu train --shipped-only` writes it once, and each set is scored in seconds.
    understander = shipped_understander(cache=load_settings().nlu_cache or None)
    return await run_eval(args.file, sys.stdout, understander, figures_only=args.figures_only)


async def _nlu_train(args: argparse.Namespace) -> int:
    """``estatedesk nlu train``: write the weights file the next start reads (at image build or deployment)."""
    from bot.app import reviewed_corrections
    from bot.nlu.model import load_or_train
    from bot.settings import load_settings
    from integrations.sql.database import Database

    settings = load_settings()
    path = args.cache or settings.nlu_cache
    if not path:
        print("error: no weights file: ESTATEDESK_NLU_CACHE is empty and no --cache given", file=sys.stderr)
        return 2
    corrections = []
    if not args.shipped_only:
        db = Database(settings.database_url)
        try:
            await _open(db, reads=True, data=False)
            corrections = await reviewed_corrections(db)
        finally:
            await db.dispose()
    model = load_or_train(path, corrections)
    print(f"NLU weights for {len(corrections)} reviewed correction(s) in {path} ({model.training_seconds:.2f} s)")
    return 0


async def _nlu_corrections(args: argparse.Namespace) -> int:
    from bot.settings import load_settings
    from integrations.sql.corrections import SqlCorrections
    from integrations.sql.database import Database

    db = Database(load_settings().database_url)
    try:
        await _open(db, reads=True, data=False)
        store = SqlCorrections(db)
        if args.review or args.unreview:
            marked = await store.mark_reviewed(args.review, True) + await store.mark_reviewed(args.unreview, False)
            print(f"{marked} correction(s) updated; reviewed ones train the understander from the next start")
        corrections = await store.listing()
    finally:
        await db.dispose()
    return write_corrections(corrections, args.export)


def write_corrections(corrections: Sequence[Correction], export: str | None) -> int:
    """``estatedesk nlu corrections``: one line each (id, reviewed, when, who, label, text), or a JSONL file."""
    from bot.nlu.corrections import as_record

    if export:
        try:
            with open(export, "w", encoding="utf-8") as out:
                for c in corrections:
                    out.write(json.dumps(as_record(c), ensure_ascii=False) + "\n")
        except OSError as exc:
            print(f"error: cannot write {export}: {exc}", file=sys.stderr)
            return 2
        print(f"{len(corrections)} correction(s) written to {export}")
        return 0
    if not corrections:
        print("no corrections yet")
    for c in corrections:
        label = f"{c.intent.value}/{c.category or '-'}"
        mark = "reviewed" if c.reviewed else "new"
        text = " ".join(c.text.split())
        print(
            f"{c.id:>5} {mark:<8} {c.at:%Y-%m-%d %H:%M} {c.actor:<16} {c.source:<8} {c.ticket:<10} {label:<22} {text}"
        )
    return 0


async def _demo(args: argparse.Namespace) -> int:
    if args.terminal:
        from bot.demo.terminal import run_demo

        return await run_demo(fresh=args.fresh)
    from bot.demo.web import run_web_demo

    # The first start trains the built-in understander (var/nlu-model.npz) before the address is printed.
    print("Starting the demo; the first start also trains its language model (two to four minutes).", file=sys.stderr)
    return await run_web_demo(host=args.host, port=args.port, fresh=args.fresh)


# -- follow-up surveys and questionnaires (bot/surveys) -----------------------------------------
async def _survey(args: argparse.Namespace) -> int:
    from bot.settings import load_settings
    from bot.surveys.cli import run_survey_command
    from integrations.sql.database import Database

    db = Database(load_settings().database_url)
    try:
        await _open(db, reads=args.action == "results")
        return await run_survey_command(args, db, sys.stdout)
    finally:
        await db.dispose()


# -- the desk's figures (bot/reports) ---------------------------------------------------------------
async def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.config import load_config
    from bot.i18n import Translator
    from bot.reports.figures import Period
    from bot.reports.render import group_labels, render
    from bot.settings import load_settings
    from integrations.sql.database import Database
    from integrations.sql.reports import SqlReports

    if args.format in ("xlsx", "png") and not args.out:
        print(f"--format {args.format} needs --out FILE", file=sys.stderr)
        return 2
    settings = load_settings()
    estate = load_config(settings.config)
    try:
        period = Period(args.date_from, args.date_to, estate.timezone)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    try:
        await _open(db, reads=True)
        report = await SqlReports(db).report(period, args.by)
    finally:
        await db.dispose()
    _ = Translator(Translator.language_of(estate.staff_language))
    label = group_labels(report.by, estate.routing.departments, _)
    data = render(report, args.format, _, label, estate=estate.name)
    if args.out:
        await asyncio.to_thread(Path(args.out).write_bytes, data)
        print(f"{args.format} report for {period} written to {args.out}")
    else:
        sys.stdout.write(data.decode())
        if not data.endswith(b"\n"):
            sys.stdout.write("\n")
    return 0


def _add_report_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from datetime import date

    rep = sub.add_parser("report", help="the desk's figures for a period (tickets, completion, SLA, satisfaction)")
    rep.add_argument("--from", dest="date_from", required=True, type=date.fromisoformat, help="first day, YYYY-MM-DD")
    rep.add_argument("--to", dest="date_to", required=True, type=date.fromisoformat, help="last day, YYYY-MM-DD")
    rep.add_argument("--by", choices=["department", "building", "category"], default="department")
    rep.add_argument("--format", choices=["text", "csv", "xlsx", "png", "html"], default="text")
    rep.add_argument("--out", default=None, help="write to FILE (needed for xlsx and png)")
    rep.set_defaults(func=_report)


# -- broadcast notices (bot/notices) ----------------------------------------------------------------
async def _notice(args: argparse.Namespace) -> int:
    from pathlib import Path

    from telegram import Bot

    from bot.config import load_config
    from bot.notices.cli import run_notice_command
    from bot.settings import load_settings
    from integrations.sql.database import Database

    settings = load_settings()
    estate = load_config(settings.config)

    async def upload(path: Path, kind: str) -> str:
        # Telegram sends by file id: the file goes to the managers' chat once (a record of what was sent).
        chat = estate.routing.managers_chat_id
        if chat is None:
            raise ConfigError("--photo/--document need managers_chat_id in the estate config")
        async with Bot(settings.telegram_token.get_secret_value(), base_url=settings.bot_base_url) as bot:
            with path.open("rb") as f:
                if kind == "photo":
                    return (await bot.send_photo(chat, f, caption=path.name)).photo[-1].file_id
                sent = await bot.send_document(chat, f, caption=path.name)
                assert sent.document is not None
                return sent.document.file_id

    db = Database(settings.database_url)
    try:
        await _open(db, reads=args.action == "status")
        return await run_notice_command(args, db, sys.stdout, timezone=estate.timezone, upload=upload)
    finally:
        await db.dispose()


# -- dead letters (updates set aside: bot/channels/telegram/processor.py) ----------------------------
async def _deadletters(args: argparse.Namespace) -> int:
    import orjson

    from bot.settings import load_settings
    from integrations.sql.database import Database
    from integrations.sql.deadletters import SqlDeadLetters

    db = Database(load_settings().database_url)
    try:
        await _open(db, reads=True, data=False)
        store = SqlDeadLetters(db)
        letters = await store.recent(args.limit)
        total = await store.count()
    finally:
        await db.dispose()
    if args.json:
        for letter in letters:
            print(
                orjson.dumps(
                    {
                        "id": letter.id,
                        "update_id": letter.update_id,
                        "reason": letter.reason.value,
                        "attempts": letter.attempts,
                        "first_seen": letter.first_seen.isoformat(),
                        "last_seen": letter.last_seen.isoformat(),
                        "error": letter.error,
                        "payload": letter.payload.decode("utf-8", "backslashreplace"),
                    }
                ).decode()
            )
        return 0
    print(f"{total} dead letter(s); newest first" if total else "no dead letters")
    for letter in letters:
        last_line = letter.error.strip().splitlines()[-1] if letter.error.strip() else ""
        print(
            f"#{letter.id} update {letter.update_id if letter.update_id is not None else '?'} {letter.reason.value}"
            f" attempts={letter.attempts} first={letter.first_seen:%Y-%m-%d %H:%M:%S}Z"
            f" last={letter.last_seen:%Y-%m-%d %H:%M:%S}Z"
        )
        print(f"    error: {last_line}")
        if args.payload:
            print(f"    update: {letter.payload.decode('utf-8', 'backslashreplace')}")
    return 0


# -- the audit trail of refused staff attempts (bot/staff/audit.py) --------------------------------
async def _audit(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.i18n import Translator
    from bot.settings import load_settings
    from bot.staff.audit import audit_line
    from integrations.sql.audit import SqlAuditTrail
    from integrations.sql.database import Database

    settings = load_settings()
    estate = load_config(settings.config)
    db = Database(settings.database_url)
    try:
        await _open(db, reads=True, data=False)
        entries = await SqlAuditTrail(db).recent(args.limit)
    finally:
        await db.dispose()
    _ = Translator(Translator.language_of(estate.staff_language))
    for entry in entries:
        print(audit_line(estate, entry, _))
    if not entries:
        print(_("Nothing has been refused."))
    return 0


def _limit(text: str) -> int:
    value = int(text)
    if not 1 <= value <= MAX_AUDIT_LINES:
        raise argparse.ArgumentTypeError(f"between 1 and {MAX_AUDIT_LINES}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="estatedesk", description=__doc__)
    p.add_argument("--log-level", default=None, help="DEBUG, INFO, WARNING (default: ESTATEDESK_LOG_LEVEL or INFO)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run the bot (polling, or webhook when ESTATEDESK_WEBHOOK_URL is set)").set_defaults(
        func=_run
    )
    sub.add_parser("migrate", help="bring the database to the latest schema").set_defaults(func=_migrate)
    ra = sub.add_parser("rasa-actions", help="the action server for a Rasa assistant (rasa-sdk; private network only)")
    ra.add_argument("--host", default="127.0.0.1")
    ra.add_argument("--port", type=int, default=5055)
    ra.set_defaults(func=_rasa_actions)
    for what, help_text in (
        ("residents", "resident registry: import FILE.csv|FILE.xlsx (building, unit, name, phone, role, language)"),
        ("billing", "billing data: import FILE.csv (an accounts file or a payments file)"),
    ):
        group = sub.add_parser(what, help=help_text).add_subparsers(dest="action", required=True)
        imp = group.add_parser("import", help=f"import {what} from a file; re-runnable")
        imp.add_argument("file")
        imp.set_defaults(func=_import, what=what)
    nlu = sub.add_parser("nlu", help="language understanding").add_subparsers(dest="action", required=True)
    ev = nlu.add_parser("eval", help="score the NLU on a JSONL file of labelled messages")
    ev.add_argument("file")
    ev.add_argument(
        "--figures-only", action="store_true", help="no misclassified lines (score a held-out set without reading it)"
    )
    ev.set_defaults(func=_nlu_eval)
    train = nlu.add_parser("train", help="write the trained NLU weights file the next start reads")
    train.add_argument("--cache", metavar="FILE.npz", help="where (default: ESTATEDESK_NLU_CACHE)")
    train.add_argument(
        "--shipped-only", action="store_true", help="the shipped data only, without the database's corrections"
    )
    train.set_defaults(func=_nlu_train)
    cor = nlu.add_parser(
        "corrections", help="labels staff and residents corrected; reviewed ones train the understander at start-up"
    )
    cor.add_argument("--export", metavar="FILE.jsonl", help="write them as labelled JSONL instead of listing")
    cor.add_argument("--review", type=int, nargs="+", default=[], metavar="ID", help="mark these reviewed")
    cor.add_argument("--unreview", type=int, nargs="+", default=[], metavar="ID", help="take these out of training")
    cor.set_defaults(func=_nlu_corrections)
    demo = sub.add_parser(
        "demo", help="try estatedesk in a browser: a local Telegram emulator with demo residents and staff"
    )
    demo.add_argument("--fresh", action="store_true", help="start from an empty demo database")
    demo.add_argument("--port", type=int, default=None, help="port of the page (default: DEMO_PORT or 8080)")
    demo.add_argument(
        "--host", default=None, help="address to listen on (default: DEMO_HOST or 127.0.0.1; the image: 0.0.0.0)"
    )
    demo.add_argument("--terminal", action="store_true", help="play the scripted conversation in the terminal instead")
    demo.set_defaults(func=_demo)
    dead = sub.add_parser(
        "deadletters", help="updates set aside as never processable (unparsable, or failing on every attempt)"
    )
    dead.add_argument("--limit", type=int, default=50, help="how many, newest first (default 50)")
    dead.add_argument("--payload", action="store_true", help="print each update's JSON too")
    dead.add_argument("--json", action="store_true", help="one JSON object per line, payload and full error included")
    dead.set_defaults(func=_deadletters)
    from bot.surveys.cli import add_parser as add_survey_parser

    add_survey_parser(sub)
    sub.choices["survey"].set_defaults(func=_survey)
    _add_report_command(sub)
    from bot.notices.cli import add_parser as add_notice_parser

    add_notice_parser(sub)
    sub.choices["notice"].set_defaults(func=_notice)
    audit = sub.add_parser("audit", help="refused staff attempts (wrong chat, not on the roster, forged buttons)")
    audit.add_argument("--limit", type=_limit, default=50, help=f"newest entries to list (1-{MAX_AUDIT_LINES})")
    audit.set_defaults(func=_audit)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from bot.logs import configure_logging
    from bot.settings import Settings

    try:
        level = args.log_level or Settings().log_level
        configure_logging(level, json=Settings().log_json)
    except Exception:
        configure_logging("INFO")
    try:
        code = asyncio.run(args.func(args))
        # Everything is closed by now. Python's final collection would walk the ~200k objects the
        # imports made, which takes seconds on a busy machine, and `docker stop` kills after 10 s;
        # frozen objects are skipped.
        gc.freeze()
        return code
    except ImportRejected as exc:
        print(f"import refused: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except EstatedeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
