"""Cleaning what residents type before it is stored or shown to anyone.

What is removed follows Unicode's categories rather than a hand-kept list: every control (Cc, but
newlines and tabs) and format character (Cf: bidirectional controls such as U+061C and U+202E, zero-width
spaces, U+180E, tag characters U+E0000–E007F, interlinear annotations...) can hide text or reorder
what staff see. Three kinds of format character carry meaning and are kept where they do:

* the joiners U+200C/U+200D where RFC 5892's CONTEXTJ rules allow them (after a virama in Indic
  scripts, between joining letters in Arabic and Persian), checked with the ``idna`` package;
* U+200D between two symbols: emoji ZWJ sequences (👨‍👩‍👧, 🏳️‍🌈) stay one picture;
* the tag characters of the three recommended subdivision flags (🏴 England, Scotland, Wales);
* prepended concatenation marks (U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+110BD,
  U+110CD): visible Arabic, Syriac and Kaithi number signs.

Line and paragraph separators (U+2028, U+2029) become newlines; blank fillers that render as nothing
(Hangul fillers U+3164, U+FFA0) are removed.
"""

from __future__ import annotations

import re
import unicodedata

from idna.core import valid_contextj

_SPACES = re.compile(r"[ \t\u3000]+")
_ZWNJ, _ZWJ = "\u200c", "\u200d"
_KEPT_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
_BLANK_FILLERS = frozenset("\u3164\uffa0")
_LINE_BREAKS = frozenset("\u2028\u2029\u0085\r\x0b\x0c")
# 🏴 + tag letters + CANCEL TAG: the recommended (RGI) subdivision flags only; any other tag run is hidden text.
_FLAG_TAGS = re.compile(
    "\U0001f3f4(?:"
    + "|".join("".join(chr(0xE0000 + ord(c)) for c in code) for code in ("gbeng", "gbsct", "gbwls"))
    + ")\U000e007f"
)
_CONTEXT = 64  # characters either side that CONTEXTJ may look at (the rule reads only the adjacent word)

# What a resident's text may be, in characters; longer text is cut and the resident told (Turn.keep_within).
MAX_DESCRIPTION = 2000
MAX_PLACE_DETAIL = 150  # with "Common area: Block 12 Swimming pool – " it stays within a ticket's 200
MAX_RELAY = 3500  # a message relayed to staff, with the card's prefix, stays within Telegram's 4096


def _emoji_side(text: str, pos: int, step: int) -> bool:
    """Whether the nearest character from ``pos`` in direction ``step``, past modifiers, is a symbol (an emoji)."""
    i = pos + step
    while 0 <= i < len(text):
        ch = text[i]
        if unicodedata.category(ch) in ("Mn", "Me") or "\U0001f3fb" <= ch <= "\U0001f3ff":
            # Variation selectors, combining keycaps, skin tones: part of the emoji before them.
            if step > 0:
                return False
            i += step
            continue
        return unicodedata.category(ch) == "So"
    return False


def _joiner_kept(text: str, pos: int) -> bool:
    if text[pos] == _ZWJ and _emoji_side(text, pos, -1) and _emoji_side(text, pos, 1):
        return True
    start = max(0, pos - _CONTEXT)
    try:
        return valid_contextj(text[start : pos + _CONTEXT], pos - start)
    except ValueError:  # a neighbour unknown to this Unicode version: no context to justify the joiner
        return False


def _visible(text: str) -> str:
    flags = {m.start(): m.end() for m in _FLAG_TAGS.finditer(text)}
    out: list[str] = []
    i = 0
    while i < len(text):
        if i in flags:
            out.append(text[i : flags[i]])
            i = flags[i]
            continue
        ch = text[i]
        category = unicodedata.category(ch)
        if ch in _LINE_BREAKS:
            out.append("\n")
        elif ch in "\n\t":
            out.append(ch)
        elif ch in (_ZWJ, _ZWNJ):
            if _joiner_kept(text, i):
                out.append(ch)
        elif category in ("Cc", "Cs") or ch in _BLANK_FILLERS:
            pass
        elif category == "Cf" and ch not in _KEPT_FORMAT:
            pass
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def clean_text(text: str) -> str:
    """NFC, no invisible or control characters, runs of spaces collapsed, stripped. Newlines kept."""
    # NFC again after: a removed character may have stood between a letter and its accent.
    text = unicodedata.normalize("NFC", _visible(unicodedata.normalize("NFC", text or "")))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
