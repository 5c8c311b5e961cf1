"""Cleaning what residents type before it is stored or shown to anyone."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidirectional control characters: invisible, and able to reorder what staff see.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u3000]+")

MAX_DESCRIPTION = 2000


def clean_text(text: str) -> str:
    """NFC, no invisible or control characters, runs of spaces collapsed, stripped. Newlines kept."""
    text = unicodedata.normalize("NFC", text or "")
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
