"""The catalogue of brands that scammers impersonate: their real domains and how texts and hosts name them.

The real domains come from ``data/brand_domains.csv`` (brand,domain) so that an administrator can extend the
allow-list without touching code; ``data/brand_links.csv`` (brand,host) lists the brands' own app links on
shared link services (``myvt.page.link``). How a text names a brand ("VCB", "ngân hàng Ngoại thương") and
which tokens betray it inside a fake host ("vcb-xacminh.top") are kept here; detecting look-alike hosts is
``triage.lookalike``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import tldextract

from toandan.identifiers.text import fold_words

BRAND_CSV = Path(__file__).resolve().parent / "data" / "brand_domains.csv"
BRAND_LINKS_CSV = Path(__file__).resolve().parent / "data" / "brand_links.csv"

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


@lru_cache(maxsize=1)
def brand_domains() -> dict[str, str]:
    """Map each allow-listed registered domain to its brand, read once from ``brand_domains.csv``."""
    with BRAND_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["domain"].strip().lower(): row["brand"].strip() for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def brand_link_hosts() -> dict[str, str]:
    """Map each brand's own host on a shared link service (app links, short links) to the brand."""
    with BRAND_LINKS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["host"].strip().lower(): row["brand"].strip() for row in csv.DictReader(handle)}


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
