"""Phone-transcript variants of written messages, to train the understander on how residents speak.

Speech recognisers give no punctuation, fillers ("喂", "呀", "嗯", "er", "um"), words split by spaces and
numbers said one digit at a time ("三座五零二", "flat one two bee"). :func:`as_transcript` turns a written
message into such a transcript; the labels stay the same. ``python -m bot.nlu.transcript`` rebuilds the
training and dev files from the hand-written ones (see ``bot/nlu/data/README.md``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.nlu.units import extract_unit

_PUNCTUATION = re.compile(r"[,.!?;:，。！？；：、~…]+")
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_ZH_DIGITS = "零一二三四五六七八九"
_EN_DIGITS = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_LETTERS = {"a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "eff", "g": "gee", "h": "aitch"}
_ZH_FILLERS = ("喂", "呀", "嗯", "即係", "嗰個", "那个", "就是")
_EN_FILLERS = ("er", "um", "uh", "like", "you know")
_NO_FILLER_AFTER = {*_EN_DIGITS, "flat", "unit", "room", "block", "tower", "building", "floor"}
_NUMBER = re.compile(r"(?<![0-9a-zA-Z])(\d{1,4})([A-Ha-h])?(?![0-9a-zA-Z])")


def _spoken_number(m: re.Match[str], chinese: bool) -> str:
    digits, letter = m.group(1), m.group(2) or ""
    if chinese:
        return "".join(_ZH_DIGITS[int(d)] for d in digits) + letter.upper()
    said = " ".join(_EN_DIGITS[int(d)] for d in digits)
    return f"{said} {_EN_LETTERS[letter.lower()]}" if letter else said


def as_transcript(text: str, rng: random.Random, *, spell_numbers: bool = True) -> str:
    """``text`` as a speech recogniser might return it when a resident says it on the phone."""
    chinese = bool(_CJK.search(text))
    s = _NUMBER.sub(lambda m: _spoken_number(m, chinese), text) if spell_numbers else text
    s = _PUNCTUATION.sub(" ", s)
    if chinese:
        # Recognisers split Chinese into words; roughly every two or three characters here.
        pieces: list[str] = []
        run = ""
        for i, ch in enumerate(s):
            run += ch
            between_han = bool(_CJK.match(ch)) and bool(_CJK.match(s[i + 1 : i + 2]))
            if ch == " " or (between_han and len(run) >= rng.choice((2, 3)) and rng.random() < 0.5):
                pieces.append(run.strip())
                run = ""
        pieces.append(run.strip())
        words = [p for p in pieces if p]
        fillers: tuple[str, ...] = _ZH_FILLERS
    else:
        words = s.lower().split()
        fillers = _EN_FILLERS
    out = [rng.choice(fillers[:3])] if rng.random() < 0.7 else []
    for word in words:
        out.append(word)
        if word in _NO_FILLER_AFTER:
            continue  # "flat one two bee" is said in one breath
        if rng.random() < 0.15:
            out.append(rng.choice(fillers))
    return " ".join(out)


def in_dev(text: str, dev_share: float, seed: int) -> bool:
    """Whether a hand-written message belongs to the dev side: decided by the message alone (a hash of its
    text), so adding or dropping other lines never moves it from one side to the other."""
    digest = hashlib.blake2b(f"{seed}:{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") < dev_share * 2**64


def build(
    written: Sequence[dict[str, object]], dev_share: float, seed: int
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Split hand-written records into train and dev, each with one transcript variant per record.

    A record's side and its variant depend on its own text only (and ``seed``): a round of new lines adds
    lines to both files and changes none already there, so figures before and after it compare like for
    like. A record's variant goes to the same side as the record, so the dev set never scores a message the
    model trained on in another form.
    """
    train: list[dict[str, object]] = []
    dev: list[dict[str, object]] = []
    seen = {str(r["text"]) for r in written}
    for record in written:
        text = str(record["text"])
        side = dev if in_dev(text, dev_share, seed) else train
        side.append(record)
        rng = random.Random(f"{seed}:{text}")  # str seeds hash with SHA-512: the same on every run
        said = ""
        for attempt in range(6):
            # Some notations are not said digit by digit ("Block 3 #05-02"), and a filler may fall
            # inside a unit: a variant must still name the labelled building and unit.
            said = as_transcript(text, rng, spell_numbers=attempt < 3)
            if extract_unit(said) == (record.get("building"), record.get("unit")):
                break
        else:
            continue
        if said not in seen:  # "ok" said is "ok" written: one line, not two
            seen.add(said)
            side.append(dict(record, text=said, source="transcript"))
    return train, dev


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, records: Sequence[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("written", type=Path, help="hand-written JSONL (no transcript lines)")
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("--dev-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    train, dev = build(_read(args.written), args.dev_share, args.seed)
    _write(args.train, train)
    _write(args.dev, dev)
    print(f"train: {len(train)} lines, dev: {len(dev)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
