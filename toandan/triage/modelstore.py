"""Loading the shipped linear models (sparse hashed weights in JSON), once per process."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from toandan.triage.features import MESSAGE_FEATURES, message_bucket_value

# Not "models/": Django imports <app>.models as the app's database models.
MODELS_DIR = Path(__file__).resolve().parent / "trained"
MESSAGE_MODEL = "message_ngrams.json"
URL_MODEL = "url_model.json"
FORMAT = 1


@dataclass(frozen=True)
class LinearModel:
    """A logistic-regression model over hashed features: a bias and the non-zero bucket weights."""

    bias: float
    weights: dict[int, float]
    meta: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def _dense(self) -> np.ndarray:
        """Every bucket's weight in one array (16 MiB, message models only), built on first use: reading a few
        hundred weights from it is one numpy gather instead of a dictionary lookup each."""
        dense = np.zeros(MESSAGE_FEATURES, dtype=np.float32)
        if self.weights:
            buckets = np.fromiter(self.weights, dtype=np.intp)
            dense[buckets] = np.fromiter(self.weights.values(), dtype=np.float32)
        return dense

    def logit_buckets(self, buckets: np.ndarray) -> float:
        """Log-odds for distinct binary buckets (``features.message_text_buckets``), each worth
        ``features.message_bucket_value`` as in training."""
        if not len(buckets):
            return self.bias
        total = float(self._dense.take(buckets).sum(dtype=np.float64))
        return self.bias + total * message_bucket_value(len(buckets))

    def logit_vector(self, vector: dict[int, float]) -> float:
        """Log-odds for a sparse real-valued vector."""
        get = self.weights.get
        return self.bias + sum(get(bucket, 0.0) * value for bucket, value in vector.items())

    def logit_groups(self, groups: list[tuple[list[int], float]]) -> float:
        """Log-odds for features given as groups of buckets sharing one value (``features.url_groups``);
        equal to ``logit_vector`` of the summed vector, without building it."""
        get = self.weights.get
        return self.bias + sum(value * sum(map(get, buckets, repeat(0.0))) for buckets, value in groups)

    def to_json(self) -> dict[str, Any]:
        """The on-disk form: sorted bucket numbers stored as gaps, weights rounded to four decimals."""
        indices = sorted(self.weights)
        gaps = [indices[0]] + [b - a for a, b in zip(indices, indices[1:], strict=False)] if indices else []
        return {
            "format": FORMAT,
            "meta": self.meta,
            "bias": round(self.bias, 4),
            "gaps": gaps,
            "weights": [round(self.weights[i], 4) for i in indices],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        """Rebuild a model from its on-disk form."""
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported model format {data.get('format')!r}")
        indices: list[int] = []
        position = 0
        for gap in data["gaps"]:
            position += gap
            indices.append(position)
        return cls(
            float(data["bias"]), dict(zip(indices, map(float, data["weights"]), strict=True)), data["meta"]
        )


def write_model(model: LinearModel, path: Path) -> int:
    """Write a model compactly and return the file size in bytes."""
    text = json.dumps(model.to_json(), ensure_ascii=True, separators=(",", ":"))
    path.write_text(text + "\n", encoding="ascii")
    return path.stat().st_size


_cache: dict[str, LinearModel | None] = {}
_lock = threading.Lock()


def load_model(name: str) -> LinearModel | None:
    """Return the shipped model ``name``, read once per process; None when the file is absent.

    A missing model only weakens scoring (the rule signals still work), so it is not an error here;
    ``test_model_files`` makes sure the shipped files are present.
    """
    if name in _cache:
        return _cache[name]
    with _lock:
        if name not in _cache:
            path = MODELS_DIR / name
            _cache[name] = (
                LinearModel.from_json(json.loads(path.read_text("ascii"))) if path.exists() else None
            )
    return _cache[name]


def reset_cache() -> None:
    """Forget loaded models, so that a freshly trained file is picked up (used by training and tests)."""
    with _lock:
        _cache.clear()


@contextmanager
def overridden(models: dict[str, LinearModel]) -> Iterator[None]:
    """Serve the given models instead of the shipped files inside the block (evaluation of a candidate)."""
    with _lock:
        saved = dict(_cache)
        _cache.update(models)
    try:
        yield
    finally:
        with _lock:
            _cache.clear()
            _cache.update(saved)
