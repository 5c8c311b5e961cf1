"""``estatedesk survey create FILE.toml | send ID --audience ... | results ID``: questionnaires from the command line.

``send`` only stores one pending row per recipient; the running bot's workers deliver them at a
steady pace, so the command returns at once and a restart loses nothing.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TextIO

from bot.domain.surveys import parse_audience
from bot.errors import ConfigError
from bot.surveys.questionnaires import format_results, load_questionnaire
from integrations.sql.database import Database
from integrations.sql.surveys import SqlSurveys


async def run_survey_command(args: argparse.Namespace, db: Database, out: TextIO) -> int:
    surveys = SqlSurveys(db)
    if args.action == "create":
        questionnaire = load_questionnaire(args.file)
        qid = await surveys.create_questionnaire(questionnaire, datetime.now(UTC))
        print(f"questionnaire {qid} created with {len(questionnaire.questions)} questions", file=out)
        return 0
    stored = await surveys.questionnaire(args.id)
    if stored is None:
        raise ConfigError(f"no questionnaire {args.id}")
    questionnaire = stored
    if args.action == "send":
        try:
            audience = parse_audience(args.audience)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        residents = await surveys.audience(audience)
        added = await surveys.add_recipients(args.id, residents)
        print(
            f"questionnaire {args.id}: {added} new recipients queued ({len(residents)} in the audience); "
            "the running bot sends them",
            file=out,
        )
        return 0
    results = await surveys.results(args.id)
    print(format_results(questionnaire, results, await surveys.delivery(args.id)), file=out)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("survey", help="satisfaction questionnaires: create, send, results").add_subparsers(
        dest="action", required=True
    )
    create = group.add_parser("create", help="store a questionnaire defined in a TOML file; prints its id")
    create.add_argument("file")
    send = group.add_parser("send", help="queue a questionnaire for an audience (the bot sends it)")
    send.add_argument("id", type=int)
    send.add_argument(
        "--audience", default="all", help="all | building:3 | unit:3-502 | owners | tenants (comma: all apply)"
    )
    results = group.add_parser("results", help="answers per question: counts and averages")
    results.add_argument("id", type=int)
