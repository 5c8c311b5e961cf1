"""A standalone notice sender: ``python -m bot.notices.worker --notice 7`` sends one confirmed notice to the end.

The benchmark and the kill-and-resume test run it as a child process and kill it; any number may run at once.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import timedelta

import redis.asyncio as aioredis
from telegram import Bot

from bot.channels.telegram.request import AiohttpRequest
from bot.notices.delivery import Deliverer
from bot.notices.pacing import Pacer, Pacing, SharedPacer
from bot.notices.telegram import TelegramNoticeTransport
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore
from integrations.state.budget import RedisFloodBudget
from integrations.state.keys import KeyBuilder


async def deliver(args: argparse.Namespace) -> int:
    db = Database(args.database_url, schema=args.schema or None)
    bot = Bot(args.token, base_url=f"{args.api_url}/bot", request=AiohttpRequest(connection_pool_size=64))
    await bot.initialize()
    if args.wait_for_go:
        # A standby process: start-up done, it waits for a line on stdin before touching the notice.
        await asyncio.to_thread(sys.stdin.readline)
    redis = aioredis.Redis.from_url(args.redis_url) if args.redis_url else None
    # With --redis-url the pace is the bot's shared budget (the desk's workers and every sender together).
    pacer: Pacing = (
        SharedPacer(RedisFloodBudget(redis, KeyBuilder(args.redis_prefix)), args.limit) if redis else Pacer(args.limit)
    )
    try:
        deliverer = Deliverer(
            SqlNoticeStore(db),
            TelegramNoticeTransport(bot),
            pacer=pacer,
            lease=timedelta(seconds=args.lease),
        )
        await deliverer.run(args.notice)
    finally:
        await bot.shutdown()
        await db.dispose()
        if redis is not None:
            await redis.aclose()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--schema", default="")
    parser.add_argument("--api-url", required=True, help="Bot API server, e.g. https://api.telegram.org")
    parser.add_argument("--token", required=True)
    parser.add_argument("--notice", type=int, required=True)
    parser.add_argument("--limit", type=int, default=30, help="messages per second")
    parser.add_argument("--redis-url", default="", help="share the bot's send budget with every worker on this Redis")
    parser.add_argument("--redis-prefix", default="estatedesk")
    parser.add_argument("--lease", type=float, default=30.0, help="seconds a dead worker's recipients stay held")
    parser.add_argument("--wait-for-go", action="store_true", help="start up, then wait for a line on stdin")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return asyncio.run(deliver(args))


if __name__ == "__main__":
    raise SystemExit(main())
