"""Text normalisation shared by the classifier, the keyword rules and unit extraction.

Everything is matched on one form: NFKC (full-width to half-width), no zero-width characters,
Traditional converted to Simplified Chinese, lower case, runs of blanks collapsed. OpenCC's t2s turns the
Cantonese 嗰 ("that") into the rare variant 𠮶; it is turned back, so that rules, lexicon and unit patterns
written with 嗰 match.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

_T2S = opencc.OpenCC("t2s")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The matching form of ``text``: ``"３棟５０２　廚房漏水"`` -> ``"3栋502 厨房漏水"``."""
    s = unicodedata.normalize("NFKC", text)
    s = _ZERO_WIDTH.sub("", s)
    s = _T2S.convert(s).replace("𠮶", "嗰")
    return _BLANKS.sub(" ", s).strip().lower()
