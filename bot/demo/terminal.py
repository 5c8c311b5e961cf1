"""``estatedesk demo --terminal``: the bot on embedded defaults against the local fake Telegram, with a scripted
resident conversation printed as the resident and the staff group see it.

It runs on a scratch SQLite file of its own, removed afterwards: never on the browser demo's database (a
running browser demo would show tickets whose cards it never posted, and remind staff about them), and the
script plays the same way on every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from bot.demo.harness import Harness, running

MRS_CHAN = 7001  # 陳太太, 3-502, shares +852 9123 4567
PETER = 7002  # Peter Wong, A-1203, +852 6123 0001
STRANGER = 7003  # a number the registry does not know
ENGINEERING = -1001000000002
SERVICE_DESK = -1001000000001


class Printer:
    """Prints each chat's new messages since the last call, as a person would read them."""

    def __init__(self, harness: Harness) -> None:
        self.h = harness
        self.seen: dict[int, dict[int, str]] = {}
        self.width = min(100, os.get_terminal_size().columns if sys.stdout.isatty() else 100)

    def header(self, title: str) -> None:
        print(f"\n━━ {title} " + "━" * max(0, self.width - len(title) - 4))

    def user(self, name: str, text: str) -> None:
        print(f"  {name} ›  {text}")

    def show(self, chat_id: int, who: str = "bot") -> None:
        seen = self.seen.setdefault(chat_id, {})
        for m in self.h.fake.messages(chat_id):
            if not m.from_bot:
                continue
            body = m.text or getattr(m, "caption", "") or ""
            if seen.get(m.message_id) == body:
                continue
            if m.message_id in seen and body.startswith(seen[m.message_id]):
                # An answered question: print only the answer the bot added in place of its buttons.
                added = body[len(seen[m.message_id]) :].strip()
                seen[m.message_id] = body
                print(" " * 9 + added)
                continue
            seen[m.message_id] = body
            if m.photo_file_ids:
                body = (body + "\n" if body else "") + f"[photo ×{len(m.photo_file_ids)}]"
            lines = body.splitlines() or [""]
            mark = " (edited)" if m.edited else ""
            print(f"  {who}{mark} ›  " + lines[0])
            for line in lines[1:]:
                print(textwrap.indent(textwrap.fill(line, self.width - 10) if line else "", " " * 9))
            for row in m.buttons:
                print(" " * 9 + "  ".join(f"[{text}]" for text, _ in row))
            for row in m.reply_keyboard:
                print(" " * 9 + "  ".join(f"[{text}]" for text, _ in row))


async def script(h: Harness) -> None:
    fake, p = h.fake, Printer(h)
    fake.add_user(MRS_CHAN, "陳太太", language_code="zh-hk")
    fake.add_user(PETER, "Peter", language_code="en")
    fake.add_user(STRANGER, "Sam", language_code="en")

    async def say(uid: int, name: str, text: str) -> None:
        p.user(name, text)
        await h.act(fake.send_text(uid, text))
        p.show(uid)

    async def press(uid: int, name: str, button: str) -> None:
        message = next(m for m in reversed(fake.messages(uid)) if m.from_bot and m.find_button(button))
        p.user(name, f"[{button}]")
        await h.act(fake.press(uid, message, button))
        p.show(uid)

    async def contact(uid: int, name: str, phone: str) -> None:
        p.user(name, f"(shares contact {phone})")
        await h.act(fake.send_contact(uid, phone))
        p.show(uid)

    async def photo(uid: int, name: str, caption: str | None = None) -> None:
        p.user(name, "(sends a photo)" + (f" {caption}" if caption else ""))
        await h.act(fake.send_photo(uid, caption=caption))
        p.show(uid)

    p.header("陳太太 (3-502) reports a leak, in Cantonese")
    await say(MRS_CHAN, "陳太太", "/start")
    await contact(MRS_CHAN, "陳太太", "+852 9123 4567")
    await say(MRS_CHAN, "陳太太", "廚房水喉漏水，滴咗成日")
    for button in _path(fake, MRS_CHAN):
        if button == "PHOTO":
            await photo(MRS_CHAN, "陳太太")
        else:
            await press(MRS_CHAN, "陳太太", button)

    p.header("Engineering staff group: the ticket card arrives")
    p.show(ENGINEERING, "bot")

    p.header("Peter Wong (A-1203) asks about his bill, in English")
    await say(PETER, "Peter", "/start")
    await contact(PETER, "Peter", "+852 6123 0001")
    await say(PETER, "Peter", "how much is my management fee due?")
    await say(PETER, "Peter", "/mytickets")

    p.header("Someone the registry does not know")
    await say(STRANGER, "Sam", "/start")
    await contact(STRANGER, "Sam", "+852 5999 0000")
    p.header("Service desk group: the verification request")
    p.show(SERVICE_DESK, "bot")


def _path(fake: Any, uid: int) -> list[str]:
    """The buttons the scripted resident presses, whatever the NLU already filled in."""
    return ["我的單位 3-502", "PHOTO", "完成", "一般", "確認"]


async def run_demo(*, fresh: bool = True) -> int:
    """Play the script on a scratch database (always fresh: ``fresh`` is accepted for the CLI's sake)."""
    with tempfile.TemporaryDirectory(prefix="estatedesk-demo-") as scratch:
        database = Path(scratch) / "demo.sqlite3"
        print("estatedesk demo: a scratch SQLite file, in-process state, local fake Telegram Bot API")
        async with running(database_url=f"sqlite:///{database}", rate_limit=True) as h:
            print(f"fake Telegram Bot API at {h.fake.url}; the bot is polling it like it polls Telegram")
            await script(h)
    print("\nThe terminal demo leaves nothing behind; `estatedesk demo` keeps its data in var/demo.sqlite3.")
    return 0
