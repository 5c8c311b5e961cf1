"""Meta-tests that keep the architecture honest (as python-telegram-bot's tests/test_modules.py does)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from bot.domain.residents import Language
from bot.i18n import catalog

ROOT = Path(__file__).resolve().parent.parent
TRANSPORT = {"telegram", "aiohttp", "redis", "sqlalchemy", "httpx", "alembic", "asyncpg", "aiosqlite", "twilio"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "bot" / "domain").rglob("*.py")), ids=lambda p: p.name)
def test_domain_knows_no_transport(path: Path) -> None:
    found = imports_of(path) & (TRANSPORT | {"integrations", "dialogs"})
    assert not found, f"{path.name} imports {found}"


@pytest.mark.parametrize("path", sorted((ROOT / "dialogs").rglob("*.py")), ids=lambda p: p.name)
def test_dialogs_know_no_channel(path: Path) -> None:
    found = imports_of(path) & TRANSPORT
    assert not found, f"{path.name} imports {found}"


def test_every_message_has_a_traditional_chinese_translation() -> None:
    ids = {
        message if isinstance(message, str) else message[0]
        for directory in ("bot", "dialogs")
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / directory), keywords={"_": None, "N_": None}
        )
    }
    missing = sorted(i for i in ids if i not in catalog(Language.ZH_HANT))
    assert not missing, f"untranslated: {missing}"


def test_dialogs_have_their_state_diagrams() -> None:
    for name in ("main", "report", "bill"):
        assert (ROOT / "dialogs" / f"{name}.mmd").is_file(), name
