"""Score an understander on a labelled JSONL file (``estatedesk nlu eval FILE``) and cross-validate the built-in.

Held-out scores are for reporting; hyper-parameters and rules are tuned with :func:`cross_validate` on the
training file only, so the held-out file stays an honest sample.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import opencc

from bot.nlu.dataset import Example, load_examples
from bot.nlu.errors import NluDataError
from bot.nlu.units import normalise_building, normalise_unit
from dialogs.understanding import Intent, Understander, Understanding

if TYPE_CHECKING:
    from bot.nlu.model import BuiltinUnderstander


@dataclass(frozen=True)
class Miss:
    """One line the understander got wrong on at least one of intent, category, unit or emergency."""

    line: int
    example: Example
    got: Understanding


@dataclass
class IntentScore:
    """Counts for one group of lines (an intent, or a language): the same figures as :class:`Scores`."""

    n: int = 0
    intent: int = 0
    category: int = 0
    unit: int = 0
    emergencies_expected: int = 0
    emergencies_found: int = 0
    false_alarms: int = 0

    def merge(self, other: IntentScore) -> None:
        for name in _GROUP_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_GROUP_COUNTS = ("n", "intent", "category", "unit", "emergencies_expected", "emergencies_found", "false_alarms")

# Which language a line is in, for the per-language breakdown. Decided from the text alone so that any
# labelled file can be broken down: no Han character -> "en"; otherwise the script that converting
# Traditional->Simplified or Simplified->Traditional changes more characters of; a Chinese line that reads
# the same in both scripts is Traditional when it is written Cantonese ("冇人喺度" - Cantonese residents write
# Traditional), otherwise "zh" (script-neutral, "3座502漏水"). Mixed lines ("lift又壞咗") count as Chinese.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CANTONESE = re.compile("[啲咗冇嘅喺唔嚟㗎嘢佢哋嘥揾搵咁乜嗰睇瞓𨋢]")
_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")
LANGUAGES = ("zh-Hant", "zh-Hans", "zh", "en")


def language_of(text: str) -> str:
    """ "en", "zh-Hant", "zh-Hans" or "zh" (Chinese the same in both scripts)."""
    if not _HAN.search(text):
        return "en"
    traditional = sum(a != b for a, b in zip(text, _T2S.convert(text), strict=False))
    simplified = sum(a != b for a, b in zip(text, _S2T.convert(text), strict=False))
    if traditional > simplified:
        return "zh-Hant"
    if simplified > traditional:
        return "zh-Hans"
    return "zh-Hant" if _CANTONESE.search(text) else "zh"


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


@dataclass
class Scores:
    """Counts of correct answers; accuracies are over every line (a null expectation must be met by None)."""

    n: int = 0
    intent: int = 0
    category: int = 0
    unit: int = 0
    emergency: int = 0
    emergencies_expected: int = 0
    emergencies_found: int = 0
    false_alarms: int = 0
    per_intent: dict[Intent, IntentScore] = field(default_factory=dict)
    per_language: dict[str, IntentScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    def accuracy(self, what: str) -> float:
        """``what`` is "intent", "category", "unit" or "emergency"."""
        correct: int = getattr(self, what)
        return correct / self.n if self.n else 0.0

    def emergency_recall(self) -> float | None:
        """Share of the lines labelled emergency that were flagged; None when the file labels none."""
        return self.emergencies_found / self.emergencies_expected if self.emergencies_expected else None

    def false_alarm_rate(self) -> float | None:
        """Share of the lines not labelled emergency that were flagged; None when every line is one."""
        calm = self.n - self.emergencies_expected
        return self.false_alarms / calm if calm else None

    def summary_line(self) -> str:
        """The machine-readable last line of an evaluation: ``intent=0.973 category=0.920 unit=0.953 n=150``."""
        return (
            f"intent={self.accuracy('intent'):.3f} category={self.accuracy('category'):.3f} "
            f"unit={self.accuracy('unit'):.3f} n={self.n}"
        )

    def add(self, line: int, example: Example, got: Understanding) -> None:
        intent_ok = got.intent is example.intent
        # When the dialog offers the likeliest categories, the first of them is the understander's guess.
        guess = got.category or (got.category_choices[0] if got.category_choices else None)
        category_ok = guess == example.category
        unit_ok = (normalise_building(got.building), normalise_unit(got.unit)) == (
            normalise_building(example.building),
            normalise_unit(example.unit),
        )
        emergency_ok = got.emergency == example.emergency
        line_score = IntentScore(
            n=1,
            intent=intent_ok,
            category=category_ok,
            unit=unit_ok,
            emergencies_expected=example.emergency,
            emergencies_found=example.emergency and got.emergency,
            false_alarms=got.emergency and not example.emergency,
        )
        for name in _GROUP_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(line_score, name))
        self.emergency += emergency_ok
        self.per_intent.setdefault(example.intent, IntentScore()).merge(line_score)
        self.per_language.setdefault(language_of(example.text), IntentScore()).merge(line_score)
        if not (intent_ok and category_ok and unit_ok and emergency_ok):
            self.misses.append(Miss(line, example, got))


async def score_examples(understander: Understander, examples: Sequence[tuple[int, Example]]) -> Scores:
    """Score ``(line number, example)`` pairs."""
    scores = Scores()
    for line, example in examples:
        got = await understander.understand(example.text)
        scores.add(line, example, got)
    return scores


async def evaluate(understander: Understander, path: str | Path) -> Scores:
    """Score ``understander`` on a JSONL file. Raises :class:`bot.nlu.errors.NluDataError` for a bad file."""
    examples = load_examples(path)
    return await score_examples(understander, list(enumerate(examples, 1)))


def _short(text: str, width: int = 36) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _describe(intent: Intent, category: str | None, building: str | None, unit: str | None, emergency: bool) -> str:
    where = f"{building or '-'}/{unit or '-'}"
    return f"{intent.value}/{category or '-'} {where}{' !' if emergency else ''}"


def write_report(scores: Scores, out: TextIO, *, misses: bool = True) -> None:
    """Per-intent breakdown, emergencies, misclassified lines (unless ``misses`` is False: a held-out set's
    mistakes are not to be read), and the summary line last."""
    out.write(f"{'intent':<10} {'n':>4} {'intent':>7} {'category':>9} {'unit':>6}\n")
    for intent in Intent:
        per = scores.per_intent.get(intent)
        if per is None or per.n == 0:
            continue
        out.write(
            f"{intent.value:<10} {per.n:>4} {per.intent / per.n:>7.3f} "
            f"{per.category / per.n:>9.3f} {per.unit / per.n:>6.3f}\n"
        )
    calm = scores.n - scores.emergencies_expected
    out.write(
        f"emergency: {scores.emergencies_found}/{scores.emergencies_expected} flagged, "
        f"{scores.false_alarms} false alarm(s), accuracy={scores.accuracy('emergency'):.3f}, "
        f"recall={_rate(scores.emergencies_found, scores.emergencies_expected)}, "
        f"false-alarm rate={_rate(scores.false_alarms, calm)} of {calm} non-emergency\n"
    )
    out.write(
        f"{'language':<10} {'n':>4} {'intent':>7} {'category':>9} {'unit':>6} {'emergency':>10} {'false alarms':>13}\n"
    )
    for language in LANGUAGES:
        per = scores.per_language.get(language)
        if per is None or per.n == 0:
            continue
        flagged = f"{per.emergencies_found}/{per.emergencies_expected}"
        alarms = f"{per.false_alarms}/{per.n - per.emergencies_expected}"
        out.write(
            f"{language:<10} {per.n:>4} {per.intent / per.n:>7.3f} {per.category / per.n:>9.3f} "
            f"{per.unit / per.n:>6.3f} {flagged:>10} {alarms:>13}\n"
        )
    if scores.misses:
        out.write(f"misclassified ({len(scores.misses)}): line: expected -> got  text\n")
    for miss in scores.misses if misses else ():
        e, g = miss.example, miss.got
        expected = _describe(e.intent, e.category, e.building, e.unit, e.emergency)
        got = _describe(g.intent, g.category, g.building, g.unit, g.emergency)
        out.write(f"  {miss.line:>4}: {expected} -> {got}  {_short(e.text)}\n")
    out.write(scores.summary_line() + "\n")


async def run_eval(
    path: str, out: TextIO, understander: Understander | None = None, *, figures_only: bool = False
) -> int:
    """``estatedesk nlu eval FILE [--figures-only]``: score the built-in understander (or ``understander``) on
    FILE; ``figures_only`` leaves out the misclassified lines (for a held-out set, whose mistakes must not steer
    any change).

    Returns the process exit code: 0 when scored, 2 when the file cannot be read or is invalid.
    """
    try:
        examples = load_examples(path)
    except NluDataError as exc:
        out.write(f"error: {exc}\n")
        return 2
    if understander is None:
        from bot.nlu.model import BuiltinUnderstander

        understander = BuiltinUnderstander()
    scores = await score_examples(understander, list(enumerate(examples, 1)))
    write_report(scores, out, misses=not figures_only)
    return 0


def transcript_groups(path: str | Path) -> list[int]:
    """For each line of a labelled file, the written message it belongs to: a speech-transcript variant
    (``"source": "transcript"``) belongs to the line before it (``bot.nlu.transcript`` writes them so)."""
    groups: list[int] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        follows = bool(groups) and json.loads(raw).get("source") == "transcript"
        groups.append(groups[-1] if follows else len(groups))
    return groups


async def cross_validate(
    examples: Sequence[Example],
    folds: int = 5,
    seed: int = 0,
    groups: Sequence[int] | None = None,
    **settings: object,
) -> Scores:
    """k-fold cross-validation of the built-in understander; ``settings`` override :class:`ModelSettings`.

    ``groups`` (one per example, e.g. :func:`transcript_groups`) keeps each group on one side of every
    fold: a message and its transcript variant are near-duplicates, and a fold that trains on one and
    tests on the other rewards memorising. Line numbers in the misses are 1-based positions in ``examples``.
    """
    from bot.nlu.model import BuiltinUnderstander, ModelSettings

    model_settings = ModelSettings(**settings)  # type: ignore[arg-type]
    scores = Scores()
    for test in _folds(len(examples), folds, seed, groups):
        held = set(test)
        train = [e for i, e in enumerate(examples) if i not in held]
        model = BuiltinUnderstander(train, model_settings)
        part = await score_examples(model, [(i + 1, examples[i]) for i in test])
        _merge(scores, part)
    scores.misses.sort(key=lambda m: m.line)
    return scores


def _folds(n: int, folds: int, seed: int, groups: Sequence[int] | None) -> list[list[int]]:
    """The test indices of each fold; a group never spans two folds."""
    keys = list(groups) if groups is not None else list(range(n))
    if len(keys) != n:
        raise ValueError("one group per example")
    distinct = sorted(set(keys))
    random.Random(seed).shuffle(distinct)
    fold_of = {key: i % folds for i, key in enumerate(distinct)}
    return [[i for i, key in enumerate(keys) if fold_of[key] == fold] for fold in range(folds)]


@dataclass(frozen=True)
class EmergencyOutcome:
    """One message scored by a model that did not train on it: the label, the rules, the learned head."""

    labelled: bool
    rules: bool  # the rules flag it (``bot.nlu.rules.emergency_signal``)
    cue: bool  # a not-emergency cue applies (``bot.nlu.rules.not_emergency_cue``)
    probability: float  # the learned head's probability
    veto: float = 1.0  # the veto head's probability (it saw the rules' view of the message)
    words: float = 100.0  # how much the message says (``bot.nlu.rules.message_words``): a short one is never vetoed


def out_of_fold_emergencies(
    examples: Sequence[Example], folds: int = 5, seed: int = 0, groups: Sequence[int] | None = None
) -> list[EmergencyOutcome]:
    """Out-of-fold emergency outcomes for every example, with the folds of :func:`cross_validate`."""
    from bot.nlu.model import BuiltinUnderstander
    from bot.nlu.normalise import normalise
    from bot.nlu.rules import emergency_signal, message_words, not_emergency_cue

    outcomes: dict[int, EmergencyOutcome] = {}
    for test in _folds(len(examples), folds, seed, groups):
        held = set(test)
        model = BuiltinUnderstander([e for i, e in enumerate(examples) if i not in held])
        for i in test:
            s = normalise(examples[i].text)
            outcomes[i] = EmergencyOutcome(
                examples[i].emergency,
                emergency_signal(s) is not None,
                not_emergency_cue(s),
                model.emergency_probability(examples[i].text),
                model.veto_probability(examples[i].text),
                message_words(s),
            )
    return [outcomes[i] for i in range(len(examples))]


@dataclass(frozen=True)
class EmergencyRates:
    """What one threshold of the learned head gives, with the rules beside it."""

    threshold: float
    recall: float  # flagged by the rules or the head, among the labelled emergencies
    false_alarm_rate: float  # flagged among the others
    head_recall: float  # flagged by the head alone (no rule): how far it reaches past the rules' wordings
    false_alarms: int
    misses: int = 0

    @property
    def errors(self) -> int:
        """Misses and false alarms, at equal cost: a false alarm pages the night duty team as a miss fails
        someone waiting for it."""
        return self.misses + self.false_alarms


def emergency_rates(
    outcomes: Sequence[EmergencyOutcome],
    threshold: float,
    veto_below: float = 0.0,
    min_words: float = 0.0,
    cue_override: float = 1.0,
) -> EmergencyRates:
    """Recall and false alarms of "the rules unless the veto head is below ``veto_below``, or the head at
    ``threshold`` unless a cue applies and the head is below ``cue_override``" (as
    :meth:`bot.nlu.model.BuiltinUnderstander.understand_now` decides)."""

    def head(o: EmergencyOutcome) -> bool:
        return not o.rules and o.probability >= threshold and (not o.cue or o.probability >= cue_override)

    def flagged(o: EmergencyOutcome) -> bool:
        return (o.rules and (o.veto >= veto_below or o.words < min_words)) or head(o)

    found = [flagged(o) for o in outcomes if o.labelled]
    alarms = sum(flagged(o) for o in outcomes if not o.labelled)
    head_found = [head(o) for o in outcomes if o.labelled]
    calm = max(1, len(outcomes) - len(found))
    return EmergencyRates(
        threshold,
        sum(found) / max(1, len(found)),
        alarms / calm,
        sum(head_found) / max(1, len(head_found)),
        alarms,
        len(found) - sum(found),
    )


EMERGENCY_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(6, 20))
MAX_FALSE_ALARMS = 0.01  # out of fold, among non-emergency messages: issue 11's goal


EMERGENCY_VETOES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
CUE_OVERRIDES = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)  # 1.0: a cue always stands


def emergency_grid(
    outcomes: Sequence[EmergencyOutcome], veto_below: float = 0.0, min_words: float = 0.0
) -> list[EmergencyRates]:
    return [emergency_rates(outcomes, t, veto_below, min_words) for t in EMERGENCY_THRESHOLDS]


def veto_grid(outcomes: Sequence[EmergencyOutcome], min_words: float = 0.0) -> list[tuple[float, int, int]]:
    """For each veto level: (level, emergencies the rules flag that the veto head would drop, false alarms of the
    rules it would drop), among messages of at least ``min_words`` words."""
    flagged = [o for o in outcomes if o.rules and o.words >= min_words]
    return [
        (v, sum(o.labelled and o.veto < v for o in flagged), sum(not o.labelled and o.veto < v for o in flagged))
        for v in EMERGENCY_VETOES
    ]


def cue_override_grid(
    outcomes: Sequence[EmergencyOutcome], threshold: float, veto_below: float = 0.0, min_words: float = 0.0
) -> list[EmergencyRates]:
    """The rates at ``threshold`` with each level of :data:`CUE_OVERRIDES` (the ``threshold`` field of each holds the
    override level)."""
    return [
        replace(emergency_rates(outcomes, threshold, veto_below, min_words, level), threshold=level)
        for level in CUE_OVERRIDES
    ]


def choose_cue_override(
    outcomes: Sequence[EmergencyOutcome], threshold: float, veto_below: float = 0.0, min_words: float = 0.0
) -> EmergencyRates:
    """The override level with the fewest misses and false alarms together among those whose false-alarm rate stays
    under :data:`MAX_FALSE_ALARMS`; ties go to fewer false alarms, then the higher level."""
    rates = cue_override_grid(outcomes, threshold, veto_below, min_words)
    allowed = [r for r in rates if r.false_alarm_rate < MAX_FALSE_ALARMS] or rates
    return min(allowed, key=lambda r: (r.errors, r.false_alarms, -r.threshold))


def choose_emergency_threshold(
    outcomes: Sequence[EmergencyOutcome], veto_below: float = 0.0, min_words: float = 0.0
) -> EmergencyRates:
    """The threshold with the fewest misses and false alarms together (equal cost) among those whose
    false-alarm rate stays under :data:`MAX_FALSE_ALARMS` (all of them when none does); ties go to fewer false
    alarms, then the higher threshold."""
    rates = emergency_grid(outcomes, veto_below, min_words)
    allowed = [r for r in rates if r.false_alarm_rate < MAX_FALSE_ALARMS] or rates
    return min(allowed, key=lambda r: (r.errors, r.false_alarms, -r.threshold))


def _merge(total: Scores, part: Scores) -> None:
    for name in (*_GROUP_COUNTS, "emergency"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    for intent, per in part.per_intent.items():
        total.per_intent.setdefault(intent, IntentScore()).merge(per)
    for language, per in part.per_language.items():
        total.per_language.setdefault(language, IntentScore()).merge(per)
    total.misses.extend(part.misses)


# A wrong guess costs a resident more than one question does: a form for the wrong thing, a ticket in the
# wrong queue. The thresholds minimise (questions asked + WRONG_GUESS_COST x wrong guesses) on the dev set.
WRONG_GUESS_COST = 4.0
# From 0.05 to 5.4, each a fifth above the last: softmax regression's log-odds want temperatures near 1, the linear
# SVMs' margins (a few units wide) temperatures well under 1.
_TEMPERATURES = tuple(round(0.05 * 2 ** (i / 4), 3) for i in range(28))
_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 20))


@dataclass(frozen=True)
class Calibration:
    """Temperatures and thresholds fitted on a dev set, with the rates they give there."""

    intent_temperature: float
    category_temperature: float
    ask_below: float
    category_ask_below: float
    ask_rate: float  # share of messages where the dialog asks the intent
    wrong_without_asking: float  # share of messages with a wrong intent and no question
    category_offer_rate: float
    category_wrong_without_offering: float


def _temperature(probabilities: Sequence[tuple[dict[str, float], str]]) -> float:
    """The temperature that minimises the negative log-likelihood of the true labels."""
    import math

    def nll(t: float) -> float:
        total = 0.0
        for p, truth in probabilities:
            scaled = {k: max(v, 1e-12) ** (1 / t) for k, v in p.items()}
            total -= math.log(scaled.get(truth, 1e-12) / sum(scaled.values()))
        return total

    return min(_TEMPERATURES, key=nll)


def _scaled_top(p: dict[str, float], t: float) -> tuple[str, float]:
    scaled = {k: max(v, 1e-12) ** (1 / t) for k, v in p.items()}
    total = sum(scaled.values())
    best = max(scaled, key=scaled.__getitem__)
    return best, scaled[best] / total


def _threshold(outcomes: Sequence[tuple[float, bool]]) -> tuple[float, float, float]:
    """(threshold, ask rate, wrong-without-asking rate) minimising asks + WRONG_GUESS_COST x wrong guesses."""
    n = max(1, len(outcomes))

    def rates(t: float) -> tuple[float, float]:
        asked = sum(conf < t for conf, _ in outcomes)
        wrong = sum(conf >= t and not right for conf, right in outcomes)
        return asked / n, wrong / n

    best = min(_THRESHOLDS, key=lambda t: (rates(t)[0] + WRONG_GUESS_COST * rates(t)[1], t))
    return (best, *rates(best))


def calibrate(model: BuiltinUnderstander, dev: Sequence[Example]) -> Calibration:
    """Fit temperatures and asking thresholds for ``model`` on ``dev`` (never on a held-out file)."""
    return _calibrate([(model, dev)])


def calibrate_out_of_fold(
    examples: Sequence[Example],
    folds: int = 5,
    seed: int = 0,
    groups: Sequence[int] | None = None,
    train: Callable[[list[Example]], BuiltinUnderstander] | None = None,
) -> Calibration:
    """Fit temperatures and asking thresholds on every example, each scored by a model that did not train on it
    (the folds of :func:`cross_validate`; ``groups`` keeps a message and its transcript on one side).

    A dev set is a tenth of the written messages: the asking trade-off is flat near its best, and each rebuilt
    tenth picked another point on it. Out of fold, every training line has its say."""
    if train is None:
        from bot.nlu.model import BuiltinUnderstander

        train = BuiltinUnderstander
    parts = []
    for test in _folds(len(examples), folds, seed, groups):
        held = set(test)
        model = train([e for i, e in enumerate(examples) if i not in held])
        parts.append((model, [examples[i] for i in test]))
    return _calibrate(parts)


def _calibrate(parts: Sequence[tuple[BuiltinUnderstander, Sequence[Example]]]) -> Calibration:
    """Temperatures and thresholds fitted on every (model, the examples it scores) pair taken together."""
    intents = [(model.probabilities(e.text), e.intent.value) for model, dev in parts for e in dev]
    t_intent = _temperature(intents)
    categories = [
        (model.probabilities(e.text, e.intent), e.category or "-")
        for model, dev in parts
        for e in dev
        if e.intent in (Intent.REPAIR, Intent.COMPLAINT) and not e.emergency
    ]
    t_category = _temperature([c for c in categories if c[0]])
    intent_outcomes: list[tuple[float, bool]] = []
    for model, dev in parts:
        settings = replace(model.settings, intent_temperature=t_intent, category_temperature=t_category)
        calibrated = type(model).from_trained(model, settings)
        for e in dev:
            got = calibrated.understand_now(e.text)
            sure = 1.0 if got.emergency else got.confidence
            intent_outcomes.append((sure, got.intent is e.intent))
    category_outcomes = [
        (_scaled_top(p, t_category)[1], _scaled_top(p, t_category)[0] == truth) for p, truth in categories if p
    ]
    ask_below, ask_rate, wrong = _threshold(intent_outcomes)
    category_ask_below, offer_rate, category_wrong = _threshold(category_outcomes)
    return Calibration(t_intent, t_category, ask_below, category_ask_below, ask_rate, wrong, offer_rate, category_wrong)


def asking_rates(model: BuiltinUnderstander, examples: Sequence[Example]) -> tuple[float, float]:
    """(how often the dialog asks the intent, how often the intent is wrong and it did not ask)."""
    n = max(1, len(examples))
    asked = wrong = 0
    for e in examples:
        got = model.understand_now(e.text)
        asked += got.unsure
        wrong += (not got.unsure) and got.intent is not e.intent
    return asked / n, wrong / n


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bot.nlu.evaluate DEV [FILE...]``: fit the calibration on DEV, then print asking rates;
    ``python -m bot.nlu.evaluate --out-of-fold TRAIN [FILE...]``: fit it out of fold on TRAIN instead;
    ``python -m bot.nlu.evaluate --emergency TRAIN``: the emergency threshold by grouped cross-validation."""
    import argparse

    from bot.nlu.model import BuiltinUnderstander, ModelSettings

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("dev", nargs="?", help="the dev set the thresholds are chosen on")
    parser.add_argument("files", nargs="*", help="other files to report asking rates on (nothing is fitted)")
    parser.add_argument(
        "--emergency",
        metavar="TRAIN",
        help="instead: the learned emergency head's threshold by grouped cross-validation on TRAIN",
    )
    parser.add_argument(
        "--out-of-fold",
        metavar="TRAIN",
        help="instead: temperatures and asking thresholds by grouped cross-validation on TRAIN, then asking rates "
        "of the shipped model with them on the files given",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="how --emergency and --out-of-fold split the folds (default 0)"
    )
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="fit nothing: asking rates of the shipped settings (temperatures and thresholds) on every file",
    )
    args = parser.parse_args(argv)
    if args.emergency:
        outcomes = out_of_fold_emergencies(
            load_examples(args.emergency), seed=args.seed, groups=transcript_groups(args.emergency)
        )
        settings = ModelSettings()
        veto, words = settings.emergency_veto_below, settings.veto_min_words
        for least in sorted({0.0, 8.0, 10.0, words}):
            for level, vetoed, removed in veto_grid(outcomes, least):
                print(
                    f"veto below {level:.2f}, messages of {least:g}+ words: rules' emergencies vetoed {vetoed}, "
                    f"rules' false alarms removed {removed}"
                )
        print(f"with the veto below {veto} on messages of {words:g}+ words:")
        for rates in emergency_grid(outcomes, veto, words):
            print(
                f"threshold {rates.threshold:.2f}: recall {rates.recall:.3f}, "
                f"false alarms {rates.false_alarms} ({rates.false_alarm_rate:.2%}), head alone {rates.head_recall:.3f}"
            )
        print("chosen:", choose_emergency_threshold(outcomes, veto, words))
        threshold = settings.emergency_threshold
        print(f"at the threshold {threshold}, the head flagging past a not-emergency cue from:")
        for rates in cue_override_grid(outcomes, threshold, veto, words):
            print(
                f"cue override {rates.threshold:.2f}: recall {rates.recall:.3f}, misses {rates.misses}, "
                f"false alarms {rates.false_alarms} ({rates.false_alarm_rate:.2%})"
            )
        print("chosen:", choose_cue_override(outcomes, threshold, veto, words))
        return 0
    if args.dev is None and not args.out_of_fold:
        parser.error("a dev set, --out-of-fold TRAIN or --emergency TRAIN")
    from bot.nlu.model import shipped_understander
    from bot.settings import load_settings

    # The shipped model, read from the weights file (ESTATEDESK_NLU_CACHE) when it holds this training: the
    # thresholds and temperatures fitted here are not part of its key, so refitting them trains nothing.
    model = shipped_understander(cache=load_settings().nlu_cache or None)
    files = [path for path in (args.dev, *args.files) if path is not None]
    if args.shipped:
        for path in files:
            asked, wrong = asking_rates(model, load_examples(path))
            print(f"{path}: asks {asked:.3f}, wrong without asking {wrong:.3f} (shipped settings)")
        return 0
    if args.out_of_fold:
        fitted = calibrate_out_of_fold(
            load_examples(args.out_of_fold), seed=args.seed, groups=transcript_groups(args.out_of_fold)
        )
    else:
        fitted = calibrate(model, load_examples(args.dev))
    print(fitted)
    final = BuiltinUnderstander.from_trained(
        model,
        replace(
            model.settings,
            intent_temperature=fitted.intent_temperature,
            category_temperature=fitted.category_temperature,
            ask_below=fitted.ask_below,
            category_ask_below=fitted.category_ask_below,
        ),
    )
    for path in files:
        asked, wrong = asking_rates(final, load_examples(path))
        print(f"{path}: asks {asked:.3f}, wrong without asking {wrong:.3f}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
