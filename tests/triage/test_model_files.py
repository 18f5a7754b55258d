"""The shipped model files: present, small, numeric, and free of any text from their training data."""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import pytest

from toandan.identifiers.text import fold_words as fold
from toandan.triage import features, modelstore

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
MESSAGE_CSV = SHARED / "vi-smishing-2025" / "dev.csv"
VN_URL_CSV = SHARED / "vn-urls-chongluadao" / "dev.csv"
URL_CSV = SHARED / "phish-urls-quangvu" / "FineTune.csv"
MODEL_FILES = [modelstore.MODELS_DIR / modelstore.MESSAGE_MODEL, modelstore.MODELS_DIR / modelstore.URL_MODEL]
# The message model trained with the synthetic rows (weight 0.1) holds ~217,000 weights: 2.1 MB of JSON.
MAX_BYTES = 3 * 1024 * 1024


def _require(path: Path) -> Path:
    # The tests using this are marked shared_data: skipped on a bare clone, required in CI.
    return path


@pytest.fixture(scope="module")
def training_texts() -> list[str]:
    """Every message and URL of both training sets."""
    with _require(MESSAGE_CSV).open(encoding="utf-8", newline="") as handle:
        texts = [row["content"] for row in csv.DictReader(handle)]
    with _require(URL_CSV).open(encoding="utf-8", newline="") as handle:
        texts += [row["URL"] for row in csv.DictReader(handle)]
    with _require(VN_URL_CSV).open(encoding="utf-8", newline="") as handle:
        texts += [row["url"] for row in csv.DictReader(handle)]
    assert len(texts) > 20000, "training data looks truncated"
    return texts


@pytest.fixture(scope="module")
def model_texts() -> dict[str, str]:
    """The raw text of each shipped model file."""
    return {path.name: path.read_text(encoding="ascii") for path in MODEL_FILES}


def test_model_files_exist_small_and_numeric(model_texts: dict[str, str]) -> None:
    for name, text in model_texts.items():
        assert len(text.encode()) < MAX_BYTES, f"{name} is larger than 3 MB"
        data = json.loads(text)
        assert data["format"] == modelstore.FORMAT
        assert all(isinstance(g, int) and 0 <= g < features.MESSAGE_FEATURES for g in data["gaps"]), name
        assert all(isinstance(w, int | float) for w in data["weights"]), name
        assert len(data["gaps"]) == len(data["weights"]) > 1000, name
        meta = data["meta"]
        for key in ("data", "split", "date", "n_tr", "n_te", "test"):
            assert key in meta, f"{name} metadata lacks {key}"
        assert 0.0 < meta["test"]["f1"] <= 1.0


def test_models_load_once_per_process() -> None:
    modelstore.reset_cache()
    first = modelstore.load_model(modelstore.URL_MODEL)
    assert first is not None
    assert modelstore.load_model(modelstore.URL_MODEL) is first


def test_no_word_of_eight_letters_in_model_files(model_texts: dict[str, str]) -> None:
    # Structural guarantee behind the leak checks below: with no run of 8 word characters anywhere, no
    # training token of 8+ characters can be hiding in the files, whatever the training data holds.
    for name, text in model_texts.items():
        longest = max(re.findall(r"\w+", text), key=len)
        assert len(longest) < 8, f"{name} contains the word-like run {longest!r}"


def _windows(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


@pytest.mark.shared_data
def test_no_training_text_in_model_files(training_texts: list[str], model_texts: dict[str, str]) -> None:
    joined = "\n".join(model_texts.values())
    lowered = joined.lower()
    windows12 = _windows(lowered, 12)
    leaks: list[str] = []
    for text in training_texts:
        for form in {text.strip(), fold(text).strip()}:
            if len(form) >= 12 and form[:12].lower() in windows12 and form.lower() in lowered:
                leaks.append(form)
    assert not leaks, f"training rows found in model files: {leaks[:3]}"


@pytest.mark.shared_data
def test_no_training_token_in_model_files(training_texts: list[str], model_texts: dict[str, str]) -> None:
    lowered = "\n".join(model_texts.values()).lower()
    windows8 = _windows(lowered, 8)
    rng = random.Random(12)
    tokens: set[str] = set()
    for text in training_texts:
        for form in (text, fold(text)):
            tokens.update(re.findall(r"\w{8,}", form))
            # Arbitrary 8-character slices too, not only whole words: a hashed model must hold neither.
            if len(form) >= 8:
                start = rng.randrange(len(form) - 7)
                piece = form[start : start + 8]
                # Slices of bare digits and punctuation can coincide with printed weights by chance.
                if sum(ch.isalpha() for ch in piece) >= 3:
                    tokens.add(piece)
    sample = sorted(tokens)
    hits = [token for token in sample if token.lower()[:8] in windows8 and token.lower() in lowered]
    assert not hits, f"{len(hits)} training tokens appear in model files, e.g. {hits[:5]}"
