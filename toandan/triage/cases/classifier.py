"""The category model trained on this platform's confirmed cases: hashed features, one logistic model per
category (one-vs-rest), trained with the same FTRL learner as the shipped models.

Features are CRC-32 buckets of word unigrams and bigrams of the normalised description (digits folded), the
size of the money lost, the payment method, the kinds of indicator linked, and the message scorer's signals.
The file stores bucket numbers and weights only: no text of any report can be read back from it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toandan.triage import conf, features
from toandan.triage.message import signal_names
from toandan.triage.modelstore import LinearModel
from toandan.triage.text import normalise

MODEL_FILE = "category_model.json"
FORMAT = 1
SEED_WORD = zlib.crc32(b"case-word")
SEED_META = zlib.crc32(b"case-meta")
_DIGITS = str.maketrans("123456789", "000000000")
MAX_WORDS = 300


@dataclass(frozen=True)
class CaseInput:
    """What the category model sees of a report."""

    description: str
    money_lost: int | None = None
    payment_method: str = ""
    indicator_kinds: tuple[str, ...] = ()


def _money_band(amount: int | None) -> str:
    if not amount:
        return "none"
    return str(min(int(math.log10(amount)), 10))


def vector(case: CaseInput) -> dict[int, float]:
    """The sparse hashed feature vector: words and word pairs, then facts about the report; each group
    L2-normalised so that long descriptions do not drown the facts."""
    words = normalise(case.description).translate(_DIGITS).split()[:MAX_WORDS]
    grams = set(words) | {a + " " + b for a, b in zip(words, words[1:], strict=False)}
    meta = {"money=" + _money_band(case.money_lost), "pay=" + (case.payment_method or "none")}
    meta |= {"kind=" + kind for kind in case.indicator_kinds}
    meta |= {"signal=" + name for name in signal_names(case.description)}
    out: dict[int, float] = {}
    for group, seed in ((grams, SEED_WORD), (meta, SEED_META)):
        if group:
            value = 1.0 / math.sqrt(len(group))
            for item in group:
                bucket = zlib.crc32(item.encode("utf-8"), seed) & features.MASK
                out[bucket] = out.get(bucket, 0.0) + value
    return out


@dataclass
class CategoryModel:
    """One linear model per category code; the category with the highest log-odds is suggested."""

    classes: dict[str, LinearModel]
    meta: dict[str, Any] = field(default_factory=dict)

    def logits(self, case: CaseInput) -> dict[str, float]:
        vec = vector(case)
        return {code: model.logit_vector(vec) for code, model in self.classes.items()}

    def predict(self, case: CaseInput, available: set[str] | None = None) -> tuple[str, float] | None:
        """(category code, probability-like score) of the best available category, None if none is."""
        scores = {code: v for code, v in self.logits(case).items() if available is None or code in available}
        if not scores:
            return None
        code = max(sorted(scores), key=lambda c: scores[c])
        return code, 1.0 / (1.0 + math.exp(-scores[code]))

    @property
    def version(self) -> str:
        return str(self.meta.get("version", ""))

    def to_json(self) -> dict[str, Any]:
        body = {code: model.to_json() for code, model in sorted(self.classes.items())}
        for entry in body.values():
            entry.pop("meta", None)
            entry.pop("format", None)
        return {"format": FORMAT, "meta": self.meta, "classes": body}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CategoryModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported category model format {data.get('format')!r}")
        classes = {
            code: LinearModel.from_json({**entry, "format": 1, "meta": {}})
            for code, entry in data["classes"].items()
        }
        return cls(classes, data.get("meta", {}))


def fingerprint(model: CategoryModel) -> str:
    """A short version string that changes whenever the weights do (digits only, like the file)."""
    body = json.dumps(model.to_json()["classes"], sort_keys=True, separators=(",", ":"))
    return "m" + str(int(hashlib.sha256(body.encode()).hexdigest()[:12], 16) % 10**8).zfill(8)


def model_path() -> Path:
    return conf.model_dir() / MODEL_FILE


_cache: dict[str, tuple[float, CategoryModel | None]] = {}
_lock = threading.Lock()


def load() -> CategoryModel | None:
    """The accepted model, re-read when its file changes (``retrain --accept`` runs in another process)."""
    path = model_path()
    try:
        stamp = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None
    key = str(path)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    with _lock:
        model = CategoryModel.from_json(json.loads(path.read_text("ascii")))
        _cache[key] = (stamp, model)
    return model


def save(model: CategoryModel) -> Path:
    """Write the model atomically (a worker may be reading the old one) and return its path."""
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(model.to_json(), ensure_ascii=True, separators=(",", ":")) + "\n", "ascii")
    os.replace(tmp, path)
    return path
