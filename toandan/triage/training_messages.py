"""Training and cross-validation of the message model on real 2025 messages (``vi-smishing-2025/dev.csv``).

Split: five fixed folds, the first 8 hex digits of SHA-256 of the normalised text as an integer, modulo 5
(duplicates stay in one fold). For each fold a model is trained on the four others and the complete scorer
(rules + that model, ``message.score_message``) is scored on it, with and without the sender's type; the
shipped model is then trained on every row.

Extra training rows (never measured): the real 2023 SMS and chat of ``vi-sms-extra/hust_2023_sms_chat.csv``
join every training part, and the synthetic file of the same folder can join with a small weight
(``MessageParams.synthetic_weight``; its SOURCE.md: training only, never a measure).

Features (``features.message_text_buckets`` and ``message.contributions``): hashed character 2–5-grams and
word 1–2-grams, L2-normalised, plus one ``RULE_SCALE_BUCKET`` holding the sum of the hand-weighted rule
contributions (its weight, not shrunk, scales all hand weights at once) and one bucket per contribution that
has no hand weight (the sender's type, the kinds of number given). Each row is seen twice, with and without
its sender's type, so that the model scores well whether the caller knows it.

The threshold is nested: for each test fold, the log-odds shift that puts the best F1 of "flagged" (scam or
suspicious) on the fixed ``verdict.SUSPICIOUS_THRESHOLD`` is chosen by an inner cross-validation on the four
training folds only (four more models, each shared by two outer folds), never on the test fold. The shipped
model's shift is chosen the same way on all five folds' out-of-fold scores.
"""

from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toandan.triage import features, logistic, modelstore
from toandan.triage.text import normalise
from toandan.triage.verdict import NO_SIGNAL, SCAM, SUSPICIOUS_THRESHOLD, sigmoid, verdict_for

FOLDS = 5


EXTRA_REAL_CSV = Path("vi-sms-extra") / "hust_2023_sms_chat.csv"
EXTRA_SYNTHETIC_CSV = Path("vi-sms-extra") / "synthetic_kltn_vismish.csv"


@dataclass(frozen=True)
class MessageParams:
    """Hyper-parameters, chosen by the 5-fold cross-validation printed by ``train_triage``."""

    l2: float = 0.033
    positive_weight: float = 1.0
    extra_weight: float = 1.0  # each real extra row (2023 SMS)
    # Each synthetic row; 0 leaves the file out. At 0.1 the pooled flag F1 rose with each of three hash seeds
    # tried (0.838/0.843/0.847 → 0.848/0.850/0.851): a choice made on these same folds, so mildly optimistic.
    synthetic_weight: float = 0.1


MESSAGE_PARAMS = MessageParams()


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled message of the development file."""

    text: str
    label: int
    sender_type: str


def read_rows(path: Path) -> list[Row]:
    """Read (content, label 1=smishing, sender_type) rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(row["content"], int(row["label"]), (row.get("sender_type") or "").strip())
            for row in csv.DictReader(handle)
        ]


def read_extra(data_dir: Path, params: MessageParams) -> tuple[list[Row], list[float]]:
    """Extra training rows and their weights; absent files give none."""
    rows: list[Row] = []
    weights: list[float] = []
    for relative, weight in (
        (EXTRA_REAL_CSV, params.extra_weight),
        (EXTRA_SYNTHETIC_CSV, params.synthetic_weight),
    ):
        path = data_dir / relative
        if weight <= 0 or not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.append(Row(row["content"], int(row["label"]), ""))
                weights.append(weight)
    return rows, weights


def fold_of(text: str) -> int:
    """The fixed fold (0–4) of a message."""
    return int(hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def vector(text: str, sender_type: str | None) -> dict[int, float]:
    """What the model sees of a message; ``message.combine`` reads the weights back the same way."""
    from toandan.triage import message

    buckets = features.message_text_buckets(normalise(text)).tolist()
    found: dict[int, float] = dict.fromkeys(buckets, features.message_bucket_value(len(buckets)))
    scale = features.RULE_SCALE_BUCKET
    for item in message.contributions(text, sender_type):
        if item.weight:
            # Hand-weighted evidence shares one learnt scale: a correction per rule overfitted 123 scams.
            found[scale] = found.get(scale, 0.0) + item.weight
        else:
            bucket = features.rule_bucket(item.name)
            found[bucket] = found.get(bucket, 0.0) + 1.0
    return found


def _vectors(rows: list[Row]) -> list[tuple[dict[int, float], dict[int, float]]]:
    """Each row's vector with and without its sender's type, computed once for every fold."""
    return [(vector(row.text, row.sender_type or None), vector(row.text, None)) for row in rows]


@dataclass
class _Training:
    """Vectors of the development rows (with and without sender) and of the extra rows, computed once."""

    rows: list[Row]
    pairs: list[tuple[dict[int, float], dict[int, float]]]
    extra: list[dict[int, float]]
    extra_labels: list[int]
    extra_weights: list[float]

    @classmethod
    def of(cls, rows: list[Row], extra: list[Row], extra_weights: list[float]) -> _Training:
        return cls(
            rows,
            _vectors(rows),
            [vector(r.text, None) for r in extra],
            [r.label for r in extra],
            extra_weights,
        )

    def fit(self, indices: list[int], params: MessageParams) -> modelstore.LinearModel:
        vectors = [v for i in indices for v in self.pairs[i]] + self.extra
        labels = [self.rows[i].label for i in indices for _copy in (0, 1)] + self.extra_labels
        weights = [1.0] * (2 * len(indices)) + self.extra_weights
        bias, found = logistic.fit(
            vectors,
            labels,
            l2=params.l2,
            positive_weight=params.positive_weight,
            free=frozenset({features.RULE_SCALE_BUCKET}),
            sample_weights=weights,
        )
        return modelstore.LinearModel(bias, found, {"kind": features.MESSAGE_MODEL_KIND})

    def quick_logits(self, model: modelstore.LinearModel, indices: list[int]) -> list[float]:
        """Log-odds without the sender's type, read from the vectors (what the scorer computes, faster)."""
        return [model.logit_vector(self.pairs[i][1]) for i in indices]


def _logits(model: modelstore.LinearModel, rows: list[Row], with_sender: bool) -> list[float]:
    from toandan.triage.message import score_message

    with modelstore.overridden({modelstore.MESSAGE_MODEL: model}):
        scores = [
            score_message(r.text, sender_type=r.sender_type if with_sender else None).score for r in rows
        ]
    return [math.log(min(max(s, 1e-4), 1 - 1e-4) / (1 - min(max(s, 1e-4), 1 - 1e-4))) for s in scores]


def _metrics(truth: list[int], flagged: list[bool]) -> dict[str, float]:
    from toandan.triage.training import metrics

    return metrics(truth, [1 if f else 0 for f in flagged])


def _best_shift(truth: list[int], logits: list[float]) -> float:
    """The shift of log-odds that puts the best out-of-fold F1 of "flagged" on the suspicious threshold."""
    target = math.log(SUSPICIOUS_THRESHOLD / (1 - SUSPICIOUS_THRESHOLD))
    candidates = sorted(set(round(z, 2) for z in logits))
    best = (-1.0, 0.0)
    for cut in candidates:
        f1 = _metrics(truth, [z >= cut for z in logits])["f1"]
        if f1 > best[0]:
            best = (f1, cut)
    # Halfway to the next score up, so that a tiny change of a score does not flip the boundary case.
    above = [c for c in candidates if c > best[1]]
    cut = best[1] if not above else (best[1] + above[0]) / 2 - 0.005
    return target - cut


def _report(truth: list[int], verdicts: list[str]) -> dict[str, dict[str, float]]:
    return {
        "scam": _metrics(truth, [v == SCAM for v in verdicts]),
        "flag": _metrics(truth, [v != NO_SIGNAL for v in verdicts]),
    }


def cross_validate(
    rows: list[Row], params: MessageParams = MESSAGE_PARAMS, data: _Training | None = None
) -> tuple[float, dict[str, Any]]:
    """Out-of-fold scores of the complete scorer with nested thresholds; returns the shipped model's shift
    (chosen on all out-of-fold scores) and the per-fold report."""
    data = data or _Training.of(rows, [], [])
    folds = [fold_of(row.text) for row in rows]
    truth = [row.label for row in rows]
    out: dict[bool, list[float]] = {True: [0.0] * len(rows), False: [0.0] * len(rows)}
    shifts: list[float] = []
    # The inner model without folds k and j serves both outer fold k (scoring j) and outer fold j (scoring k).
    inner_models: dict[frozenset[int], modelstore.LinearModel] = {}
    for k in range(FOLDS):
        kept = [i for i, f in enumerate(folds) if f != k]
        model = data.fit(kept, params)
        held = [i for i, f in enumerate(folds) if f == k]
        for with_sender in (True, False):
            for i, z in zip(held, _logits(model, [rows[i] for i in held], with_sender), strict=True):
                out[with_sender][i] = z
        # The threshold of fold k is chosen on the four other folds alone: an inner cross-validation.
        inner_truth: list[int] = []
        inner_logits: list[float] = []
        for j in range(FOLDS):
            if j == k:
                continue
            pair = frozenset((k, j))
            if pair not in inner_models:
                inner_models[pair] = data.fit([i for i, f in enumerate(folds) if f not in pair], params)
            inner = inner_models[pair]
            scored = [i for i, f in enumerate(folds) if f == j]
            inner_truth += [truth[i] for i in scored]
            inner_logits += data.quick_logits(inner, scored)
        shifts.append(_best_shift(inner_truth, inner_logits))
    shift = _best_shift(truth, out[False])
    # Short keys and words: the model files keep every word under eight letters (see test_model_files).
    report: dict[str, Any] = {"shift": round(shift, 3), "shifts": [round(x, 3) for x in shifts]}
    for with_sender, name in ((False, "nosend"), (True, "sender")):
        verdicts = [verdict_for(sigmoid(z + shifts[folds[i]])) for i, z in enumerate(out[with_sender])]
        per_fold = [
            _report([truth[i] for i in range(len(rows)) if folds[i] == k],
                    [verdicts[i] for i in range(len(rows)) if folds[i] == k])
            for k in range(FOLDS)
        ]  # fmt: skip
        report[name] = {
            "pooled": _report(truth, verdicts),
            "mean_f1": {
                kind: round(sum(fold[kind]["f1"] for fold in per_fold) / FOLDS, 4)
                for kind in ("scam", "flag")
            },
            "folds": per_fold,
        }
    return shift, report


def train(
    path: Path, params: MessageParams = MESSAGE_PARAMS
) -> tuple[modelstore.LinearModel, dict[str, Any]]:
    """Cross-validate, then train the shipped model on every row with the chosen shift in its bias."""
    rows = read_rows(path)
    extra, extra_weights = read_extra(path.parent.parent, params)
    data = _Training.of(rows, extra, extra_weights)
    shift, cv = cross_validate(rows, params, data)
    model = data.fit(list(range(len(rows))), params)
    report = {
        "kind": features.MESSAGE_MODEL_KIND,
        "data": "shared SMS 2025 dev half + real SMS 2023 (fit only)",
        "split": f"sha256(norm. text)[:8] % {FOLDS} = fold; nested cuts",
        "n_tr": len(rows),
        "n_ext": len(extra),
        "n_te": len(rows),
        "params": {
            "l2": params.l2,
            "pos_w": params.positive_weight,
            "ext_w": params.extra_weight,
            "syn_w": params.synthetic_weight,
        },
        "feats": {
            "chars": list(features.TEXT_CHAR_NGRAMS),
            "words": list(features.TEXT_WORD_NGRAMS),
            "bits": features.MESSAGE_BITS,
        },
        "cv": cv,
        "test": cv["nosend"]["pooled"]["flag"],
        "nnz": len(model.weights),
    }
    return modelstore.LinearModel(model.bias + shift, model.weights, report), report
