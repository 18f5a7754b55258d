"""The message model's hashed features: the same numbers everywhere, read back as training wrote them."""

from __future__ import annotations

import math
import random

import numpy as np

from toandan.triage import features, modelstore


def test_buckets_are_distinct_sorted_and_inside_the_message_space() -> None:
    buckets = features.message_text_buckets("nhan qua tai https://abc.top truoc 20h nhan qua")
    assert buckets.tolist() == sorted(set(buckets.tolist()))
    assert 0 <= int(buckets.min()) and int(buckets.max()) < features.MESSAGE_FEATURES
    # Character 2–5-grams of " nhan qua ... " plus words and word pairs: far more than the words alone.
    assert len(buckets) > 100


def test_buckets_are_pinned_so_a_shipped_model_means_the_same_everywhere() -> None:
    # No per-process hash seed, no platform-dependent integer size: these numbers are what the shipped model
    # was trained on. A change here needs a retrained model (and a new MESSAGE_MODEL_KIND).
    buckets = features.message_text_buckets("ab")
    assert buckets.tolist() == sorted(buckets.tolist())
    # " a", "ab", "b " (2-grams), " ab", "ab " (3-grams), " ab " (4-gram) and the word "ab".
    assert len(buckets) == 7
    assert buckets.tolist() == [678216, 1171058, 1669808, 2453810, 2723877, 3158827, 3276495]


def test_digits_fold_so_amounts_share_features() -> None:
    assert np.array_equal(
        features.message_text_buckets("chuyen 5000000d"), features.message_text_buckets("chuyen 7300000d")
    )


def test_distinct_equals_numpy_unique() -> None:
    generator = np.random.default_rng(3)
    for size in (0, 1, 2, 50, 400):
        values = generator.integers(0, 1 << 22, size=size).astype(np.uint64)
        values = np.concatenate([values, values[: size // 3]])
        assert np.array_equal(features._distinct(values.copy()), np.unique(values))


def test_dense_lookup_equals_the_sum_of_stored_weights() -> None:
    rng = random.Random(5)
    weights = {rng.randrange(features.MESSAGE_FEATURES): rng.uniform(-2, 2) for _ in range(5000)}
    model = modelstore.LinearModel(-1.25, weights)
    buckets = features.message_text_buckets("Tai khoan cua quy khach bi khoa, xac thuc tai vcb-xacthuc.top")
    chosen = set(rng.sample(sorted(weights), 40)) | set(buckets.tolist())
    some_known = np.array(sorted(chosen), dtype=np.uint64)
    assert len(some_known) > features.MESSAGE_NORM_FLOOR
    expected = sum(weights.get(b, 0.0) for b in some_known.tolist()) / math.sqrt(len(some_known))
    assert math.isclose(model.logit_buckets(some_known), -1.25 + expected, abs_tol=1e-5)
    assert model.logit_buckets(np.array([], dtype=np.uint64)) == -1.25


def test_a_text_without_letters_or_digits_has_no_features() -> None:
    assert len(features.message_text_buckets("")) == 0
    assert len(features.message_text_buckets(" ... !! ")) == 0


def test_a_short_text_weighs_no_more_than_the_floor_allows() -> None:
    weights = {b: 1.0 for b in range(10)}
    model = modelstore.LinearModel(0.0, weights)
    ten = np.arange(10, dtype=np.uint64)
    assert math.isclose(model.logit_buckets(ten), 10 / math.sqrt(features.MESSAGE_NORM_FLOOR), rel_tol=1e-6)
    assert features.message_bucket_value(400) == 1 / 20
