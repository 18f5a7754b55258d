"""Text normalisation and indicator extraction shared by the message and URL scorers.

Scam texts arrive with or without Vietnamese diacritics, in teen-code, with links written without a scheme or
broken up ("vcb-xacthuc[.]com") to slip past filters. Everything downstream works on one folded form so that a
single pattern covers all spellings.
"""

from __future__ import annotations

import re

from toandan.identifiers.shorteners import SHORTENERS
from toandan.identifiers.text import fold_words

# Teen-code and SMS abbreviations that change what a pattern must match. Ambiguous ones stay as they are
# ("ck" is both "chuyển khoản" and "chồng", "mk" both "mật khẩu" and "mình"): patterns list them explicitly
# where the context settles the meaning.
_TEEN_CODE = {
    "k": "khong",
    "ko": "khong",
    "kg": "khong",
    "khg": "khong",
    "hok": "khong",
    "hong": "khong",
    "dc": "duoc",
    "dk": "duoc",
    "đc": "duoc",
    "stk": "so tai khoan",
    "tk": "tai khoan",
    "tkhoan": "tai khoan",
    "acc": "tai khoan",
    "sdt": "so dien thoai",
    "dt": "dien thoai",
    "lh": "lien he",
    "ctv": "cong tac vien",
    "j": "gi",
    "z": "vay",
    "zl": "zalo",
    "tele": "telegram",
    "tle": "telegram",
    "qk": "quy khach",
    "qkh": "quy khach",
    "kh": "khach hang",
    "ib": "nhan tin",
    "inbox": "nhan tin",
    "nt": "nhan tin",
    "trc": "truoc",
    "vs": "voi",
    "ng": "nguoi",
    "nhg": "nhung",
    "bhxh": "bao hiem xa hoi",
    "cccd": "can cuoc cong dan",
    "cmnd": "chung minh nhan dan",
    "dvc": "dich vu cong",
    "gplx": "giay phep lai xe",
    "csgt": "canh sat giao thong",
    "nhnn": "ngan hang nha nuoc",
}
_TEEN_RE = re.compile(
    r"(?<![\w./@-])(" + "|".join(sorted(map(re.escape, _TEEN_CODE), key=len, reverse=True)) + r")(?![\w@-])"
)

# Links are often written with the dot disguised or padded with spaces to defeat naive filters.
_DEFANG_RE = re.compile(r"\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s*", re.IGNORECASE)
_SPACED_DOT_RE = re.compile(
    r"(?<=[a-z0-9-])\s+\.\s*(?=(?:com|net|org|vn|xyz|top|icu|vip|cc|shop|online|site|club|live|info|app)\b)",
    re.IGNORECASE,
)

# Top-level domains accepted for a link written without a scheme. Two-letter ones that are also common
# Vietnamese syllables ("la", "to", "co", "me"...) are accepted only with a path or as a known shortener host.
_BARE_TLDS = (
    "com|net|org|info|biz|vn|xyz|top|icu|vip|cc|shop|online|site|club|live|buzz|store|app|dev|io|link|click|"
    "cfd|sbs|bond|cyou|fun|space|website|pro|asia|life|today|world|work|tk|ml|ga|cf|gq|pw|ws|su|ru|cn|tech|"
    "win|bet|cam|lol|monster|rest|quest|mobi|ink|ltd|one|me|co|ly|gl|gd|id|at|to|la|us|tv|in|do|so|gg"
)
_SHORT_AMBIGUOUS = {"me", "co", "ly", "gl", "gd", "id", "at", "to", "la", "us", "tv", "in", "do", "so", "gg"}
URL_RE = re.compile(
    r"(?:(?:https?|hxxps?)://|www\.)[^\s<>\"'()\[\]{}]+"
    r"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+(?:" + _BARE_TLDS + r")(?::\d{2,5})?"
    r"(?:/[^\s<>\"'()\[\]{}]*)?(?![\w-])",
    re.IGNORECASE,
)
_TRAILING_PUNCT = ".,;:!?)]}>'\"…"

# Vietnamese mobile numbers: 0 or +84/84, a carrier prefix 3/5/7/8/9, then 8 digits, often grouped with
# spaces or dots. Service numbers 1800/1900 are kept too: scams advertise fake hotlines.
PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+?84|0)[\s.-]?([35789](?:[\s.-]?\d){8})(?!\d)|(?<!\d)(1[89]00(?:[\s.]?\d){4,6})(?!\d)"
)
# A bank account is a long digit run announced as one; the lookbehind window covers "STK: ", "so tai khoan".
ACCOUNT_RE = re.compile(
    r"(?:so tai khoan|tai khoan|stk|tk|account|acc)\s*(?:so\s*)?[:.\-]?\s*(\d(?:[\s.-]?\d){5,18})(?!\d)"
)


def _expand(match: re.Match[str]) -> str:
    return _TEEN_CODE[match.group(1)]


def normalise(text: str) -> str:
    """Fold the text and expand the teen-code abbreviations that patterns rely on."""
    return _TEEN_RE.sub(_expand, fold_words(text))


def refang(text: str) -> str:
    """Undo "[.]" and spaced dots so that disguised links are extracted like ordinary ones."""
    return _SPACED_DOT_RE.sub(".", _DEFANG_RE.sub(".", text))


def extract_urls(text: str) -> list[str]:
    """Return the links in a message, in order, deduplicated, with a scheme added where it was missing."""
    found: list[str] = []
    for match in URL_RE.finditer(refang(text)):
        raw = match.group(0).rstrip(_TRAILING_PUNCT)
        lowered = raw.lower()
        if lowered.startswith("hxxp"):
            raw = "http" + raw[4:]
            lowered = raw.lower()
        if not lowered.startswith(("http://", "https://")):
            host = lowered.split("/", 1)[0].split(":", 1)[0]
            tld = host.rsplit(".", 1)[-1]
            if tld in _SHORT_AMBIGUOUS and "/" not in lowered and not _is_known_short_host(host):
                continue
            if host.replace(".", "").isdigit():
                continue
            raw = "http://" + raw
        if raw not in found:
            found.append(raw)
    return found


def strip_urls(text: str) -> str:
    """Remove links from a text, so that brand names inside them are not read as mentions."""
    return URL_RE.sub(" ", refang(text))


def _is_known_short_host(host: str) -> bool:
    return host.removeprefix("www.") in SHORTENERS


def extract_phones(text: str) -> list[str]:
    """Return the phone numbers in a message, normalised and deduplicated."""
    phones: list[str] = []
    for match in PHONE_RE.finditer(text):
        if match.group(1):
            value = "0" + re.sub(r"\D", "", match.group(1))
        else:
            value = re.sub(r"\D", "", match.group(2))
        if value not in phones:
            phones.append(value)
    return phones


def extract_accounts(normalised: str, phones: list[str]) -> list[str]:
    """Return bank account numbers announced in a (normalised) message, except ones that are phone numbers."""
    accounts: list[str] = []
    for match in ACCOUNT_RE.finditer(normalised):
        value = re.sub(r"\D", "", match.group(1))
        if value not in accounts and value not in phones:
            accounts.append(value)
    return accounts
