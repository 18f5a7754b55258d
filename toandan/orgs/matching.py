"""Match unit names as people write them: without diacritics, abbreviated, with or without the province.

`name_key` is a pure function (stored on each Unit); `match_unit` and `resolve_reference` query the directory.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toandan.orgs.models import Unit

PROVINCE_WORDS = ("quang ngai",)

# Applied to the diacritic-free, lower-case text, longest first. Whole words only.
ABBREVIATIONS: list[tuple[str, str]] = [
    (r"tt ?& ?tt|tt ?va ?tt|tttt", "thong tin va truyen thong"),
    (r"gd ?& ?dt|gd ?va ?dt|gddt|gd-dt", "giao duc va dao tao"),
    (r"kh ?& ?cn|kh ?va ?cn|khcn", "khoa hoc va cong nghe"),
    (r"vh ?,? ?tt ?& ?dl|vhttdl", "van hoa the thao va du lich"),
    (r"lđtb ?& ?xh|ldtb ?& ?xh|ldtbxh", "lao dong thuong binh va xa hoi"),
    (r"pt ?- ?th|pt ?& ?th|ptth", "phat thanh va truyen hinh"),
    (r"ptq", "dai phat thanh va truyen hinh quang ngai"),
    (r"ubmttq ?vn|ubmttq|mttq ?vn|mttq", "uy ban mat tran to quoc viet nam"),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"vksnd|vks", "vien kiem sat nhan dan"),
    (r"tand", "toa an nhan dan"),
    (r"bcd", "ban chi dao"),
    (r"antq", "an ninh to quoc"),
    (r"lhpn", "lien hiep phu nu"),
    (r"ccb", "cuu chien binh"),
    (r"ldld", "lien doan lao dong"),
    (r"tncs", "thanh nien cong san"),
    (r"vpub|vp ubnd", "van phong uy ban nhan dan"),
    (r"vp", "van phong"),
    (r"ca", "cong an"),
    (r"tp", "thanh pho"),
    (r"tx", "thi xa"),
    (r"s\.", "so"),
]
_ABBREV_RE = [(re.compile(rf"(?<![\w&]){pattern}(?![\w&])"), repl) for pattern, repl in ABBREVIATIONS]
_NOISE_RE = re.compile(r"[^\w&\s]")
_SPACE_RE = re.compile(r"\s+")
# Titles of a unit's head ("Thủ trưởng", "Chủ tịch", "Giám đốc") name the unit itself in plan tasks.
_HEAD_TITLES = re.compile(r"^(thu truong|chu tich|giam doc|truong ban|truong|lanh dao|ban giam doc)\s+")


_COMBINING = re.compile(r"[\u0300-\u036f]")


def strip_diacritics(text: str) -> str:
    # Vietnamese marks all decompose into the combining block U+0300–U+036F; one regex pass beats a
    # per-character category test (this runs on every report's text).
    text = text.replace("đ", "d").replace("Đ", "D")
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def name_key(text: str) -> str:
    """A comparison key: no diacritics, lower case, abbreviations expanded, punctuation and spacing folded."""
    key = strip_diacritics(unicodedata.normalize("NFC", text)).lower()
    key = key.replace("\u00a0", " ")
    for pattern, repl in _ABBREV_RE:
        key = pattern.sub(repl, key)
    key = _NOISE_RE.sub(" ", key).replace("&", " va ")
    key = _SPACE_RE.sub(" ", key).strip()
    return _HEAD_TITLES.sub("", key)


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


def match_unit(text: str, units: list[Unit] | None = None, cutoff: float = 0.88) -> Match | None:
    """Find the unit a name refers to, tolerating missing diacritics and usual abbreviations."""
    from toandan.orgs.models import Unit

    pool = units if units is not None else list(Unit.objects.all())
    written = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    for unit in pool:
        if written in (n.casefold() for n in [unit.name, unit.short_name, *unit.alias_list()] if n):
            return Match(unit, 1.0, "written")
    keys = _candidates(pool)
    key = name_key(text)
    if not key:
        return None
    for probe, how in ((key, "exact"), (without_province(key), "without_province")):
        if probe in keys:
            return Match(keys[probe], 1.0, how)
    close = difflib.get_close_matches(without_province(key), list(keys), n=1, cutoff=cutoff)
    if close:
        ratio = difflib.SequenceMatcher(None, without_province(key), close[0]).ratio()
        return Match(keys[close[0]], round(ratio, 3), "similar")
    return None


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


def resolve_reference(text: str, units: list[Unit] | None = None) -> Resolution:
    """Resolve a unit reference; collective references expand to every unit of the kinds they name."""
    from toandan.orgs.models import Unit

    pool = units if units is not None else list(Unit.objects.all())
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
    match = match_unit(text, pool)
    if match is None:
        return Resolution(text)
    return Resolution(text, [match.unit], matched=True, score=match.score)
