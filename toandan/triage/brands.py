"""Brands that scammers impersonate: their real domains, how texts name them, and look-alike detection.

The real domains come from ``data/brand_domains.csv`` (brand,domain) so that an administrator can extend the
allow-list without touching code. How a text names a brand ("VCB", "ngân hàng Ngoại thương") and which
tokens betray it inside a fake host ("vcb-xacminh.top") are kept here beside the matching code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import tldextract

from toandan.identifiers.text import fold_words, strip_marks

BRAND_CSV = Path(__file__).resolve().parent / "data" / "brand_domains.csv"

# The bundled public-suffix snapshot: no download at run time, no cache directory to write.
EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True, slots=True)
class BrandProfile:
    """How one brand is named in texts and recognised inside host names."""

    kind: str  # bank | wallet | shop | carrier | delivery | agency | platform
    phrases: tuple[str, ...]  # how texts name it, normalised (no diacritics, lower case); "^" = message start
    long_tokens: tuple[str, ...] = ()  # matched anywhere inside a host label
    short_tokens: tuple[str, ...] = ()  # matched only as a whole "-"/"."-separated token


# Short tokens are kept to names that are rarely anything else: "mb" or "acb" inside a longer word means
# nothing, but "mb-xacthuc" or "acb.vn-hotro" does.
PROFILES: dict[str, BrandProfile] = {
    "Vietcombank": BrandProfile(
        "bank", ("vietcombank", "vcb", "ngan hang ngoai thuong"), ("vietcombank", "vcbdigi"), ("vcb",)
    ),
    "VietinBank": BrandProfile(
        "bank", ("vietinbank", "vietin", "ngan hang cong thuong"), ("vietinbank", "vietin"), ("ctg",)
    ),
    "BIDV": BrandProfile("bank", ("bidv", "ngan hang dau tu va phat trien"), ("bidv",), ()),
    "Agribank": BrandProfile("bank", ("agribank", "ngan hang nong nghiep"), ("agribank",), ("agri",)),
    "Techcombank": BrandProfile(
        "bank", ("techcombank", "tcb", "ngan hang ky thuong"), ("techcombank",), ("tcb",)
    ),
    "MB Bank": BrandProfile(
        "bank", ("mbbank", "mb bank", "ngan hang quan doi", "^ mb", "mb thong bao"), ("mbbank",), ("mb",)
    ),
    "ACB": BrandProfile("bank", ("acb", "ngan hang a chau"), ("acbbank",), ("acb",)),
    "VPBank": BrandProfile("bank", ("vpbank", "vp bank"), ("vpbank",), ()),
    "TPBank": BrandProfile("bank", ("tpbank", "tp bank", "ngan hang tien phong"), ("tpbank",), ("tpb",)),
    "Sacombank": BrandProfile("bank", ("sacombank", "sai gon thuong tin"), ("sacombank",), ("stb",)),
    "HDBank": BrandProfile("bank", ("hdbank", "hd bank"), ("hdbank",), ()),
    "SHB": BrandProfile("bank", ("shb",), ("shbbank",), ("shb",)),
    "VIB": BrandProfile("bank", ("vib",), ("vibbank",), ("vib",)),
    "MSB": BrandProfile("bank", ("msb", "ngan hang hang hai"), ("msbbank",), ("msb",)),
    "OCB": BrandProfile("bank", ("ocb", "ngan hang phuong dong"), ("ocbbank",), ("ocb",)),
    "SeABank": BrandProfile("bank", ("seabank",), ("seabank",), ()),
    "Eximbank": BrandProfile("bank", ("eximbank",), ("eximbank",), ()),
    "SCB": BrandProfile("bank", ("scb",), ("scbbank",), ()),
    "LPBank": BrandProfile(
        "bank", ("lpbank", "lp bank", "lienvietpostbank", "loc phat"), ("lpbank", "lienvietpost"), ()
    ),
    "Nam A Bank": BrandProfile("bank", ("nam a bank", "namabank"), ("namabank",), ()),
    "Bac A Bank": BrandProfile("bank", ("bac a bank", "bacabank"), ("bacabank",), ()),
    "PVcomBank": BrandProfile("bank", ("pvcombank",), ("pvcombank",), ()),
    "BVBank": BrandProfile("bank", ("bvbank", "timo"), ("bvbank",), ()),
    "Ngân hàng Nhà nước": BrandProfile("agency", ("ngan hang nha nuoc",), ("nganhangnhanuoc",), ("sbv",)),
    "NAPAS": BrandProfile("bank", ("napas",), ("napas",), ()),
    "MoMo": BrandProfile("wallet", ("momo",), ("momo",), ()),
    "ZaloPay": BrandProfile("wallet", ("zalopay", "zalo pay"), ("zalopay",), ()),
    "VNPAY": BrandProfile("wallet", ("vnpay", "vn pay"), ("vnpay",), ()),
    "Viettel Money": BrandProfile(
        "wallet",
        ("viettel money", "viettelpay", "viettel pay", "viettelmoney"),
        ("viettelmoney", "viettelpay"),
        (),
    ),
    "ShopeePay": BrandProfile("wallet", ("shopeepay", "shopee pay"), ("shopeepay",), ()),
    "Shopee": BrandProfile("shop", ("shopee",), ("shopee",), ()),
    "Shopee Express": BrandProfile("delivery", ("shopee express", "spx"), ("shopeeexpress",), ("spx",)),
    "Lazada": BrandProfile("shop", ("lazada",), ("lazada",), ("lzd",)),
    "Tiki": BrandProfile("shop", ("tiki",), ("tikivn",), ("tiki",)),
    "Sendo": BrandProfile("shop", ("sendo",), ("sendo",), ()),
    "TikTok": BrandProfile("platform", ("tiktok", "tik tok"), ("tiktok",), ()),
    "Thế Giới Di Động": BrandProfile("shop", ("the gioi di dong", "tgdd"), ("thegioididong",), ("tgdd",)),
    "FPT Shop": BrandProfile("shop", ("fpt shop", "fptshop"), ("fptshop",), ()),
    "FPT": BrandProfile("carrier", ("fpt", "fpt telecom"), (), ("fpt",)),
    "Viettel": BrandProfile("carrier", ("viettel",), ("viettel",), ()),
    "Vinaphone": BrandProfile("carrier", ("vinaphone", "vina"), ("vinaphone",), ()),
    "VNPT": BrandProfile("carrier", ("vnpt",), ("vnpt",), ()),
    "MobiFone": BrandProfile("carrier", ("mobifone", "mobi"), ("mobifone",), ()),
    "Vietnamobile": BrandProfile("carrier", ("vietnamobile",), ("vietnamobile",), ()),
    "VNPost": BrandProfile(
        "delivery", ("vnpost", "vn post", "vietnam post", "buu dien"), ("vnpost", "vietnampost"), ()
    ),
    "GHN": BrandProfile("delivery", ("ghn", "giao hang nhanh"), ("giaohangnhanh",), ("ghn",)),
    "GHTK": BrandProfile("delivery", ("ghtk", "giao hang tiet kiem"), ("giaohangtietkiem",), ("ghtk",)),
    "Viettel Post": BrandProfile("delivery", ("viettel post", "viettelpost"), ("viettelpost",), ()),
    "J&T Express": BrandProfile(
        "delivery", ("j&t", "j & t", "jt express", "j&t express"), ("jtexpress",), ("jnt",)
    ),
    "Ninja Van": BrandProfile("delivery", ("ninja van", "ninjavan"), ("ninjavan",), ()),
    "Ahamove": BrandProfile("delivery", ("ahamove",), ("ahamove",), ()),
    "Grab": BrandProfile("platform", ("grab",), (), ("grab",)),
    "Be": BrandProfile("platform", ("be group",), (), ()),
    "Xanh SM": BrandProfile("platform", ("xanh sm", "xanhsm"), ("xanhsm",), ()),
    "Cổng Dịch vụ công quốc gia": BrandProfile(
        "agency", ("dich vu cong", "dichvucong"), ("dichvucong",), ("dvc",)
    ),
    "VNeID": BrandProfile("agency", ("vneid", "vn eid", "dinh danh dien tu"), ("vneid", "dinhdanh"), ()),
    "Bộ Công an": BrandProfile(
        "agency",
        (
            "bo cong an",
            "cong an",
            "canh sat",
            "co quan dieu tra",
            "co quan cong an",
            "c06",
            "a05",
            "dieu tra vien",
        ),
        ("bocongan", "congan", "canhsat", "dancuquocgia"),
        ("bca", "mps"),
    ),
    "Cục Cảnh sát giao thông": BrandProfile(
        "agency", ("canh sat giao thong", "cuc csgt", "csgt"), ("canhsatgiaothong", "phatnguoi"), ("csgt",)
    ),
    "Cục Đăng kiểm": BrandProfile("agency", ("dang kiem",), ("dangkiem",), ()),
    "Cục Thuế": BrandProfile(
        "agency",
        ("cuc thue", "tong cuc thue", "chi cuc thue", "co quan thue", "thue dien tu"),
        ("tongcucthue", "cucthue", "thuedientu", "hoanthue"),
        ("gdt",),
    ),
    "Bảo hiểm xã hội": BrandProfile(
        "agency", ("bao hiem xa hoi", "vssid"), ("baohiemxahoi", "vssid"), ("bhxh", "vss")
    ),
    "EVN": BrandProfile(
        "agency",
        ("evn", "evnhcmc", "evnhanoi", "evncpc", "evnspc", "evnnpc", "dien luc", "cong ty dien"),
        ("dienluc", "evnhcmc", "evnhanoi"),
        ("evn",),
    ),
    "Tòa án nhân dân": BrandProfile("agency", ("toa an", "tand"), ("toaan",), ("tand",)),
    "Viện kiểm sát nhân dân": BrandProfile(
        "agency", ("vien kiem sat", "vksnd", "vksndtc"), ("vienkiemsat", "vksnd"), ()
    ),
    "Hải quan": BrandProfile("agency", ("hai quan",), ("haiquan",), ()),
    "Chính phủ": BrandProfile("agency", ("chinh phu",), ("chinhphu",), ()),
    "Tín nhiệm mạng": BrandProfile("agency", ("tin nhiem mang",), ("tinnhiemmang",), ()),
    "Chống Lừa Đảo": BrandProfile("platform", ("chong lua dao",), ("chongluadao",), ()),
    "Vietlott": BrandProfile("shop", ("vietlott",), ("vietlott",), ()),
    "VTV": BrandProfile("platform", ("vtv", "vtv1", "vtv3", "vtv24", "dai truyen hinh"), (), ("vtv",)),
    "Vietnam Airlines": BrandProfile("shop", ("vietnam airlines",), ("vietnamairlines",), ()),
    "Vietjet Air": BrandProfile("shop", ("vietjet", "vietjet air"), ("vietjet",), ()),
    "Garena": BrandProfile(
        "platform", ("garena", "free fire", "freefire", "lien quan mobile"), ("garena", "freefire"), ("ff",)
    ),
    "Facebook": BrandProfile(
        "platform", ("facebook", "fb", "messenger", "instagram"), ("facebook", "instagram"), ("fb", "meta")
    ),
    "Google": BrandProfile("platform", ("google", "gmail", "youtube"), ("google", "gmail", "youtube"), ()),
    "Zalo": BrandProfile("platform", ("zalo",), ("zalo",), ()),
    "Apple": BrandProfile("platform", ("apple", "icloud", "apple id"), ("icloud", "appleid"), ("apple",)),
    "Microsoft": BrandProfile(
        "platform",
        ("microsoft", "outlook", "office 365", "office365"),
        ("microsoft", "office365", "outlook"),
        (),
    ),
    "PayPal": BrandProfile("wallet", ("paypal",), ("paypal",), ()),
    "Telegram": BrandProfile("platform", (), (), ()),
    "Netflix": BrandProfile("platform", ("netflix",), ("netflix",), ()),
    "Amazon": BrandProfile("shop", (), (), ()),
}

# Vietnamese names of the kinds, used in reasons ("Tin nhắn nhân danh ngân hàng Vietcombank ...").
KIND_NAMES = {
    "bank": "ngân hàng",
    "wallet": "ví điện tử",
    "shop": "sàn thương mại",
    "carrier": "nhà mạng",
    "delivery": "đơn vị giao hàng",
    "agency": "cơ quan",
    "platform": "dịch vụ",
}


@lru_cache(maxsize=1)
def brand_domains() -> dict[str, str]:
    """Map each allow-listed registered domain to its brand, read once from ``brand_domains.csv``."""
    with BRAND_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["domain"].strip().lower(): row["brand"].strip() for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def domains_by_brand() -> dict[str, tuple[str, ...]]:
    """Map each brand to its real domains, in file order."""
    result: dict[str, list[str]] = {}
    for domain, brand in brand_domains().items():
        result.setdefault(brand, []).append(domain)
    return {brand: tuple(domains) for brand, domains in result.items()}


def profile(brand: str) -> BrandProfile:
    """Return the profile of a brand; brands added only to the CSV get one derived from their name."""
    found = PROFILES.get(brand)
    if found is not None:
        return found
    folded = fold_words(brand)
    token = re.sub(r"[^a-z0-9]", "", folded)
    return BrandProfile(
        "platform",
        (" ".join(_WORD_RE.findall(folded)),),
        (token,) if len(token) >= 5 else (),
        (token,) if len(token) < 5 else (),
    )


def kind_name(brand: str) -> str:
    """Return the Vietnamese name of what the brand is ("ngân hàng", "cơ quan"...)."""
    return KIND_NAMES.get(profile(brand).kind, "dịch vụ")


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Brand phrases keyed by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[tuple[str, ...]] = set()
    for name in domains_by_brand():
        for phrase in profile(name).phrases:
            words = tuple(phrase.split())
            if words and words not in seen:
                seen.add(words)
                index.setdefault(words[0], []).append((words, name))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


_WORD_RE = re.compile(r"[a-z0-9&+]+")


def brands_in_text(normalised: str) -> list[str]:
    """Return the brands a normalised text names, in order of first mention.

    Matching is on whole words, longest phrase first, so "viettel post" is Viettel Post and not Viettel, and
    "ngân hàng" alone names no one.
    """
    index = _phrase_index()
    words = ["^", *_WORD_RE.findall(normalised)]
    found: list[str] = []
    i = 0
    count = len(words)
    while i < count:
        entries = index.get(words[i])
        step = 1
        if entries is not None:
            for phrase, name in entries:
                size = len(phrase)
                if size == 1 or tuple(words[i : i + size]) == phrase:
                    if name not in found:
                        found.append(name)
                    step = size
                    break
        i += step
    return found


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
