"""A file of trained weights, so that a desk starts without training the built-in understander again.

The file (``ESTATEDESK_NLU_CACHE``, by default ``var/nlu-model.npz`` beside the SQLite file, in the state
directory) is keyed by a hash of everything training depends on: the training data, the reviewed
corrections, the training settings (not the thresholds and temperatures only reading uses, so that refitting them
costs no training) and the understander's own code (its syntax, not its comments, docstrings or layout,
so that a note in the code does not cost minutes of training). ``estatedesk nlu train`` writes it (at image
build or deployment); otherwise the first start writes it. A file that is missing, stale, unreadable or
inconsistent is never an error: the model is trained as before and the file rewritten. Nothing is
downloaded, and the file holds only numbers and the vocabulary (no pickles).
"""

from __future__ import annotations

import ast
import fcntl
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from bot.nlu.dataset import Example

log = logging.getLogger(__name__)

FORMAT = 2  # 2: the learned emergency head
# The modules whose code decides what training produces: a change to any of them makes the file stale.
_CODE = ("classifier.py", "dataset.py", "lexicon.py", "model.py", "normalise.py", "rules.py", "cache.py")


class TrainingSettings(Protocol):
    def training_settings(self) -> dict[str, object]:
        """The settings that decide what training produces (not the thresholds that only reading uses)."""
        ...


def training_key(train: bytes, corrections: Sequence[Example], settings: TrainingSettings) -> str:
    """The hash a weights file must carry to be used with this data, these corrections and training settings."""
    h = hashlib.sha256()
    h.update(f"format {FORMAT}\n".encode())
    h.update(hashlib.sha256(train).digest())
    for e in corrections:
        h.update(json.dumps([e.text, e.intent.value, e.category], ensure_ascii=False).encode())
    h.update(json.dumps(settings.training_settings(), sort_keys=True, default=str).encode())
    h.update(_code_digest())
    return h.hexdigest()


_code_lock = threading.Lock()
_code: bytes | None = None


def _code_digest() -> bytes:
    """The fingerprint of the understander's modules, computed once per process under a lock.

    Once, because the code a process runs does not change under it; under a lock, because Python 3.11's
    parser keeps the depth of the syntax tree it is building in interpreter-wide state, so two threads
    parsing at once (desks starting together in one process) can fail with "AST constructor recursion
    depth mismatch".
    """
    global _code
    with _code_lock:
        if _code is None:
            from bot.nlu.model import READING_ONLY

            package = resources.files("bot.nlu")
            h = hashlib.sha256()
            for name in _CODE:
                h.update(code_fingerprint(package.joinpath(name).read_bytes(), ("ModelSettings", READING_ONLY)))
            _code = h.digest()
        return _code


def code_fingerprint(source: bytes, reading_only: tuple[str, frozenset[str]] = ("", frozenset())) -> bytes:
    """What of a module decides what it computes: its syntax tree without comments, docstrings or layout, and
    without the fields ``reading_only`` names of the class it names (the settings only reading the model uses, so
    that refitting a threshold costs no training)."""
    tree = ast.parse(source)
    settings_class, fields = reading_only
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == settings_class:
            node.body = [
                s
                for s in node.body
                if not (isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id in fields)
            ]
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = node.body[1:] or [ast.Pass()]
    return ast.dump(tree).encode()


def shipped_training_bytes() -> bytes:
    return resources.files("bot.nlu").joinpath("data").joinpath("train.jsonl").read_bytes()


def save(path: str | Path, key: str, arrays: dict[str, np.ndarray], meta: dict[str, object]) -> None:
    """Write the weights atomically (a reader never sees half a file)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    header = json.dumps({"key": key, **meta}, ensure_ascii=False).encode()
    fd, tmp = tempfile.mkstemp(prefix=".nlu-", suffix=".npz", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            named: dict[str, Any] = {"header": np.frombuffer(header, dtype=np.uint8), **arrays}
            np.savez(out, **named)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def training_lock(path: str | Path) -> Iterator[None]:
    """Held while one process trains for the weights file ``path``: desks (or test workers) starting together
    wait for the first one's training and read its file rather than each training the same model. Where the
    lock file cannot be made (a read-only directory), nothing is held and each trains on its own."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target.with_name(target.name + ".lock"), "a")
    except OSError as exc:
        log.warning("NLU weights lock for %s not taken (%s): training without it", path, exc)
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def load(path: str | Path, key: str) -> tuple[dict[str, np.ndarray], dict[str, object]] | None:
    """The arrays and metadata of a weights file carrying ``key``; None when missing or stale.

    Raises for a file that cannot be read (the caller retrains)."""
    target = Path(path)
    if not target.is_file():
        return None
    with np.load(target, allow_pickle=False) as data:
        meta = json.loads(bytes(data["header"]).decode())
        if not isinstance(meta, dict) or meta.get("key") != key:
            return None
        return {name: data[name] for name in data.files if name != "header"}, meta
