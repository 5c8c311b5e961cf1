"""``estatedesk rasa-actions``: the command serves rasa-sdk's endpoints over a real desk, behind its token."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp

from bot.settings import DEMO_TOKEN
from integrations.telegram_fake import FakeTelegram
from tests.rasa.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


async def test_the_command_serves_the_actions_behind_the_token_and_stops_on_sigterm(tmp_path: Path) -> None:
    fake = FakeTelegram(token=DEMO_TOKEN)
    port = free_port()
    log = tmp_path / "rasa-actions.log"
    async with fake.serve():
        env = {
            **os.environ,
            "ESTATEDESK_TELEGRAM_API_URL": fake.url,
            "ESTATEDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
            "ESTATEDESK_RASA_ACTIONS_TOKEN": "cli-token",
            "ESTATEDESK_NLU": "menu",  # the actions fall back to category keys; no model to train at start
        }
        env.pop("ESTATEDESK_REDIS_URL", None)
        with log.open("wb") as out:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "rasa-actions", "--port", str(port),
                env=env, cwd=ROOT, stdout=out, stderr=out,
            )  # fmt: skip
        try:
            async with aiohttp.ClientSession() as http:
                loop = asyncio.get_running_loop()
                deadline = loop.time() + 60
                while True:
                    assert proc.returncode is None, log.read_text()
                    assert loop.time() < deadline, log.read_text()
                    try:
                        async with http.get(f"http://127.0.0.1:{port}/health") as resp:
                            if resp.status == 200:
                                break
                    except aiohttp.ClientError:
                        pass
                    await asyncio.sleep(0.1)
                async with http.get(f"http://127.0.0.1:{port}/actions") as resp:
                    assert resp.status == 401
                async with http.get(f"http://127.0.0.1:{port}/actions", params={"token": "cli-token"}) as resp:
                    names = {a["name"] for a in await resp.json()}
            assert {"action_estatedesk_identify", "validate_repair_form", "action_estatedesk_bill"} <= names
        finally:
            if proc.returncode is None:
                proc.terminate()
        assert await asyncio.wait_for(proc.wait(), 20) == 0, log.read_text()
