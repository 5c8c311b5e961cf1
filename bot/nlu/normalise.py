"""Text normalisation shared by the classifier, the keyword rules and unit extraction.

Everything is matched on one form: NFKC (full-width to half-width), no zero-width characters,
Traditional converted to Simplified Chinese, lower case, runs of blanks collapsed.
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
    s = _T2S.convert(s)
    return _BLANKS.sub(" ", s).strip().lower()
