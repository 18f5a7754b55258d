"""Look-alike detection: hosts that imitate a brand's real domain by spelling, look-alike characters,
another suffix, or the brand's name embedded in a longer label. The brands are in ``triage.brands``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from toandan.identifiers.text import strip_marks
from toandan.triage.brands import EXTRACT, brand_domains, domains_by_brand, profile

# Characters that render like Latin letters or digits in common fonts. Digits and letter pairs are folded in
# the same direction on both sides, so a brand and its look-alike end with the same skeleton.
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ո": "n",
        "ս": "u",
        "ӏ": "l",
        "ɡ": "g",
        "ı": "i",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ϲ": "c",
    }
)
# Applied after the table above, so that a Cyrillic "і" first becomes "i" and then folds like a Latin one.
_CONFUSABLES = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "i": "l",
        "|": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "@": "a",
        "$": "s",
    }
)


def skeleton(label: str) -> str:
    """Fold a host label to a form in which look-alike spellings of the same name coincide."""
    plain = strip_marks(label.lower()).translate(_HOMOGLYPHS).translate(_CONFUSABLES)
    return plain.replace("rn", "m").replace("vv", "w").replace("cl", "d").replace("-", "")


def damerau_levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance between two short strings, giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class BrandLabel:
    """A name a look-alike host may imitate, with the brand and real domain it belongs to."""

    label: str
    skeleton: str
    brand: str
    domain: str


@lru_cache(maxsize=1)
def brand_labels() -> tuple[BrandLabel, ...]:
    """Every registered label of an allow-listed domain, plus long brand tokens, as look-alike targets."""
    seen: set[str] = set()
    labels: list[BrandLabel] = []
    for brand, domains in domains_by_brand().items():
        names = [EXTRACT(domain).domain for domain in domains] + list(profile(brand).long_tokens)
        for name in names:
            if name and name not in seen:
                seen.add(name)
                labels.append(BrandLabel(name, skeleton(name), brand, domains[0]))
    return tuple(labels)


def decode_label(label: str) -> str:
    """Decode one IDNA ("xn--") label to Unicode, leaving it as it was if it does not decode."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


# Suffixes a scammer buys to put a brand's exact name on a new domain. A brand's name under another country's
# suffix (shopee.sg, google.fr) is usually the brand's own site abroad, so those are left alone.
_IMPERSONATION_SUFFIXES = frozenset(
    {
        "com",
        "net",
        "org",
        "info",
        "biz",
        "vn",
        "com.vn",
        "net.vn",
        "org.vn",
        "info.vn",
        "io",
        "app",
        "co",
        "me",
        "online",
        "site",
        "shop",
        "store",
        "xyz",
        "top",
        "vip",
        "cc",
        "icu",
        "club",
        "live",
        "link",
        "click",
        "asia",
    }
)


@dataclass(frozen=True, slots=True)
class LookAlike:
    """A host label that imitates a brand's real domain."""

    brand: str
    domain: str
    how: str  # "homoglyph" | "typo" | "other_suffix"


@lru_cache(maxsize=8192)
def find_lookalike(label: str, suffix: str) -> LookAlike | None:
    """Return the brand a registered label imitates by spelling, look-alike characters or another suffix."""
    decoded = decode_label(label)
    shape = skeleton(decoded)
    if len(shape) < 3:
        return None
    allow = brand_domains()
    for target in _skeleton_index().get(shape, ()):
        if shape == target.skeleton:
            if decoded == target.label:
                # Same name on another suffix (vietcombank.com for vietcombank.com.vn). Short names are
                # often used by unrelated businesses abroad, so only longer ones count.
                if f"{label}.{suffix}" in allow or len(label) < 5 or suffix not in _IMPERSONATION_SUFFIXES:
                    continue
                return LookAlike(target.brand, target.domain, "other_suffix")
            return LookAlike(target.brand, target.domain, "homoglyph")
    # Typos are at most two edits: a label much longer than every target cannot be one.
    if len(shape) < 6 or len(shape) > _longest_skeleton() + 2:
        return None
    candidates = {id(t): t for key in _deletes(shape, 2) for t in _label_index().get(key, ())}
    for target in sorted(candidates.values(), key=lambda t: t.label):
        if target.skeleton == shape:
            continue
        limit = 2 if len(target.label) >= 10 else 1
        if damerau_levenshtein(shape, target.skeleton, limit) <= limit:
            return LookAlike(target.brand, target.domain, "typo")
    return None


def _deletes(word: str, depth: int) -> set[str]:
    """The word and every string made from it by deleting up to ``depth`` characters.

    Two strings within edit distance k share a string reachable from each by at most k deletions, so these
    sets index the allow-list for typo search without comparing against every entry (SymSpell's idea).
    """
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


@lru_cache(maxsize=1)
def _skeleton_index() -> dict[str, list[BrandLabel]]:
    """Targets by skeleton, in the order of ``brand_labels()``."""
    index: dict[str, list[BrandLabel]] = {}
    for target in brand_labels():
        index.setdefault(target.skeleton, []).append(target)
    return index


@lru_cache(maxsize=1)
def _longest_skeleton() -> int:
    return max((len(target.skeleton) for target in brand_labels() if len(target.label) >= 6), default=0)


@lru_cache(maxsize=1)
def _brand_label_set() -> frozenset[str]:
    return frozenset(target.label for target in brand_labels())


@lru_cache(maxsize=1)
def _label_index() -> dict[str, list[BrandLabel]]:
    index: dict[str, list[BrandLabel]] = {}
    for target in brand_labels():
        if len(target.label) >= 6:
            for key in _deletes(target.skeleton, 2 if len(target.label) >= 10 else 1):
                index.setdefault(key, []).append(target)
    return index


@lru_cache(maxsize=1)
def _domain_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for domain in brand_domains():
        if len(domain.split(".", 1)[0]) >= 4:
            for key in _deletes(domain, 1):
                index.setdefault(key, []).append(domain)
    return index


def is_brand_label(label: str) -> bool:
    """Whether a label is exactly the registered label of an allow-listed domain (google in google.co.uk)."""
    return label in _brand_label_set()


@lru_cache(maxsize=8192)
def find_domain_typo(registered: str) -> LookAlike | None:
    """Return the brand whose whole registered domain is one edit away (bidvv.com.vn for bidv.com.vn)."""
    if len(registered) < 8:
        return None
    allow = brand_domains()
    candidates = {domain for key in _deletes(registered, 1) for domain in _domain_index().get(key, ())}
    for domain in sorted(candidates):
        if domain != registered and damerau_levenshtein(registered, domain, 1) <= 1:
            return LookAlike(allow[domain], domain, "typo")
    return None


_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


@lru_cache(maxsize=1)
def _embedded_index() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    long_owner: dict[str, str] = {}
    short_owner: dict[str, str] = {}
    for brand in domains_by_brand():
        prof = profile(brand)
        for token in prof.long_tokens:
            long_owner.setdefault(token, brand)
        for token in prof.short_tokens:
            short_owner.setdefault(token, brand)
    pattern = re.compile("|".join(sorted(map(re.escape, long_owner), key=len, reverse=True)))
    return pattern, long_owner, short_owner


@lru_cache(maxsize=8192)
def _embedded_in_label(label: str) -> str | None:
    pattern, long_owner, short_owner = _embedded_index()
    plain = skeleton(decode_label(label)) if label.startswith("xn--") else label
    match = pattern.search(plain.replace("-", ""))
    if match is not None:
        return long_owner[match.group(0)]
    for token in _TOKEN_SPLIT.split(plain):
        if token in short_owner:
            return short_owner[token]
    return None


def find_embedded(labels: list[str]) -> str | None:
    """Return the brand whose name appears inside host labels that do not belong to it."""
    for label in labels:
        brand = _embedded_in_label(label)
        if brand is not None:
            return brand
    return None
