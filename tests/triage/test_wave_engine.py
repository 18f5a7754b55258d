"""The wave engine: masking, datasketch signatures, LSH grouping of copies, no grouping of unrelated texts."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tests.triage.scripts import SCRIPTS, STORIES, fill
from toandan.triage.waves import engine, masking

SHAPE = engine.params(0.5, 64)


def test_mask_hides_what_changes_between_copies() -> None:
    text = (
        "Chào anh Nguyễn Văn Hùng, gọi 0912 345 678 hoặc vào vcb-hotro[.]com/login, chuyển 5.000.000đ "
        "vào STK 1234567890 chủ tài khoản TRAN VAN B, email a.b@gmail.com, gặp chị Lan lúc 9 giờ."
    )
    masked = masking.mask(text)
    for secret in ("Hùng", "0912", "vcb-hotro", "5.000.000", "1234567890", "TRAN", "gmail", "Lan"):
        assert secret not in masked, secret
    assert masking.PHONE in masked and masking.LINK in masked and masking.MONEY in masked
    assert masking.NAME in masked and masking.EMAIL in masked
    # Words that are not names stay: the script must remain readable.
    assert "Chào anh" in masked and "chuyển" in masked


def test_pasted_message_is_its_own_document() -> None:
    text = 'Tôi nhận tin: "Con đang cấp cứu ở bệnh viện, mẹ chuyển gấp 20 triệu vào số tài khoản này nhé"'
    parts = masking.quoted_parts(text)
    assert parts == ["Con đang cấp cứu ở bệnh viện, mẹ chuyển gấp 20 triệu vào số tài khoản này nhé"]
    assert len(engine.documents(text)) == 2


def test_batch_signatures_equal_datasketch_minhash() -> None:
    rng = random.Random(1)
    masked = [masking.mask(fill(script, rng)) for script in SCRIPTS for _ in range(3)]
    values = engine.signatures([engine.word_hashes(text) for text in masked], 64, chunk=50)
    for text, row in zip(masked, values, strict=True):
        assert np.array_equal(engine.sign(engine.shingles(text), 64).hashvalues, row)


def test_band_keys_are_stable_and_distinct_per_band() -> None:
    values = np.arange(64, dtype=np.uint32).reshape(1, 64)
    keys = engine.band_keys(values, SHAPE)
    assert keys.shape == (1, SHAPE.bands) and len(set(keys[0].tolist())) == SHAPE.bands
    assert np.array_equal(keys, engine.band_keys(values.copy(), SHAPE))


def test_copies_with_changed_numbers_and_names_form_one_wave_per_script() -> None:
    rng = random.Random(7)
    items = [(i, fill(script, rng)) for i, script in enumerate(list(SCRIPTS) * 10)]
    items += [(100 + i, story) for i, story in enumerate(STORIES)]
    store = engine.MemoryStore()
    grouping = store.add(items, SHAPE)
    waves_by_script: dict[str, set[int]] = {}
    for ident, _text in items[:30]:
        script = list(SCRIPTS)[ident % len(SCRIPTS)]
        waves_by_script.setdefault(script, set()).add(grouping.assigned[ident])
    assert all(len(waves) == 1 for waves in waves_by_script.values()), waves_by_script
    assert len({next(iter(w)) for w in waves_by_script.values()}) == len(SCRIPTS)
    story_waves = [grouping.assigned[100 + i] for i in range(len(STORIES))]
    assert len(set(story_waves)) == len(STORIES)
    assert not set(story_waves) & {next(iter(w)) for w in waves_by_script.values()}
    assert sorted(store.sizes.values())[-3:] == [10, 10, 10]


def test_later_batches_join_existing_waves() -> None:
    rng = random.Random(3)
    store = engine.MemoryStore()
    first = store.add([(i, fill("prize", rng)) for i in range(5)], SHAPE)
    wave = first.assigned[0]
    second = store.add([(10 + i, fill("prize", rng)) for i in range(5)], SHAPE)
    assert set(second.assigned.values()) == {wave} and store.sizes[wave] == 10
    assert not second.new_keys or set(second.new_keys.values()) == {wave}


def test_a_copy_bridging_two_waves_merges_them_into_the_oldest() -> None:
    store = engine.MemoryStore()
    first, second, other = (np.full(64, value, dtype=np.uint32) for value in (1, 2, 3))
    store.keys.update({11: 1, 22: 2, 44: 3})
    store.signatures.update({1: first, 2: second, 3: other})
    store.sizes.update({1: 4, 2: 3, 3: 2})
    # Its keys lead to waves 1, 2 and 3, but it is like the texts that started 1 and 2 only.
    bridge = engine.Signed(9, "", first, [11, 22, 33, 44], [first, second])
    grouping = engine.group([bridge], store, threshold=0.5)
    assert grouping.assigned == {9: 1} and grouping.merged == {2: 1} and grouping.new_keys == {33: 1}
    store.apply(grouping)
    assert store.sizes == {1: 8, 3: 2} and store.lookup([22, 44]) == {22: 1, 44: 3}


def test_texts_that_are_only_a_little_alike_do_not_chain() -> None:
    # Each story shares some clauses with the next: single linkage would make one wave of all of them.
    clauses = [f"câu chuyện số {word} kể về việc mua bán đồ cũ ở chợ" for word in "abcdefghij"]
    items = [(i, " ".join(clauses[i : i + 3])) for i in range(8)]
    store = engine.MemoryStore()
    grouping = store.add(items, SHAPE)
    assert max(store.sizes.values()) <= 3 and len(set(grouping.assigned.values())) >= 3


@pytest.mark.parametrize("text", ["", "bị lừa", "Tôi bị lừa mất tiền"])
def test_short_texts_get_no_keys(text: str) -> None:
    assert engine.sign_texts([(1, text)], SHAPE)[0].keys == []
