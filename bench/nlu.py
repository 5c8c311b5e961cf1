"""Start-up time and per-message latency of the built-in understander, beside simpler baselines.

Run: ``.venv/bin/python bench/nlu.py [--repeat 50] [--no-sklearn] [--messages FILE]``. Start-up is measured
in fresh processes: import + training, and import + reading the trained-weights file a desk writes at its
first start. Latency over the held-out messages (or ``--messages``), ``--repeat`` times each. Accuracy on
them is printed for reference only: nothing is tuned on it.

``--startup-only [--weights FILE]`` measures only the start-up from a weights file (``FILE`` when its key
matches, else one trained into a temporary file first), in fresh processes alternating with and without the
patterns' compiled code kept (``bot.nlu.patterns``; ``ESTATEDESK_NLU_PATTERN_CACHE=0`` is the baseline).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlu.classifier import NgramVectoriser, SoftmaxRegression  # noqa: E402
from bot.nlu.dataset import Example, load_examples  # noqa: E402
from bot.nlu.evaluate import Scores, score_examples  # noqa: E402
from bot.nlu.lexicon import CONCEPTS  # noqa: E402
from bot.nlu.normalise import normalise  # noqa: E402
from bot.nlu.units import extract_unit  # noqa: E402
from dialogs.understanding import Intent, Understander, Understanding  # noqa: E402

TRAIN = ROOT / "bot" / "nlu" / "data" / "train.jsonl"
HELDOUT = ROOT / "bot" / "nlu" / "data" / "heldout.jsonl"

STARTUP_BUILTIN = (
    "import time; t, c = time.perf_counter(), time.process_time(); from bot.nlu.model import BuiltinUnderstander; "
    "m = BuiltinUnderstander(); print(time.perf_counter() - t, time.process_time() - c)"
)
# Start-up as a desk does it: the weights file written by the first start (or `estatedesk nlu train`) read.
STARTUP_CACHED = (
    "import time; t, c = time.perf_counter(), time.process_time(); from bot.nlu.model import load_or_train; "
    "m = load_or_train({path!r}); print(time.perf_counter() - t, time.process_time() - c)"
)
STARTUP_SKLEARN = (
    "import time; t, c = time.perf_counter(), time.process_time(); from bench.nlu import SklearnClassifier; "
    "SklearnClassifier(); print(time.perf_counter() - t, time.process_time() - c)"
)


class ClassifierOnly:
    """Baseline: the same n-gram classifier on raw text: no normalisation, lexicon, rules or units."""

    def __init__(self, examples: Sequence[Example]) -> None:
        texts = [e.text for e in examples]
        self.vectoriser = NgramVectoriser((1, 2)).fit(texts)
        n = len(self.vectoriser.vocabulary)
        self.intent = SoftmaxRegression(c=100).fit(
            self.vectoriser.transform(texts), [e.intent.value for e in examples], n
        )
        self.categories: dict[Intent, SoftmaxRegression] = {}
        for intent in (Intent.REPAIR, Intent.COMPLAINT):
            part = [e for e in examples if e.intent is intent]
            rows = self.vectoriser.transform([e.text for e in part])
            self.categories[intent] = SoftmaxRegression(c=100).fit(rows, [e.category or "-" for e in part], n)

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        row = self.vectoriser.row(text)
        p = self.intent.predict_proba(*row)
        intent = Intent(max(p, key=p.__getitem__))
        category = None
        if intent in self.categories:
            pc = self.categories[intent].predict_proba(*row)
            best = max(pc, key=pc.__getitem__)
            category = None if best == "-" else best
        return Understanding(intent, category, description=text.strip(), confidence=p[intent.value])


_REPAIR_KINDS = ("elevator", "plumbing", "electrical", "doors", "common_area")
_COMPLAINT_KINDS = ("noise", "security", "parking", "staff", "cleanliness", "neighbour")


class KeywordsOnly:
    """Baseline: the lexicon's keywords with fixed priorities, plus unit extraction; no learning at all."""

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        s = normalise(text)
        found = {name for name, pattern in CONCEPTS.items() if pattern.search(s)}
        building, unit = extract_unit(s, normalised=True)
        complaint = "complain" in found or any(k in found for k in ("noise", "security", "cleanliness"))
        if "bill" in found:
            intent, category = Intent.BILL, None
        elif complaint:
            intent = Intent.COMPLAINT
            category = next((k for k in _COMPLAINT_KINDS if k in found), None)
        elif "broken" in found or "repair_ask" in found or any(k in found for k in _REPAIR_KINDS):
            intent = Intent.REPAIR
            category = next((k for k in _REPAIR_KINDS if k in found), "other" if "structure" in found else None)
        else:
            intent, category = Intent.OTHER, None
        return Understanding(intent, category, building, unit, description=text.strip(), confidence=1.0)


class SklearnClassifier:
    """Reference: scikit-learn's TfidfVectorizer + LogisticRegression, intent only (for start-up cost)."""

    def __init__(self, examples: Sequence[Example] | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        data = list(examples) if examples is not None else load_examples(TRAIN)
        self.pipeline = make_pipeline(
            TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True),
            LogisticRegression(C=100, max_iter=2000),
        )
        self.pipeline.fit([normalise(e.text) for e in data], [e.intent.value for e in data])

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        intent = Intent(self.pipeline.predict([normalise(text)])[0])
        return Understanding(intent, description=text.strip())


def startup(code: str, runs: int, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Medians over ``runs`` fresh processes: in-process seconds for import + training (or reading), the same
    in CPU seconds (what a busy machine does not inflate), and whole-process wall seconds."""
    samples = [startup_once(code, env) for _ in range(runs)]
    inner, cpu, wall = zip(*samples, strict=True)
    return statistics.median(inner), statistics.median(cpu), statistics.median(wall)


def startup_once(code: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    wall = time.perf_counter() - started
    seconds, cpu_seconds = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(cpu_seconds), wall


def startup_from_file(weights: Path, runs: int) -> None:
    """Start-up reading ``weights``, the patterns' compiled code kept and (the baseline, alternating) not kept."""
    code = STARTUP_CACHED.format(path=str(weights))
    kept_env = {k: v for k, v in os.environ.items() if k != "ESTATEDESK_NLU_PATTERN_CACHE"}
    compiled_env = {**kept_env, "ESTATEDESK_NLU_PATTERN_CACHE": "0"}
    startup_once(code, kept_env)  # writes the compiled code if it is not there yet
    kept: list[tuple[float, float, float]] = []
    compiled: list[tuple[float, float, float]] = []
    for _ in range(runs):
        kept.append(startup_once(code, kept_env))
        compiled.append(startup_once(code, compiled_env))
    print("start-up from the weights file, fresh processes alternating: import + reading wall / CPU, process wall")
    for name, samples in (("patterns compiled", compiled), ("patterns kept", kept)):
        inner, cpu, wall = zip(*samples, strict=True)
        print(
            f"{name:<18} median {statistics.median(inner):.2f} / {statistics.median(cpu):.2f} / "
            f"{statistics.median(wall):.2f} s  range {min(inner):.2f}-{max(inner):.2f} s wall, "
            f"{min(cpu):.2f}-{max(cpu):.2f} s CPU"
        )


def shown(seconds: tuple[float, float, float]) -> str:
    return "/".join(f"{s:.2f}" for s in seconds)


async def latency(understander: Understander, texts: Sequence[str], repeat: int) -> list[float]:
    """Milliseconds per ``understand()`` call, every text ``repeat`` times."""
    for text in texts:  # warm-up
        await understander.understand(text)
    samples: list[float] = []
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter_ns()
            await understander.understand(text)
            samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50, help="passes over the held-out messages")
    parser.add_argument("--startup-runs", type=int, default=5, help="fresh processes per start-up figure")
    parser.add_argument("--no-sklearn", action="store_true", help="skip the scikit-learn reference")
    parser.add_argument("--messages", default=str(HELDOUT), help="labelled messages for latency and accuracy")
    parser.add_argument("--startup-only", action="store_true", help="only start-up from a weights file")
    parser.add_argument("--weights", help="the weights file for --startup-only (trained first when stale)")
    args = parser.parse_args(argv)

    from bot.nlu.model import BuiltinUnderstander, load_or_train

    if args.startup_only:
        with tempfile.TemporaryDirectory() as state:
            weights = Path(args.weights) if args.weights else Path(state) / "nlu-model.npz"
            load_or_train(weights)  # read when its key matches; else trained and written, as a first start does
            startup_from_file(weights, args.startup_runs)
        return 0

    train, heldout = load_examples(TRAIN), load_examples(args.messages)
    texts = [e.text for e in heldout]
    rows: list[tuple[str, str, Understander]] = []

    builtin_startup = startup(STARTUP_BUILTIN, args.startup_runs)
    rows.append(("builtin, training", shown(builtin_startup), BuiltinUnderstander(train)))
    with tempfile.TemporaryDirectory() as state:
        weights = Path(state) / "nlu-model.npz"
        cached = load_or_train(weights)  # as the first start does
        cached_startup = startup(STARTUP_CACHED.format(path=str(weights)), args.startup_runs)
    rows.append(("builtin, from file", shown(cached_startup), cached))
    started = time.perf_counter()
    classifier_only = ClassifierOnly(train)
    rows.append(("classifier only", f"train {time.perf_counter() - started:.3f}", classifier_only))
    rows.append(("keywords only", "-", KeywordsOnly()))
    if not args.no_sklearn:
        sk_startup = startup(STARTUP_SKLEARN, max(1, args.startup_runs // 2))
        rows.append(("sklearn (intent)", shown(sk_startup), SklearnClassifier(train)))

    python = sys.version.split()[0]
    print(f"messages: {len(texts)} ({Path(args.messages).name}), repetitions: {args.repeat}, python {python}")
    print("start-up s: import + training (or reading) in a fresh process, wall/CPU, then whole process wall (median)")
    header = f"{'understander':<19} {'start-up s':>16} {'mean ms':>8} {'p50 ms':>8} {'p99 ms':>8}"
    print(header + f" {'intent':>7} {'category':>9} {'unit':>6}")
    for name, start, understander in rows:
        samples = await latency(understander, texts, args.repeat)
        scores: Scores = await score_examples(understander, list(enumerate(heldout, 1)))
        rest = (
            f"{'-':>9} {'-':>6}"
            if isinstance(understander, SklearnClassifier)
            else f"{scores.accuracy('category'):>9.3f} {scores.accuracy('unit'):>6.3f}"
        )
        print(
            f"{name:<19} {start:>16} {statistics.fmean(samples):>8.3f} {percentile(samples, 0.5):>8.3f} "
            f"{percentile(samples, 0.99):>8.3f} {scores.accuracy('intent'):>7.3f} {rest}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
