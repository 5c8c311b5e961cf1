"""A small text classifier: character n-gram TF-IDF, multinomial logistic regression and linear SVMs, in numpy.

scikit-learn would do the same, but importing it takes over 2 s on a 2-core machine while this module
trains the built-in model in well under a second; ``bench/nlu.py`` compares the two.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class FeatureRows:
    """Sparse rows in CSR form: row ``i`` is ``indices[indptr[i]:indptr[i+1]]`` with ``values`` likewise."""

    indptr: IntArray
    indices: IntArray
    values: FloatArray

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def select(self, picked: Sequence[int]) -> FeatureRows:
        """The rows ``picked``, in that order."""
        bounds = [(self.indptr[i], self.indptr[i + 1]) for i in picked]
        return stack_rows([(self.indices[a:b], self.values[a:b]) for a, b in bounds])


_TOKEN = "\x00"  # marks a token feature, which no character n-gram can contain
_WORD = "\x01"  # marks a word feature (weighted like an n-gram)


def token_feature(token: str) -> str:
    """The vocabulary key of a whole-token feature (a lexicon concept), never a character n-gram."""
    return _TOKEN + token


class NgramVectoriser:
    """TF-IDF over character n-grams of normalised text (sublinear tf, l2-normalised rows).

    Digit runs become "0" first: a unit number says nothing about what is broken. ``tokens`` may add
    whole-word features (the lexicon's concepts), weighted by ``token_weight`` against the n-grams;
    ``words`` adds word features weighted like the n-grams. ``prepare`` rewrites a text before any of them.
    """

    def __init__(
        self,
        ngram_range: tuple[int, int] = (1, 3),
        min_df: int = 1,
        tokens: Callable[[str], list[str]] | None = None,
        token_weight: float = 1.0,
        words: Callable[[str], list[str]] | None = None,
        prepare: Callable[[str], str] | None = None,
    ) -> None:
        self.prepare = prepare
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.tokens = tokens
        self.token_weight = token_weight
        self.words = words
        self.vocabulary: dict[str, int] = {}
        self.idf: FloatArray = np.zeros(0)

    def _grams(self, text: str) -> Counter[str]:
        if self.prepare is not None:
            text = self.prepare(text)
        s = f" {_DIGITS.sub('0', text)} "
        lo, hi = self.ngram_range
        grams: Counter[str] = Counter()
        for n in range(lo, hi + 1):
            # Counted in C (Counter.update over map and zip), then the grams of blanks only dropped: a Python loop
            # over the characters cost a long message a tenth of its reading.
            if n == 1:
                grams.update(s)
            else:
                grams.update(map("".join, zip(*(s[k:] for k in range(n)), strict=False)))  # (shorter as k grows)
        for blank in [gram for gram in grams if gram.isspace()]:
            del grams[blank]
        if self.tokens is not None:
            for token in self.tokens(text):
                grams[_TOKEN + token] += 1
        if self.words is not None:
            for word in self.words(text):
                grams[_WORD + word] += 1
        return grams

    def fit(self, texts: Sequence[str]) -> NgramVectoriser:
        self._fit_grams([self._grams(text) for text in texts])
        return self

    def fit_transform(self, texts: Sequence[str]) -> FeatureRows:
        """``fit(texts).transform(texts)``, reading each text once (the start-up cost is mostly this)."""
        grams = [self._grams(text) for text in texts]
        self._fit_grams(grams)
        return stack_rows([self._row(g) for g in grams])

    def _fit_grams(self, grams: Sequence[Counter[str]]) -> None:
        df: Counter[str] = Counter()
        for counts in grams:
            df.update(counts.keys())
        kept = sorted(g for g, c in df.items() if c >= self.min_df)
        self.vocabulary = {g: i for i, g in enumerate(kept)}
        n = len(grams)
        self.idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept])

    def row(self, text: str) -> tuple[IntArray, FloatArray]:
        """One text's feature indices and weights."""
        return self._row(self._grams(text))

    def _row(self, grams: Counter[str]) -> tuple[IntArray, FloatArray]:
        idx: list[int] = []
        tf: list[float] = []
        for gram, count in grams.items():
            j = self.vocabulary.get(gram)
            if j is not None:
                idx.append(j)
                weight = self.token_weight if gram[0] == _TOKEN else 1.0
                tf.append(weight * (1.0 + math.log(count)))
        indices = np.array(idx, dtype=np.int64)
        values = np.array(tf) * self.idf[indices]
        norm = float(np.sqrt(values @ values))
        return indices, (values / norm if norm > 0 else values)

    def transform(self, texts: Sequence[str]) -> FeatureRows:
        return stack_rows([self.row(t) for t in texts])


def stack_rows(rows: Sequence[tuple[IntArray, FloatArray]]) -> FeatureRows:
    """Rows (indices, values) as one CSR block."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(i) for i, _ in rows])
    indices = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
    values = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
    return FeatureRows(indptr, indices, values)


class LinearModel:
    """A linear scorer per class: ``weights`` (features x classes) and ``bias``. Reading one is the same
    whichever way it was fitted: class probabilities are the softmax of its scores over a temperature."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.weights: FloatArray = np.zeros((0, 0))
        self.bias: FloatArray = np.zeros(0)

    def predict_proba(self, indices: IntArray, values: FloatArray, temperature: float = 1.0) -> dict[str, float]:
        """Class probabilities for one row; ``temperature`` > 1 softens them (calibration)."""
        scores = (values @ self.weights[indices] + self.bias) / temperature
        scores -= scores.max()
        e = np.exp(scores)
        p = e / e.sum()
        return {label: float(p[i]) for i, label in enumerate(self.classes)}

    def _targets(self, labels: Sequence[str]) -> FloatArray:
        """One row per label, 1.0 in its class's column."""
        self.classes = sorted(set(labels))
        y = np.zeros((len(labels), len(self.classes)))
        y[np.arange(len(labels)), [self.classes.index(label) for label in labels]] = 1.0
        return y


class SoftmaxRegression(LinearModel):
    """Multinomial logistic regression with an L2 penalty, fitted by accelerated gradient descent.

    ``c`` plays the role of scikit-learn's ``C``: larger means less regularisation.
    """

    def __init__(self, c: float = 10.0, iterations: int = 300) -> None:
        super().__init__()
        self.c = c
        self.iterations = iterations

    def fit(self, x: FeatureRows, labels: Sequence[str], n_features: int) -> SoftmaxRegression:
        y = self._targets(labels)
        k, n = len(self.classes), x.n_rows
        # Gradient descent on the primal problem with the sparse rows as they are: every iteration costs
        # O(non-zeros x classes), so training stays well under a second with thousands of examples.
        rows = np.repeat(np.arange(n), np.diff(x.indptr))
        col_ids, local = np.unique(x.indices, return_inverse=True)
        m = len(col_ids)
        filled = np.diff(x.indptr) > 0  # np.add.reduceat needs non-empty segments
        row_starts = x.indptr[:-1][filled]
        by_column = np.argsort(local, kind="stable")
        col_starts = np.searchsorted(local[by_column], np.arange(m))
        col_values = x.values[by_column][:, None]
        col_rows = rows[by_column]
        lam = 1.0 / (self.c * n)
        # Rows are unit vectors and the bias adds one more unit feature, so the mean loss's
        # gradient is at most 1-Lipschitz (plus the penalty): this step never diverges.
        step = 1.0 / (1.0 + lam)
        w = np.zeros((m, k))
        b = np.zeros(k)
        w_prev, b_prev = w, b
        for t in range(1, self.iterations + 1):
            momentum = (t - 1) / (t + 2)  # Nesterov's acceleration
            v_w = w + momentum * (w - w_prev)
            v_b = b + momentum * (b - b_prev)
            scores = np.zeros((n, k))
            if len(row_starts):
                scores[filled] = np.add.reduceat(x.values[:, None] * v_w[local], row_starts, axis=0)
            g = _softmax(scores + v_b)
            g -= y
            g /= n
            grad_w = np.add.reduceat(col_values * g[col_rows], col_starts, axis=0) if m else np.zeros((0, k))
            w_prev, b_prev = w, b
            w = v_w - step * (grad_w + lam * v_w)
            b = v_b - step * g.sum(axis=0)
        self.weights = np.zeros((n_features, k))
        self.weights[col_ids] = w
        self.bias = b
        return self


class LinearSVM(LinearModel):
    """One-vs-rest linear support vector machines (squared hinge loss, L2 penalty), fitted by dual coordinate
    descent as liblinear does it (Hsieh et al., 2008: "A dual coordinate descent method for large-scale linear
    SVM"), every class's machine in the same pass over the rows.

    ``c`` is scikit-learn's ``LinearSVC(C=...)``; the bias is a feature of constant value 1, penalised like the
    others (liblinear's ``-B 1``). Training stops when the projected gradient's spread is under ``tolerance``
    (liblinear's default 0.1) or after ``epochs`` passes. Its scores are margins, not log-odds: a temperature
    fitted on held-back data makes probabilities of them (``bot.nlu.evaluate.calibrate``).
    """

    def __init__(self, c: float = 1.0, epochs: int = 200, tolerance: float = 0.1, seed: int = 0) -> None:
        super().__init__()
        self.c = c
        self.epochs = epochs
        self.tolerance = tolerance
        self.seed = seed

    def fit(self, x: FeatureRows, labels: Sequence[str], n_features: int) -> LinearSVM:
        y = 2.0 * self._targets(labels) - 1.0  # +1 for the row's class, -1 for the others
        n, k = y.shape
        diagonal = 1.0 / (2.0 * self.c)  # the squared hinge loss as a term of the dual's diagonal
        squared = np.zeros(n)
        filled = np.diff(x.indptr) > 0
        if len(x.values):
            squared[filled] = np.add.reduceat(x.values**2, x.indptr[:-1][filled])
        q = squared + 1.0 + diagonal  # 1.0: the bias feature
        w = np.zeros((n_features, k))
        b = np.zeros(k)
        alpha = np.zeros((n, k))
        rows = [(x.indices[x.indptr[i] : x.indptr[i + 1]], x.values[x.indptr[i] : x.indptr[i + 1]]) for i in range(n)]
        order = np.random.default_rng(self.seed)
        for _ in range(self.epochs):
            highest, lowest = -np.inf, np.inf
            for i in order.permutation(n):
                indices, values = rows[i]
                a = alpha[i]
                gradient = y[i] * (values @ w[indices] + b) - 1.0 + diagonal * a
                projected = np.where(a > 0.0, gradient, np.minimum(gradient, 0.0))
                highest = max(highest, float(projected.max()))
                lowest = min(lowest, float(projected.min()))
                if not projected.any():
                    continue
                updated = np.maximum(a - gradient / q[i], 0.0)
                change = (updated - a) * y[i]
                alpha[i] = updated
                w[indices] += np.outer(values, change)
                b += change
            if highest - lowest < self.tolerance:
                break
        self.weights, self.bias = w, b
        return self


def _softmax(scores: FloatArray) -> FloatArray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    result: FloatArray = e / e.sum(axis=1, keepdims=True)
    return result
