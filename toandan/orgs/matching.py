"""Match unit names as people write them: without diacritics, abbreviated, with or without the province.

`name_key` is a pure function (stored on each Unit); `match_unit` and `resolve_reference` query the directory.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toandan.identifiers.names import name_key

if TYPE_CHECKING:
    from toandan.orgs.models import Unit

PROVINCE_WORDS = ("quang ngai",)

_SPACE_RE = re.compile(r"\s+")


def without_province(key: str) -> str:
    for words in PROVINCE_WORDS:
        key = key.replace(f"tinh {words}", "tinh").replace(words, "")
    return _SPACE_RE.sub(" ", key).strip()


@dataclass
class Match:
    """The unit a written name most likely means, and how sure the match is (1.0 = same key)."""

    unit: Unit
    score: float
    how: str


def _candidates(units: list[Unit]) -> dict[str, Unit]:
    keys: dict[str, Unit] = {}
    for unit in units:
        for written in [unit.name, unit.short_name, *unit.alias_list()]:
            if written:
                key = name_key(written)
                keys.setdefault(key, unit)
                keys.setdefault(without_province(key), unit)
    return keys


def _written(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class UnitIndex:
    """The directory's names prepared once for many look-ups (one plan import resolves dozens of names).

    Building the keys costs a `name_key` call per written form of every unit; `match_unit` and
    `resolve_reference` given an index reuse it instead of rebuilding it for each name.
    """

    def __init__(self, units: list[Unit]) -> None:
        self.units = list(units)
        self.written: dict[str, Unit] = {}
        for unit in self.units:
            for name in [unit.name, unit.short_name, *unit.alias_list()]:
                if name:
                    self.written.setdefault(_written(name), unit)
        self.keys = _candidates(self.units)
        self.key_list = list(self.keys)

    def match(self, text: str, cutoff: float = 0.88) -> Match | None:
        found = self.written.get(_written(text))
        if found is not None:
            return Match(found, 1.0, "written")
        key = name_key(text)
        if not key:
            return None
        for probe, how in ((key, "exact"), (without_province(key), "without_province")):
            if probe in self.keys:
                return Match(self.keys[probe], 1.0, how)
        close = difflib.get_close_matches(without_province(key), self.key_list, n=1, cutoff=cutoff)
        if close:
            ratio = difflib.SequenceMatcher(None, without_province(key), close[0]).ratio()
            return Match(self.keys[close[0]], round(ratio, 3), "similar")
        return None


def match_unit(
    text: str, units: list[Unit] | None = None, cutoff: float = 0.88, index: UnitIndex | None = None
) -> Match | None:
    """Find the unit a name refers to, tolerating missing diacritics and usual abbreviations.

    Pass `index` (a `UnitIndex` of the pool) when resolving many names against the same directory.
    """
    from toandan.orgs.models import Unit

    if index is None:
        index = UnitIndex(units if units is not None else list(Unit.objects.all()))
    return index.match(text, cutoff)


@dataclass
class Resolution:
    """What a unit reference in a document means: one unit, a collective set, or nothing found."""

    text: str
    units: list[Unit] = field(default_factory=list)
    collective: bool = False
    matched: bool = False
    score: float = 0.0


# Collective references used in plans ("Thủ trưởng các sở, ban, ngành") → the unit kinds they mean.
COLLECTIVES: list[tuple[re.Pattern[str], tuple[str, ...], bool]] = [
    (re.compile(r"\bcac so\b.*\b(ban|nganh)\b|\bso, ban, nganh\b|\bcac so\b"), ("department",), True),
    (
        re.compile(r"\b(hoi, doan the|hoi doan the|to chuc chinh tri xa hoi|cac hoi|doan the)\b"),
        ("mass_org",),
        True,
    ),
    # "UBND huyện Bình Sơn" is one district; only "các huyện" or the "huyện, thị xã, thành phố" list is all.
    (re.compile(r"uy ban nhan dan cac huyen|\bhuyen,? thi xa,? thanh pho\b"), ("district",), False),
    (re.compile(r"uy ban nhan dan cac (xa|phuong)|\bxa,? phuong\b"), ("commune",), True),
    (re.compile(r"\bcong an (cac )?(xa|phuong)\b"), ("police_commune",), True),
]


def resolve_reference(
    text: str, units: list[Unit] | None = None, index: UnitIndex | None = None
) -> Resolution:
    """Resolve a unit reference; collective references expand to every unit of the kinds they name.

    With `index`, its units are the pool and its prepared keys are reused (`units` is then ignored).
    """
    from toandan.orgs.models import Unit

    if index is None:
        index = UnitIndex(units if units is not None else list(Unit.objects.all()))
    pool = index.units
    key = name_key(text)
    found: list[Unit] = []
    collective = False
    for pattern, kinds, active_only in COLLECTIVES:
        if pattern.search(key):
            collective = True
            for unit in pool:
                if active_only and not unit.is_active:
                    continue
                if "police_commune" in kinds and unit.kind == "police" and unit.area_id:
                    found.append(unit)
                elif unit.kind in kinds:
                    found.append(unit)
    if collective:
        unique = list(dict.fromkeys(found))
        return Resolution(text, unique, collective=True, matched=bool(unique), score=1.0 if unique else 0.0)
    match = index.match(text)
    if match is None:
        return Resolution(text)
    return Resolution(text, [match.unit], matched=True, score=match.score)
