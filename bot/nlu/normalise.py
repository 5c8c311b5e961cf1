"""Text normalisation shared by the classifier, the keyword rules and unit extraction.

Everything is matched on one form: NFKC (full-width to half-width), no zero-width characters,
Traditional converted to Simplified Chinese, lower case, runs of blanks collapsed. OpenCC's t2s turns the
Cantonese 嗰 ("that") into the rare variant 𠮶; it is turned back, so that rules, lexicon and unit patterns
written with 嗰 match.

Many residents' domestic helpers write in English mixed with Tagalog or Indonesian ("amoy gas po sa kusina", "Bu, lift
mati, saya di dalam lift"). The words for the dangers and a few common faults are glossed into English
(:data:`_GLOSS`) so that the emergency rules, which read English and Chinese, see them. Only words that are not also
English are glossed, and the ambiguous ones only in a phrase: Indonesian "asap" (smoke) is English "ASAP", so only
"ada asap", "keluar asap" and the like are smoke; "api" is fire only in "ada api", "keluar api", "api kecil".
"""

from __future__ import annotations

import re
import unicodedata

import opencc

_T2S = opencc.OpenCC("t2s")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"\s+")

# Tagalog (tl) and Indonesian or Malay (id) words for the dangers and common faults, and the times that date them.
_GLOSS_WORDS: tuple[tuple[str, str], ...] = (
    # "If": "pag may sunog" is "if there is a fire", "kalau ada asap" "if there is smoke" (not Tagalog "kung", which
    # is also "Kung Hei Fat Choi").
    (r"pag|kapag|kalau|jika|apabila", "if"),
    # (Not the language: "she only speaks Hindi".)
    (r"bukan|tidak|(?<!speak )(?<!speaks )(?<!in )hindi", "not"),
    # Smells, smoke, fire.
    (r"amoy|bau", "smell"),
    (r"umuusok|berasap", "smoking"),
    (r"usok|(?<=ada )asap|(?<=keluar )asap|asap(?= (?:hitam|tebal|putih))|(?<=banyak )asap", "smoke"),
    (r"may sunog|ada kebakaran", "there is a fire"),
    (r"sunog|apoy|kebakaran|(?<=ada )api|(?<=keluar )api|api(?= (?:kecil|besar))", "fire"),
    (r"nasusunog|terbakar", "burning"),
    (r"percikan api|kumikislap|kislap", "sparks"),
    (r"korsleting|korslet", "short circuit"),
    # Water. Indonesian "air" is water only in a phrase ("air masuk", "air mengalir deras", "pipa air"): it is English.
    (r"bumabaha|kebanjiran", "flooding"),
    (r"baha|banjir", "flood"),
    (r"pumutok (?:po )?(?:ang|yung) tubo|pipa pecah|pecah pipa|pipanya pecah", "pipe burst"),
    (r"air masuk ke|tubig pumapasok sa", "water coming into"),
    (r"air masuk|pumapasok (?:ang|yung) tubig", "water coming in"),
    (r"air mengalir deras|mengalir deras", "water pouring"),
    (r"air muncrat|muncrat|bumubulwak", "spraying"),
    (r"umaapaw|meluap", "overflowing"),
    (r"pipa air", "water pipe"),
    (r"air(?= (?:naik|keluar|kotor|banjir|bocor|menetes))|tubig", "water"),
    (r"(?<=water )naik", "rising"),
    (r"pipa|tubo", "pipe"),
    (r"(?<=[a-z] )ke(?= [a-z])", "into"),
    (r"tumatagas|bocor", "leaking"),
    (r"tumutulo|tulo nang tulo|menetes", "dripping"),
    # Lifts and people.
    (r"naipit|nakulong|na-trap|terjebak|terkurung|terperangkap", "trapped"),
    (r"macet|na-stuck", "stuck"),
    (r"di antara lantai|sa pagitan ng (?:mga )?palapag", "between floors"),
    (r"nasa loob ng|nasa loob|di dalam", "inside"),
    (r"nahimatay|hinimatay|pingsan", "fainted"),
    (r"walang malay|tidak sadar|tak sadar|tidak sadarkan diri", "unconscious"),
    (r"berdarah banyak|banyak darah|maraming dugo", "bleeding a lot"),
    (r"duguan|berdarah|dumudugo", "bleeding"),
    (r"gumuho|runtuh|ambruk", "collapsed"),
    (r"bumagsak|jatuh", "fell down"),
    (r"semento", "concrete"),
    (r"kisame|plafon|langit-langit", "ceiling"),
    # Faults.
    (r"walang kuryente|mati listrik|listrik mati|mati lampu", "no power"),
    (r"kuryente|listrik", "electricity"),
    (r"(?<=lift )mati|(?<=elevator )mati|(?<=lampu )mati|(?<=ilaw )mati|(?<=aircon )mati|(?<=ac )mati", "dead"),
    (r"sira|rusak", "broken"),
    (r"mampet|barado", "blocked"),
    (r"gripo|keran|kran", "tap"),
    (r"wastafel|lababo", "sink"),
    (r"ilaw|lampu", "light"),
    (r"pinto|pintu", "door"),
    (r"blok", "block"),
    (r"koridor", "corridor"),
    (r"lantai|palapag", "floor"),
    # Who: "saya di dalam lift" is "I inside the lift".
    (r"saya|aku|ako", "i"),
    (r"kami|kita|tayo", "we"),
    # When.
    (r"ngayon|sekarang", "now"),
    (r"kahapon|kemarin", "yesterday"),
    (r"kagabi|tadi malam|semalam", "last night"),
    (r"noong isang linggo|minggu lalu", "last week"),
)
_GLOSSES = tuple((re.compile(f"(?<![a-z-])(?:{words})(?![a-z-])"), english) for words, english in _GLOSS_WORDS)
_GLOSS = re.compile("|".join(words.pattern for words, _ in _GLOSSES))  # any of them: most messages have none


def _glossed(s: str) -> str:
    """``s`` with the Tagalog and Indonesian words of :data:`_GLOSS_WORDS` in English."""
    for words, english in _GLOSSES:
        s = words.sub(english, s)
    return s


def normalise(text: str) -> str:
    """The matching form of ``text``: ``"３棟５０２　廚房漏水"`` -> ``"3栋502 厨房漏水"``."""
    s = unicodedata.normalize("NFKC", text)
    s = _ZERO_WIDTH.sub("", s)
    s = _T2S.convert(s).replace("𠮶", "嗰")
    s = _BLANKS.sub(" ", s).strip().lower()
    return _glossed(s) if _GLOSS.search(s) else s
