"""MinHash signatures (datasketch) of masked texts, LSH band keys, and the grouping of texts into waves.

A text is masked (``masking``), cut into word 3-shingles, and signed with datasketch's ``MinHash`` scheme
(for a batch, the same numbers in one numpy pass). The signature is cut into ``b`` bands of ``r`` values,
the (b, r) that datasketch's ``MinHashLSH`` chooses for the similarity threshold; each band is hashed with
its number into one 64-bit key. Texts whose keys share a band are candidates, as in ``MinHashLSH``; a
candidate joins a wave only if it is similar enough to the text that started the wave.

The index maps keys to waves rather than to texts, and lives behind a ``KeyStore`` (a dict in memory for the
benchmark and the tests, database rows in production: ``detection``). That is why it is not datasketch's own
index, which keeps every key of every text in one process's memory: here a batch only reads the keys it has.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from toandan.triage.waves.masking import mask, quoted_parts, tokens

SEED = 138
SHINGLE = 3
# Fewer words than this say too little to call two texts copies of one script.
MIN_TOKENS = 8
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Params:
    """LSH shape: number of permutations, bands and rows per band, and the similarity threshold."""

    num_perm: int
    bands: int
    rows: int
    threshold: float


@lru_cache(maxsize=8)
def params(threshold: float, num_perm: int) -> Params:
    """The (bands, rows) datasketch's MinHashLSH picks for this threshold (equal weight to both errors)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return Params(num_perm, lsh.b, lsh.r, threshold)


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    # Shingles arrive already hashed (see ``shingles``): the hash function is the identity. The affine32
    # scheme mixes each value with MurmurHash3's finaliser before permuting it.
    return MinHash(num_perm=num_perm, seed=SEED, hashfunc=int)


# Odd multipliers combining the CRC-32 of three consecutive words into one 32-bit shingle hash.
_P0, _P1, _P2 = 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D
_M32 = 0xFFFFFFFF


def word_hashes(masked: str) -> list[int]:
    """CRC-32 of each folded word of a masked text."""
    return list(map(zlib.crc32, tokens(masked)))


def shingles(masked: str) -> list[int]:
    """Hashes of the word 3-shingles of a masked text (empty when it is too short to compare)."""
    words = word_hashes(masked)
    if len(words) < MIN_TOKENS:
        return []
    return [
        (a * _P0 + b * _P1 + c * _P2) & _M32 for a, b, c in zip(words, words[1:], words[2:], strict=False)
    ]


def documents(text: str) -> list[str]:
    """The masked texts of one report: its description and any message pasted into it."""
    return [mask(part) for part in [text, *quoted_parts(text)]]


def sign(shingle_hashes: Iterable[int], num_perm: int) -> MinHash:
    """The datasketch MinHash of a text's shingles (one at a time; ``signatures`` does a batch)."""
    minhash = _template(num_perm).copy()
    minhash.update_batch(list(shingle_hashes))
    return minhash


def _fmix32(values: np.ndarray) -> np.ndarray:
    # MurmurHash3's finaliser, as datasketch's affine32 scheme applies it to each input hash.
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def _shingle_array(word_lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """All shingle hashes of several texts (each with at least MIN_TOKENS words), and the count per text."""
    lengths = np.fromiter(map(len, word_lists), dtype=np.int64, count=len(word_lists))
    words = np.fromiter(chain.from_iterable(word_lists), dtype=np.uint32, count=int(lengths.sum()))
    counts = lengths - (SHINGLE - 1)
    with np.errstate(over="ignore"):
        every = words[:-2] * np.uint32(_P0) + words[1:-1] * np.uint32(_P1) + words[2:] * np.uint32(_P2)
    # Keep the shingles that start and end inside one text.
    starts = np.cumsum(lengths) - lengths
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return every[np.repeat(starts, counts) + offsets], counts


def signatures(word_lists: list[list[int]], num_perm: int, chunk: int = 8_000) -> np.ndarray:
    """The MinHash values of many texts at once (their word hashes, each at least MIN_TOKENS long), as an
    (n, num_perm) uint32 array.

    The same numbers as ``sign(shingles(...))`` (datasketch's permutations and scheme, checked by a test),
    computed with a few numpy passes per chunk of shingles instead of a MinHash object per text.
    """
    a, b = _template(num_perm).permutations
    hashes, counts = _shingle_array(word_lists)
    mixed = _fmix32(hashes)
    ends = np.cumsum(counts)
    starts = ends - counts
    out = np.empty((len(word_lists), num_perm), dtype=np.uint32)
    first = 0
    while first < len(word_lists):
        # Whole texts per chunk of about ``chunk`` shingles: the (shingles, num_perm) array stays in cache.
        last = max(int(np.searchsorted(ends, starts[first] + chunk, side="right")), first + 1)
        lo, hi = int(starts[first]), int(ends[last - 1])
        with np.errstate(over="ignore"):
            permuted = mixed[lo:hi, None] * a[None, :] + b[None, :]
        out[first:last] = np.minimum.reduceat(permuted, starts[first:last] - lo, axis=0)
        first = last
    return out


def band_keys(hashvalues: np.ndarray, shape: Params) -> np.ndarray:
    """One signed 64-bit key per band, for each row of an (n, num_perm) array of MinHash values."""
    values = np.asarray(hashvalues, dtype=np.uint64).reshape(-1, shape.num_perm)
    n = values.shape[0]
    keys = np.empty((n, shape.bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(shape.bands):
            acc = np.full(n, np.uint64(band + 1) * _MIX, dtype=np.uint64)
            for column in range(band * shape.rows, (band + 1) * shape.rows):
                acc = (acc ^ values[:, column]) * _MIX
                acc ^= acc >> np.uint64(29)
            keys[:, band] = acc
    return keys.view(np.int64)


@dataclass
class Signed:
    """One report (or any text) ready for grouping: its masked sample, signatures and band keys."""

    ident: int
    sample: str
    signature: np.ndarray | None  # of the sample: the wave's representative if this item starts one
    keys: list[int] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)  # every document of the item


def sign_texts(items: list[tuple[int, str]], shape: Params) -> list[Signed]:
    """Sign each (id, text); a text too short to compare gets no signature and no keys."""
    signed: list[Signed] = []
    sets: list[list[int]] = []
    owners: list[tuple[int, bool]] = []
    for ident, text in items:
        docs = documents(text)
        parts = [word_hashes(doc) for doc in docs]
        parts = [words if len(words) >= MIN_TOKENS else [] for words in parts]
        # The pasted message is the script itself: it is the sample when there is one.
        chosen = next((i for i in range(1, len(docs)) if parts[i]), 0)
        signed.append(Signed(ident, docs[chosen], None))
        for i, part in enumerate(parts):
            if part:
                sets.append(part)
                owners.append((len(signed) - 1, i == chosen))
    if not sets:
        return signed
    values = signatures(sets, shape.num_perm)
    keys = band_keys(values, shape).tolist()
    for row, (owner, is_sample) in enumerate(owners):
        item = signed[owner]
        item.signatures.append(values[row])
        if is_sample:
            item.signature = values[row]
        item.keys.extend(keys[row])
    for item in signed:
        item.keys = sorted(set(item.keys))
    return signed


def similarity(item: Signed, representative: np.ndarray) -> float:
    """Estimated Jaccard similarity of the item's closest document to a wave's representative."""
    if not item.signatures or representative is None or len(representative) != len(item.signatures[0]):
        return 0.0
    return max(int(np.count_nonzero(sig == representative)) for sig in item.signatures) / len(representative)


class KeyStore(Protocol):
    """Where band keys lead (to waves), and each wave's representative signature."""

    def lookup(self, keys: list[int]) -> dict[int, int]:
        """Waves of the known keys among these."""

    def representatives(self, waves: set[int]) -> dict[int, np.ndarray]:
        """The signature each of these waves is compared with."""

    def new_wave(self, item: Signed) -> int:
        """A new wave started by this item; returns its id."""


@dataclass
class Grouping:
    """What one batch did: the wave of each item, keys to add, and waves merged into others."""

    assigned: dict[int, int] = field(default_factory=dict)
    new_keys: dict[int, int] = field(default_factory=dict)
    merged: dict[int, int] = field(default_factory=dict)


def group(items: list[Signed], store: KeyStore, threshold: float) -> Grouping:
    """Put each signed item into the wave its keys lead to, or into a new one.

    LSH only proposes candidates: an item joins a wave when it is at least ``threshold`` similar to the
    wave's representative (the text that started it), which keeps waves from chaining through texts that
    are each a little alike (single linkage would glue every ordinary story together). An item similar to
    several waves joins the oldest and the others are merged into it. A store may give new waves negative
    ids (not saved yet): a stored wave is always preferred to them.
    """
    result = Grouping()
    known = store.lookup(sorted({key for item in items for key in item.keys}))
    representatives = store.representatives(set(known.values()))
    parent: dict[int, int] = {}

    def find(wave: int) -> int:
        while parent.get(wave, wave) != wave:
            wave = parent[wave]
        return wave

    for item in items:
        candidates = {find(known[key]) for key in item.keys if key in known}
        hits = {wave for wave in candidates if similarity(item, representatives.get(wave)) >= threshold}
        if hits:
            # The oldest stored wave wins; waves started in this batch (negative ids) only among themselves.
            wave = min(hits, key=lambda w: (w < 0, abs(w)))
            for other in hits - {wave}:
                parent[other] = wave
        else:
            wave = store.new_wave(item)
            representatives[wave] = item.signature
        result.assigned[item.ident] = wave
        for key in item.keys:
            if key not in known:
                known[key] = wave
                result.new_keys[key] = wave
    result.assigned = {ident: find(wave) for ident, wave in result.assigned.items()}
    result.new_keys = {key: find(wave) for key, wave in result.new_keys.items()}
    result.merged = {wave: find(wave) for wave in parent}
    return result


class MemoryStore:
    """A ``KeyStore`` in process memory (benchmark, tests): keys, representatives and sizes of waves."""

    def __init__(self) -> None:
        self.keys: dict[int, int] = {}
        self.signatures: dict[int, np.ndarray] = {}
        self.sizes: dict[int, int] = {}
        self.merged_into: dict[int, int] = {}
        self._next = 1

    def lookup(self, keys: list[int]) -> dict[int, int]:
        get = self.keys.get
        found = {key: get(key) for key in keys}
        return {key: self.resolve(wave) for key, wave in found.items() if wave is not None}

    def representatives(self, waves: set[int]) -> dict[int, np.ndarray]:
        return {wave: self.signatures[wave] for wave in waves if wave in self.signatures}

    def new_wave(self, item: Signed) -> int:
        wave = self._next
        self._next += 1
        self.sizes[wave] = 0
        if item.signature is not None:
            self.signatures[wave] = item.signature
        return wave

    def resolve(self, wave: int) -> int:
        while wave in self.merged_into:
            wave = self.merged_into[wave]
        return wave

    def apply(self, grouping: Grouping) -> None:
        """Store what ``group`` decided."""
        for source, target in grouping.merged.items():
            if source != target and source in self.sizes:
                self.sizes[target] = self.sizes.get(target, 0) + self.sizes.pop(source)
                self.signatures.pop(source, None)
                self.merged_into[source] = target
        self.keys.update(grouping.new_keys)
        for wave in grouping.assigned.values():
            self.sizes[wave] = self.sizes.get(wave, 0) + 1

    def add(self, items: list[tuple[int, str]], shape: Params) -> Grouping:
        """Sign, group and store one batch of (id, text)."""
        signed = [item for item in sign_texts(items, shape) if item.keys]
        grouping = group(signed, self, shape.threshold)
        self.apply(grouping)
        return grouping
