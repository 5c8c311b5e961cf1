"""The numpy TF-IDF and logistic regression behind the built-in model."""

from __future__ import annotations

import numpy as np

from bot.nlu.classifier import NgramVectoriser, SoftmaxRegression


def test_vectoriser_rows_are_unit_length_and_digits_do_not_matter() -> None:
    v = NgramVectoriser((1, 2)).fit(["3栋502漏水", "lift broken"])
    i1, x1 = v.row("7栋1203漏水")
    i2, _ = v.row("3栋502漏水")
    assert np.isclose(np.linalg.norm(x1), 1.0)
    assert sorted(i1.tolist()) == sorted(i2.tolist())
    empty_i, empty_x = v.row("???")
    assert empty_i.size == 0 and empty_x.size == 0


def test_token_features_are_weighted() -> None:
    v = NgramVectoriser((1, 1), tokens=lambda s: ["leak"] if "漏" in s else [], token_weight=5.0).fit(["漏水", "电梯"])
    indices, values = v.row("漏水")
    weights = dict(zip(indices.tolist(), values.tolist(), strict=True))
    token = weights[v.vocabulary["\x00leak"]]
    assert token > 2 * max(w for j, w in weights.items() if j != v.vocabulary["\x00leak"])


def test_softmax_regression_separates_classes_and_sums_to_one() -> None:
    texts = ["water leak", "pipe leak", "leak again", "too loud", "loud music", "noisy loud"]
    labels = ["plumbing", "plumbing", "plumbing", "noise", "noise", "noise"]
    v = NgramVectoriser((1, 3)).fit(texts)
    model = SoftmaxRegression(c=100).fit(v.transform(texts), labels, len(v.vocabulary))
    p = model.predict_proba(*v.row("leak in kitchen"))
    assert set(p) == {"plumbing", "noise"}
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert p["plumbing"] > 0.7
    assert max(model.predict_proba(*v.row("so loud")).items(), key=lambda kv: kv[1])[0] == "noise"


def test_a_phone_transcript_reads_like_the_written_message() -> None:
    from bot.nlu.model import unspoken
    from bot.nlu.normalise import normalise

    assert unspoken(normalise("喂 五棟一二零三 洗手間 漏水")) == "五栋0 洗手间漏水"
    assert unspoken(normalise("嗯 維修 即係 師傅 嗰個 來咗")) == "维修师傅来咗"
    assert unspoken(normalise("er flat one two bee the lift is um broken")) == "flat 0 bee the lift is broken"
    assert unspoken("no one came, 一直漏水") == "no one came, 一直漏水"  # one number word, no run of digits


def test_english_word_pairs_are_features_when_asked() -> None:
    from bot.nlu.model import word_features

    assert word_features("lift not working 电梯") == ["lift", "not", "working"]
    assert word_features("lift not working", bigrams=True) == ["lift", "not", "working", "lift not", "not working"]


def test_linear_svm_agrees_with_liblinear() -> None:
    """The dual coordinate descent finds scikit-learn's (liblinear's) one-vs-rest machines: same loss, penalty
    and penalised bias, so the same decision values once both have converged."""
    from scipy.sparse import csr_matrix
    from sklearn.svm import LinearSVC

    from bot.nlu.classifier import LinearSVM

    texts = ["water leak", "pipe leak", "leak again", "too loud", "loud music", "noisy loud", "bill paid?", "my bill"]
    labels = ["plumbing", "plumbing", "plumbing", "noise", "noise", "noise", "bill", "bill"]
    v = NgramVectoriser((1, 3)).fit(texts)
    rows = v.transform(texts)
    ours = LinearSVM(c=2.0, tolerance=1e-6, epochs=5000).fit(rows, labels, len(v.vocabulary))
    matrix = csr_matrix((rows.values, rows.indices, rows.indptr), shape=(rows.n_rows, len(v.vocabulary)))
    theirs = LinearSVC(C=2.0, tol=1e-8, max_iter=100_000).fit(matrix, labels)
    assert list(theirs.classes_) == ours.classes
    probe = v.transform(["leak in kitchen", "loud party", "is the bill paid", "hello"])
    ours_scores = np.array(
        [
            probe.values[a:b] @ ours.weights[probe.indices[a:b]] + ours.bias
            for a, b in zip(probe.indptr[:-1], probe.indptr[1:], strict=True)
        ]
    )
    theirs_scores = theirs.decision_function(
        csr_matrix((probe.values, probe.indices, probe.indptr), shape=(probe.n_rows, len(v.vocabulary)))
    )
    assert np.allclose(ours_scores, theirs_scores, atol=1e-3)
    assert [ours.classes[i] for i in ours_scores[:3].argmax(axis=1)] == ["plumbing", "noise", "bill"]


def test_linear_svm_is_deterministic_and_its_probabilities_sum_to_one() -> None:
    from bot.nlu.classifier import LinearSVM

    texts = ["water leak", "pipe leak", "too loud", "loud music"]
    labels = ["plumbing", "plumbing", "noise", "noise"]
    v = NgramVectoriser((1, 2)).fit(texts)
    first = LinearSVM(c=3.0).fit(v.transform(texts), labels, len(v.vocabulary))
    second = LinearSVM(c=3.0).fit(v.transform(texts), labels, len(v.vocabulary))
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)
    p = first.predict_proba(*v.row("leak"), temperature=0.3)
    assert abs(sum(p.values()) - 1.0) < 1e-9 and p["plumbing"] > 0.5
