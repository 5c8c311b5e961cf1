"""The built-in understander: normalisation, keyword rules and a classifier trained at start-up.

Intent and category come from char n-gram classifiers trained on ``bot/nlu/data/train.jsonl`` when the
object is built (about 1.5 s of CPU with ~1,500 examples); emergencies and questions from
:mod:`bot.nlu.rules`; the building and unit from :mod:`bot.nlu.units`. Nothing is downloaded; reviewed
staff corrections (:mod:`bot.nlu.corrections`) may join the training data at start-up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.classifier import FeatureRows, FloatArray, IntArray, NgramVectoriser, SoftmaxRegression
from bot.nlu.dataset import Example, shipped_training_data
from bot.nlu.lexicon import concepts
from bot.nlu.normalise import normalise
from bot.nlu.places import find_common_area, says_own_home
from bot.nlu.rules import EmergencySignal, emergency_signal, is_question, says_complaint
from bot.nlu.units import extract_unit
from dialogs.understanding import Intent, Understanding

log = logging.getLogger(__name__)

_NO_CATEGORY = "-"  # the category heads' label for "the message does not say"


@dataclass(frozen=True)
class ModelSettings:
    """Hyper-parameters, chosen by cross-validation on the training set only (see ``bot.nlu.evaluate``)."""

    ngram_range: tuple[int, int] = (1, 2)
    use_lexicon: bool = True
    lexicon_weight: float = 3.0
    c: float = 100.0
    iterations: int = 100
    rule_confidence: float = 0.9  # a keyword rule that overrides the classifier is at least this sure
    # Calibration and asking: temperatures fitted on ``bot/nlu/data/dev.jsonl`` (never on a held-out
    # file) by :func:`bot.nlu.evaluate.calibrate`, which also prints the asking / wrong-without-asking
    # trade-off that the two thresholds were picked from.
    # Fitted with ``python -m bot.nlu.evaluate bot/nlu/data/dev.jsonl`` (dev set: asks 6.5% of messages,
    # wrong without asking 5.9%; offers two categories for 28% of repairs and complaints, and then the
    # pre-filled category is wrong for 1%).
    intent_temperature: float = 0.75
    category_temperature: float = 0.75
    # A reviewed correction is a staff member's word on a real message of this estate: it counts as this many
    # shipped examples (one line among ~3,500 would barely move a prediction).
    correction_weight: int = 3
    ask_below: float = 0.5  # calibrated intent probability under which the dialog asks
    category_ask_below: float = 0.8  # calibrated category probability under which the dialog offers two


class BuiltinUnderstander:
    """Understands zh-Hant (with Cantonese), zh-Hans and English without any outside service.

    ``language`` is not needed: every message is normalised to one form before matching.
    """

    def __init__(
        self,
        examples: Sequence[Example] | None = None,
        settings: ModelSettings | None = None,
        corrections: Sequence[Example] = (),
    ) -> None:
        """``corrections``: reviewed staff and resident corrections (``bot.nlu.corrections``), trained on
        after ``examples`` (the shipped data when None)."""
        started = time.perf_counter()
        self.settings = settings or ModelSettings()
        data = list(examples) if examples is not None else shipped_training_data()
        data.extend(e for e in corrections for _ in range(self.settings.correction_weight))
        if not data:
            raise ValueError("no training examples")
        texts = [normalise(e.text) for e in data]
        self._vectoriser = NgramVectoriser(
            self.settings.ngram_range,
            tokens=concepts if self.settings.use_lexicon else None,
            token_weight=self.settings.lexicon_weight,
        )
        rows = self._vectoriser.fit_transform(texts)
        n_features = len(self._vectoriser.vocabulary)
        self._intent = self._fit(rows, [e.intent.value for e in data], n_features)
        self._categories: dict[Intent, SoftmaxRegression] = {}
        for intent in (Intent.REPAIR, Intent.COMPLAINT):
            picked = [i for i, e in enumerate(data) if e.intent is intent]
            if picked:
                sub = rows.select(picked)
                labels = [data[i].category or _NO_CATEGORY for i in picked]
                self._categories[intent] = self._fit(sub, labels, n_features)
        self.training_seconds = time.perf_counter() - started
        log.info(
            "NLU model trained on %d examples, %d features, in %.3f s", len(data), n_features, self.training_seconds
        )

    @classmethod
    def from_trained(cls, trained: BuiltinUnderstander, settings: ModelSettings) -> BuiltinUnderstander:
        """``trained``'s classifiers with other calibration settings (nothing is retrained)."""
        copy = cls.__new__(cls)
        copy.__dict__.update(trained.__dict__)
        copy.settings = settings
        return copy

    def _fit(self, rows: FeatureRows, labels: list[str], n_features: int) -> SoftmaxRegression:
        model = SoftmaxRegression(c=self.settings.c, iterations=self.settings.iterations)
        if len(set(labels)) < 2:
            # One class only: nothing to learn, always answer it.
            model.classes = [labels[0]]
            return model
        return model.fit(rows, labels, n_features)

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        return self.understand_now(text)

    def understand_now(self, text: str) -> Understanding:
        """The synchronous core of :meth:`understand` (a few hundred microseconds, no I/O)."""
        description = text.strip()
        s = normalise(text)
        if not s:
            return Understanding(intent=Intent.OTHER, description=description)
        building, unit = extract_unit(s, normalised=True)
        indices, values = self._vectoriser.row(s)
        p_intent = self._predict(self._intent, indices, values, self.settings.intent_temperature)
        intent = Intent(max(p_intent, key=p_intent.__getitem__))
        confidence = p_intent[intent.value]
        unsure = confidence < self.settings.ask_below
        signal = emergency_signal(s)
        if signal is not None and intent is not Intent.REPAIR:
            # An emergency needs hands on site whatever the wording: it becomes a repair.
            intent = Intent.REPAIR
            confidence = max(p_intent[intent.value], self.settings.rule_confidence)
        elif signal is None and intent is not Intent.COMPLAINT and says_complaint(s):
            intent = Intent.COMPLAINT
            confidence = max(p_intent[intent.value], self.settings.rule_confidence)
        if signal is not None or confidence >= self.settings.rule_confidence:
            unsure = False  # an emergency is never asked about; a keyword rule is sure enough
        category, category_choices = self._category(intent, signal, indices, values)
        return Understanding(
            intent=intent,
            category=category,
            building=building,
            unit=unit,
            emergency=signal is not None,
            description=description,
            confidence=round(confidence, 4),
            is_question=intent is Intent.OTHER and is_question(s),
            common_area=find_common_area(s, normalised=True),
            own_home=says_own_home(s, normalised=True),
            unsure=unsure,
            category_choices=category_choices,
        )

    def _category(
        self, intent: Intent, signal: EmergencySignal | None, indices: IntArray, values: FloatArray
    ) -> tuple[str | None, tuple[str, ...]]:
        """The category, and when it is too uncertain to pre-fill, the two likeliest instead."""
        if signal is not None and signal.category is not None:
            return signal.category, ()
        head = self._categories.get(intent)
        if head is None:
            return None, ()
        p_category = self._predict(head, indices, values, self.settings.category_temperature)
        best = max(p_category, key=p_category.__getitem__)
        if signal is not None:
            # Gas and fire are no trade of their own: "other", unless the electrics are burning.
            return ("electrical" if best == "electrical" else "other"), ()
        if best == _NO_CATEGORY:
            return None, ()
        if p_category[best] < self.settings.category_ask_below:
            ranked = sorted((k for k in p_category if k != _NO_CATEGORY), key=p_category.__getitem__, reverse=True)
            return None, tuple(ranked[:2])
        return best, ()

    def probabilities(self, text: str, intent: Intent | None = None) -> dict[str, float]:
        """Uncalibrated probabilities (temperature 1) of the intent head, or of ``intent``'s category head."""
        indices, values = self._vectoriser.row(normalise(text))
        if intent is None:
            return self._predict(self._intent, indices, values)
        head = self._categories.get(intent)
        return {} if head is None else self._predict(head, indices, values)

    @staticmethod
    def _predict(
        model: SoftmaxRegression, indices: IntArray, values: FloatArray, temperature: float = 1.0
    ) -> dict[str, float]:
        if len(model.classes) == 1:
            return {model.classes[0]: 1.0}
        return model.predict_proba(indices, values, temperature)


# Models trained on the shipped data, by their corrections: training takes a second or more, and one process
# may build several desks (the demo's scratch desks, the test suite's); a trained model is only read.
_SHIPPED: dict[tuple[Example, ...], BuiltinUnderstander] = {}
_SHIPPED_KEPT = 4


def shipped_understander(corrections: Sequence[Example] = ()) -> BuiltinUnderstander:
    """The understander of the shipped training data and ``corrections``, trained once per process for each
    set of corrections (the newest few are kept)."""
    key = tuple(corrections)
    model = _SHIPPED.get(key)
    if model is None:
        model = BuiltinUnderstander(corrections=key)
        if len(_SHIPPED) >= _SHIPPED_KEPT:
            _SHIPPED.pop(next(iter(_SHIPPED)))
        _SHIPPED[key] = model
    return model
