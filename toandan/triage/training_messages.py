"""Training and cross-validation of the message model on real 2025 messages (``vi-smishing-2025/dev.csv``).

Split: five fixed folds, the first 8 hex digits of SHA-256 of the normalised text as an integer, modulo 5
(duplicates stay in one fold). For each fold a model is trained on the four others and the complete scorer
(rules + that model, ``message.score_message``) is scored on it, with and without the sender's type; the
shipped model is then trained on every row.

Features (``features.message_text_buckets`` and ``message.contributions``): hashed character 2–5-grams and
word 1–2-grams, L2-normalised, plus one ``RULE_SCALE_BUCKET`` holding the sum of the hand-weighted rule
contributions (its weight, not shrunk, scales all hand weights at once) and one bucket per contribution that
has no hand weight (the sender's type). Each row is
seen twice, with and without its sender's type, so that the model scores well whether the caller knows it.

The threshold: the fitted log-odds are shifted so that the best F1 of "flagged" (scam or suspicious) on the
out-of-fold scores falls on the fixed ``verdict.SUSPICIOUS_THRESHOLD``; the shift is one number chosen on the
pooled out-of-fold scores, so the per-fold figures are very slightly optimistic (said in the report).
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


@dataclass(frozen=True)
class MessageParams:
    """Hyper-parameters, chosen by the 5-fold cross-validation printed by ``train_triage``."""

    l2: float = 0.033
    positive_weight: float = 1.0


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


def fold_of(text: str) -> int:
    """The fixed fold (0–4) of a message."""
    return int(hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def vector(text: str, sender_type: str | None) -> dict[int, float]:
    """What the model sees of a message; ``message.combine`` reads the weights back the same way."""
    from toandan.triage import message

    buckets = features.message_text_buckets(normalise(text))
    found: dict[int, float] = dict.fromkeys(buckets, 1.0 / math.sqrt(len(buckets))) if buckets else {}
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


def _fit(
    pairs: list[tuple[dict[int, float], dict[int, float]]], labels: list[int], params: MessageParams
) -> modelstore.LinearModel:
    bias, weights = logistic.fit(
        [v for pair in pairs for v in pair],
        [label for label in labels for _copy in (0, 1)],
        l2=params.l2,
        positive_weight=params.positive_weight,
        free=frozenset({features.RULE_SCALE_BUCKET}),
    )
    return modelstore.LinearModel(bias, weights, {"kind": features.MESSAGE_MODEL_KIND})


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


def _verdicts(logits: list[float], shift: float) -> list[str]:
    return [verdict_for(sigmoid(z + shift)) for z in logits]


def _report(truth: list[int], verdicts: list[str]) -> dict[str, dict[str, float]]:
    return {
        "scam": _metrics(truth, [v == SCAM for v in verdicts]),
        "flag": _metrics(truth, [v != NO_SIGNAL for v in verdicts]),
    }


def cross_validate(rows: list[Row], params: MessageParams = MESSAGE_PARAMS) -> tuple[float, dict[str, Any]]:
    """Out-of-fold scores of the complete scorer; returns the chosen shift and the per-fold report."""
    folds = [fold_of(row.text) for row in rows]
    pairs = _vectors(rows)
    out: dict[bool, list[float]] = {True: [0.0] * len(rows), False: [0.0] * len(rows)}
    for k in range(FOLDS):
        kept = [i for i, f in enumerate(folds) if f != k]
        model = _fit([pairs[i] for i in kept], [rows[i].label for i in kept], params)
        held = [i for i, f in enumerate(folds) if f == k]
        for with_sender in (True, False):
            for i, z in zip(held, _logits(model, [rows[i] for i in held], with_sender), strict=True):
                out[with_sender][i] = z
    truth = [row.label for row in rows]
    shift = _best_shift(truth, out[False])
    report: dict[str, Any] = {"shift": round(shift, 3)}
    for with_sender, name in ((False, "nosend"), (True, "sender")):
        verdicts = _verdicts(out[with_sender], shift)
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
    shift, cv = cross_validate(rows, params)
    model = _fit(_vectors(rows), [row.label for row in rows], params)
    report = {
        "kind": features.MESSAGE_MODEL_KIND,
        "data": "shared SMS 2025 dev half",
        "split": f"sha256(norm. text)[:8] % {FOLDS} = fold",
        "n_tr": len(rows),
        "n_te": len(rows),
        "params": {"l2": params.l2, "pos_w": params.positive_weight},
        "feats": {
            "chars": list(features.TEXT_CHAR_NGRAMS),
            "words": list(features.TEXT_WORD_NGRAMS),
            "bits": features.N_BITS,
        },
        "cv": cv,
        "test": cv["nosend"]["pooled"]["flag"],
        "nnz": len(model.weights),
    }
    return modelstore.LinearModel(model.bias + shift, model.weights, report), report
