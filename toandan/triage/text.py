"""Text normalisation for the scorers, and what a message names read through the shared indicator toolkit.

Scam texts arrive with or without Vietnamese diacritics, in teen-code, with links written without a scheme or
broken up ("vcb-xacthuc[.]com") to slip past filters. Everything downstream works on one folded form so that a
single pattern covers all spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toandan.identifiers.base import Indicator, Kind
from toandan.identifiers.extract import extract as extract_indicators
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


def _expand(match: re.Match[str]) -> str:
    return _TEEN_CODE[match.group(1)]


def normalise(text: str) -> str:
    """Fold the text and expand the teen-code abbreviations that patterns rely on."""
    return _TEEN_RE.sub(_expand, fold_words(text))


@dataclass(frozen=True)
class Extracted:
    """What a message names, as the indicator toolkit (``identifiers.extract``) finds it."""

    phones: list[Indicator]  # telephone numbers, short codes included (``VN:9029``)
    links: list[str]  # links as written, with a scheme added where it was missing
    accounts: list[Indicator]
    without_links: str  # the text with its links blanked, so that a brand inside a link is not a mention

    def personal_mobile(self) -> bool:
        """A mobile or foreign number: official senders give hotlines (1800/1900) or short codes instead."""
        return any(p.extra.get("type") == "mobile" or p.extra.get("region") != "VN" for p in self.phones)

    def of_type(self, *types: str) -> bool:
        """Whether a number of one of the toolkit's types ("short_code", "toll_free", ...) is given."""
        return any(p.extra.get("type") in types for p in self.phones)


_LINK_WRITTEN = re.compile(r"(?:[a-z][a-z0-9+.-]*://|[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}>'\"…"


def extract(text: str) -> Extracted:
    """Phones, links and bank accounts of a message, found once by the shared indicator toolkit."""
    found = extract_indicators(text)
    phones: list[Indicator] = []
    links: list[str] = []
    accounts: list[Indicator] = []
    for item in found.found:
        indicator = item.indicator
        if indicator.kind == Kind.PHONE:
            phones.append(indicator)
        elif indicator.kind == Kind.BANK_ACCOUNT:
            accounts.append(indicator)
        elif indicator.kind in (Kind.URL, Kind.DOMAIN, Kind.SOCIAL):
            written = found.written(item).rstrip(_TRAILING_PUNCT)
            # A social account written as a handle ("Telegram: @abc") is not a link.
            if indicator.kind == Kind.SOCIAL and not _LINK_WRITTEN.match(written):
                continue
            if "://" not in written[:12]:
                written = "http://" + written
            if written not in links:
                links.append(written)
    return Extracted(phones, links, accounts, found.without_links())
