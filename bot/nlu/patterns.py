"""Long alternations made cheaper to search, matching exactly as before.

The rules' largest patterns are alternations of hundreds of phrases, many of them opening with a look-behind
("(?<!没)爆…") or a group. Python's regular-expression engine can skip ahead to a likely start only when a pattern
opens with a literal or a character class; for these it tries every alternative at every position of the message,
which made ``_PAST`` alone about a third of the rules' time (``bench/README.md``, "The rules' first characters").

:func:`compile_led`, written where such a pattern is defined in place of ``re.compile``, puts a look-ahead at the
characters a match can begin with in front of it: at a position whose character cannot begin any alternative, the
search moves on after one class test. Every match, group and span stays what it was, since no match can begin
anywhere else. The set is read off the pattern as Python's own
parser sees it (``re._parser``, there since Python 3.11 under this name); where it cannot be known for certain (a
negated class, a dot, a back-reference, an alternative that can match nothing), the pattern is kept as it is.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path
from types import ModuleType
from typing import Any

_p: ModuleType | None
_c: ModuleType | None
try:  # Python's own parser of patterns: private, so read defensively (any surprise keeps the pattern as it is)
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python that moved it again
    _p = None
try:  # and its compiler, which compiles a pattern already parsed (the same checks: anything unexpected, plain re)
    _c = importlib.import_module("re._compiler")
    import _sre
except ImportError:  # pragma: no cover
    _c = None

log = logging.getLogger(__name__)

_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Unknown(Exception):
    """The first characters of a pattern cannot be told for certain."""


def _first_of_sequence(items: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """The class items a match of ``items`` can begin with, and whether it can consume nothing."""
    firsts: list[tuple[Any, Any]] = []
    for op, arg in items:
        more, empty = _first_of_item(op, arg)
        firsts += more
        if not empty:
            return firsts, False
    return firsts, True


def _first_of_item(op: Any, arg: Any) -> tuple[list[tuple[Any, Any]], bool]:
    name = str(op)
    if name == "LITERAL":
        return [(op, arg)], False
    if name == "IN":
        if any(str(o) == "NEGATE" for o, _ in arg):
            raise _Unknown
        return list(arg), False
    if name in _ZERO_WIDTH:  # look-arounds and anchors consume nothing: the next item begins the match
        return [], True
    if name == "SUBPATTERN":
        return _first_of_sequence(arg[-1].data)
    if name == "ATOMIC_GROUP":
        return _first_of_sequence(arg.data)
    if name == "BRANCH":
        firsts: list[tuple[Any, Any]] = []
        empty = False
        for branch in arg[1]:
            more, can_be_empty = _first_of_sequence(branch.data)
            firsts += more
            empty = empty or can_be_empty
        return firsts, empty
    if name in _REPEATS:
        least, _, item = arg
        more, can_be_empty = _first_of_sequence(item.data)
        return more, can_be_empty or least == 0
    raise _Unknown  # a dot, a negated literal, a back-reference, a conditional


def _class_text(items: list[tuple[Any, Any]]) -> str:
    parts: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            parts.add(re.escape(chr(arg)))
        elif name == "RANGE":
            parts.add(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY" and str(arg) in _CATEGORIES:
            parts.add(_CATEGORIES[str(arg)])
        else:
            raise _Unknown
    return "[" + "".join(sorted(parts)) + "]"


def _leading_class(tree: Any) -> str | None:
    """The class of characters a match of the parsed ``tree`` can begin with; None when that cannot be told or a
    match can be empty."""
    try:
        firsts, empty = _first_of_sequence(tree.data)
        return None if empty or not firsts else _class_text(firsts)
    except (_Unknown, AttributeError, TypeError, ValueError):
        return None


def first_characters(text: str, flags: int = 0) -> str | None:
    """A character class of every character a match of the pattern ``text`` can begin with, or None when that
    cannot be told (or a match can be empty)."""
    if _p is None:  # pragma: no cover
        return None
    try:
        return _leading_class(_p.parse(text, flags))
    except re.error:
        return None


def _opens_plainly(items: Any) -> bool:
    """Whether a pattern opens with a literal or a class in every alternative, which the engine skips to itself,
    or is anchored at the start, where the engine tries it alone."""
    if not items:
        return False
    op, arg = items[0]
    name = str(op)
    if name in ("LITERAL", "IN") or (name == "AT" and str(arg) in ("AT_BEGINNING", "AT_BEGINNING_STRING")):
        return True
    if name == "SUBPATTERN":
        return _opens_plainly(arg[-1].data)
    if name == "BRANCH":
        return all(_opens_plainly(branch.data) for branch in arg[1])
    return False


# What _sre.compile takes: the pattern's text, its flags, its code (as bytes of unsigned ints), the number of groups
# less one, the group names to numbers and the numbers to names.
_Compiled = tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _CompiledCache:
    """The compiled code of the understander's patterns, kept between processes as Python keeps a module's
    bytecode: in ``__pycache__`` beside this file, for this very Python (its version and the regular-expression
    engine's magic number and code size in the file's stamp). Parsing and compiling the rules', the unit
    extractor's and the normaliser's ~850 patterns is most of the understander's import (about 0.6 s of CPU);
    handing the engine the code it compiled last time takes a few milliseconds.

    A pattern is looked up by its text and flags, so a pattern edited since is simply compiled again. The engine
    checks any code it is given; a file that is missing, stale, damaged or from another Python is ignored, and one
    that cannot be written (a read-only install) is not written: it only costs the compiling. It is not bytecode,
    so ``PYTHONDONTWRITEBYTECODE`` leaves it be; ``ESTATEDESK_NLU_PATTERN_CACHE=0`` turns it off.

    :func:`settle` writes the patterns this process compiled and used, once the understander's modules are
    imported, and closes the cache (patterns compiled later, say a test's, are neither looked up nor kept). The
    file is readable by all, as bytecode is: an image builds it as root for the desk's own user to read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = (sys.version, getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0)) if _c else None
        self.found: dict[tuple[str, str, int], _Compiled] | None = None  # read lazily, at the first lookup
        self.used: dict[tuple[str, str, int], _Compiled] = {}
        self.hits = self.missed = 0
        self.open = _c is not None and os.environ.get("ESTATEDESK_NLU_PATTERN_CACHE", "1") != "0"

    def _read(self) -> dict[tuple[str, str, int], _Compiled]:
        try:
            stamp, digest, payload = marshal.loads(self.path.read_bytes())
            if stamp != self.stamp or hashlib.blake2b(payload).digest() != digest:
                return {}
            table = marshal.loads(payload)
            return table if isinstance(table, dict) else {}
        except FileNotFoundError:
            return {}
        except Exception as exc:  # damaged or foreign: compiled afresh and written over
            log.debug("pattern cache %s unreadable (%s)", self.path, exc)
            return {}

    def get(self, kind: str, text: str, flags: int) -> re.Pattern[str] | None:
        if not self.open:
            return None
        if self.found is None:
            self.found = self._read()
        key = (kind, text, flags)
        entry = self.found.get(key)
        if entry is None:
            return None
        try:
            pattern, all_flags, code, groups, groupindex, indexgroup = entry
            compiled: re.Pattern[str] = _sre.compile(
                pattern, all_flags, array("I", code).tolist(), groups, groupindex, indexgroup
            )
        except Exception:  # code the engine refuses: compile the text again
            return None
        self.used[key] = entry
        self.hits += 1
        return compiled

    def put(self, kind: str, text: str, flags: int, entry: _Compiled) -> None:
        if self.open:
            self.used[(kind, text, flags)] = entry
            self.missed += 1

    def settle(self) -> None:
        if not self.open:
            return
        self.open = False
        found, self.found = self.found, None
        if not self.missed and found is not None and len(found) == len(self.used):
            self.used = {}
            return  # the file holds exactly what was used
        table, self.used = self.used, {}
        if not table:
            return
        payload = marshal.dumps(table)
        data = marshal.dumps((self.stamp, hashlib.blake2b(payload).digest(), payload))
        try:
            self.path.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.chmod(tmp, 0o644)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a read-only install: the next start compiles again
            log.debug("pattern cache %s not written (%s)", self.path, exc)


_CACHE = _CompiledCache(
    Path(__file__).with_name("__pycache__") / f"nlu-patterns.{sys.implementation.cache_tag or 'python'}.marshal"
)


def settle() -> None:
    """Keep the compiled code of the patterns compiled so far for the next process, and stop looking them up."""
    _CACHE.settle()


def _compiled_as(text: str, tree: Any, flags: int, kind: str, key: str) -> re.Pattern[str] | None:
    """``re.compile(text, flags)`` from ``tree``, the parse of ``text``, without parsing it again: what Python's
    own ``re._compiler.compile`` does once it has parsed. None when the private parts are not as expected (the
    caller compiles the text). The result is equal (``==``: the same text, flags and compiled code) to
    ``re.compile``'s, which the tests check for every pattern of the rules and the unit extractor. The compiled
    code is kept in the cache under ``(kind, key, flags)``, ``key`` being the text the caller was given."""
    if _c is None:  # pragma: no cover
        return None
    try:
        code = _c._code(tree, flags)
        state = tree.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        entry: _Compiled = (
            text,
            flags | state.flags,
            array("I", code).tobytes(),
            state.groups - 1,
            dict(state.groupdict),
            tuple(indexgroup),
        )
        compiled: re.Pattern[str] = _sre.compile(text, entry[1], code, entry[3], state.groupdict, entry[5])
    except Exception:  # pragma: no cover - a Python whose internals moved: compile the text as usual
        return None
    _CACHE.put(kind, key, flags, entry)
    return compiled


def compile_plain(text: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)`` as it is (no look-ahead in front), its compiled code kept for the next
    process (:class:`_CompiledCache`)."""
    flags = int(flags)
    if _p is None or not _CACHE.open or flags & re.DEBUG or not isinstance(text, str):
        return re.compile(text, flags)  # (re's own cache serves a pattern compiled again and again in a function)
    kept, tree = _kept_or_parsed("plain", text, flags)
    return kept or _compiled_as(text, tree, flags, "plain", text) or re.compile(text, flags)


def _kept_or_parsed(kind: str, text: str, flags: int) -> tuple[re.Pattern[str] | None, Any]:
    """The pattern kept in the cache, or else ``text`` parsed; a pattern that does not parse is compiled, so that
    the error is raised as ``re.compile`` words it."""
    assert _p is not None
    kept = _CACHE.get(kind, text, flags)
    if kept is not None:
        return kept, None
    try:
        return None, _p.parse(text, flags)
    except re.error:
        return re.compile(text, flags), None


def compile_led(text: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)``, led by a look-ahead at its first characters: the same matches, found sooner. A
    pattern that opens plainly (a literal or a class in every alternative, or an anchor at the start) is compiled as
    it is: the engine skips ahead to such an opening itself, and a look-ahead would hide it. So is one whose first
    characters cannot be told. The pattern is parsed once, for its first characters and for compiling: the
    look-ahead is put in front of the parsed pattern as the parser would have put it there (parsing these patterns
    is most of what compiling them costs, and they are most of what the understander's start-up compiles)."""
    flags = int(flags)
    if _p is None or flags & re.DEBUG:  # pragma: no cover
        return re.compile(text, flags)
    kept, tree = _kept_or_parsed("led", text, flags)
    if kept is not None:
        return kept
    first = None if _opens_plainly(tree.data) else _leading_class(tree)
    if first is None:
        return _compiled_as(text, tree, flags, "led", text) or re.compile(text, flags)
    end = "\n)" if flags & re.VERBOSE else ")"  # (a comment on the last line must not swallow the ")")
    led = f"(?={first})(?:{text}{end}"
    if tree.state.flags & ~(flags | re.UNICODE):  # global inline flags, which must stay at the very start
        return _compiled_as(text, tree, flags, "led", text) or re.compile(text, flags)
    try:
        # "(?=first)(?:text)" as the parser reads it: the look-ahead, then the pattern as a group that captures nothing.
        ahead = _p.parse(f"(?={first})", flags).data[0]
        whole = _p.SubPattern(tree.state, [ahead, (_p.SUBPATTERN, (None, 0, 0, tree))])
    except Exception:  # pragma: no cover - internals moved
        return re.compile(led, flags)
    return _compiled_as(led, whole, flags, "led", text) or re.compile(led, flags)
