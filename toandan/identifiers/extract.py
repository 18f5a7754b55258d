"""Find every indicator in a free-text message (SMS, chat, description of a report).

``extract_all(text) -> list[Indicator]`` returns the indicators in order of appearance, without
duplicates (same kind and value).  What it looks for:

* links with or without scheme, de-fanged (``hxxp://``, ``example[.]com``): social-network account
  links become SOCIAL indicators (a ``zalo.me/<phone>`` link also yields the PHONE), other links URL
  indicators, a bare host (``vietcombank-hotro.com``) a DOMAIN indicator;
* e-mail addresses; wallet addresses with a valid checksum;
* ``<platform> @handle`` (``Telegram: @abc``, ``tiktok @abc``);
* runs of digits, classified by the nearest keyword before them and by bank names around them:

  - a bank keyword (``STK``, ``số tài khoản``, ``TK``, ``chuyển khoản``…) or a bank name right before
    (``MB Bank 0901234567``) or right after (``STK 0123456789 Vietcombank``) makes a BANK_ACCOUNT —
    even when the digits would also be a valid phone number;
  - otherwise a valid telephone number (``0``/``+84``/``84``/``0084`` prefixes, ``1800``/``1900``)
    makes a PHONE; after ``Zalo`` it also makes the Zalo account;
  - a 3–5 digit short code only counts after ``gửi``/``soạn tin``/``tổng đài``/``đầu số``…;
  - never: dates (``12/05/2024``, ``12.05.2024``), money (``5.000.000đ``, ``5,000,000 VND``,
    ``500k``), numbers after ``OTP``/``mã xác thực``/``CCCD``/``CMND``/``số thẻ``, 12-digit citizen
    ids and OTP codes (they are not valid phone numbers), an unlabelled bank account shorter than 8
    digits.

Matching runs on a folded copy of the text (lowercase, no diacritics, same length), so positions
carry over to the original text, from which values are cut (URL paths keep their case).
Regular expressions are compiled once; telephone validation uses precompiled libphonenumber
patterns (see :mod:`.phones`).  ``bench/bench_extract.py`` measures the throughput.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .banks import ACCOUNT_MAX_DIGITS, ACCOUNT_MIN_DIGITS, Bank, account_indicator, find_bank_mentions
from .base import Indicator, InvalidIndicator, Kind
from .crypto import wallet_or_none
from .phones import phone_from_digits, short_code_indicator
from .social import PLATFORM_WORDS, social_from_handle, social_from_url, zalo_account
from .text import defang, fold, nfc
from .web import domain_indicator, has_public_suffix, normalize_email, parse_url, url_indicator

# Links are found in three passes that each start from a cheap literal ("@", "http", "."), because a
# single alternation tried at every position of every message cost more than everything else.
_EMAIL = re.compile(r"[a-z0-9._%+\-]++@(?:[a-z0-9\-]++\.)+[a-z]{2,24}(?![\w\-])")
_URL = re.compile(r"https?://[^\s<>\"'`]+")
_BARE = re.compile(
    r"(?:[a-z0-9_\-]++\.)+(?:[a-z]{2,24}|xn--[a-z0-9\-]{1,59})(?::\d{2,5})?(?P<tail>[/?#][^\s<>\"'`]*)?(?![\w@\-])"
)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.")
_WALLETS = re.compile(
    r"(?<![A-Za-z0-9])(?:0[xX][0-9a-fA-F]{40}|[bB][cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}"
    r"|[13T][1-9A-HJ-NP-Za-km-z]{25,34})(?![A-Za-z0-9])"
)
_HANDLES = re.compile(
    r"(?<![a-z0-9])(?P<word>"
    + "|".join(sorted((re.escape(w) for w in PLATFORM_WORDS), key=len, reverse=True))
    + r")\s*[:\-]?\s*@(?P<handle>[a-z0-9_][a-z0-9._]{1,31})"
)
# The character class comes first so that the regex engine can skip ahead to candidates quickly; the
# lookbehinds then look at the character before the first one.
# A run opening with "(" or "+" must reach a digit at once, else "((((…" would be quadratic.
_NUMBERS = re.compile(
    r"[\d(+](?<![\w+@#%$\-].)(?<!\d[.,].)(?:(?<=\d)|(?=\s?\+?\s?\d))[\d .\-()+]*(?<=\d)(?![\w%]|[.,:]\d)"
)
_GROUPS = re.compile(r"\d+")
_KEYWORDS = re.compile(
    r"""(?<![a-z0-9])(?:
      (?P<bank>stk|so\s?tk|so\s+tai\s+khoan|tai\s+khoan|tk|acc|account|acct|ck|chuyen\s+khoan|chuyen\s+tien
        |chuyen\s+vao|nap\s+tien|ngan\s+hang|nh|bank|banking|thu\s+huong|nguoi\s+nhan|chu\s+tk)
     |(?P<zalo>zalo|zl)
     |(?P<send>gui(?:\s+(?:den|toi|ve))?)
     |(?P<short>soan(?:\s+tin)?|dau\s+so|tong\s+dai|hotline|nhan\s+tin(?:\s+(?:den|toi))?|sms)
     |(?P<phone>sdt|so\s?dt|dt|dien\s+thoai|di\s+dong|dd|goi|call|phone|tel|mobile|lien\s+he|lh|so\s+may
        |whatsapp|viber|alo|nha\s+mang|cskh|cham\s+soc\s+khach\s+hang)
     |(?P<money>so\s+tien|tong\s+tien|thanh\s+tien|usd|vnd)
     |(?P<block>otp|ma\s+xac\s+(?:thuc|nhan)|mat\s+khau|cccd|cmnd|can\s+cuoc|cmt|so\s+the|the\s+so|ma\s+pin
        |ma\s+(?:giao\s+dich|gd|don(?:\s+hang)?|van\s+don|khach\s+hang|kh)|mst|ma\s+so\s+thue|bhxh|mgd)
    )(?![a-z0-9])""",
    re.VERBOSE,
)
_TIGHT_BEFORE = re.compile(
    r"[\s:.\-–()]*(?:(?:stk|so\s?tk|so\s+tai\s+khoan|tai\s+khoan|tk|acc|account)[\s:.\-]*)?"
)
_ATTACHED_AFTER = re.compile(r"[\s:.\-–,()/|]*(?:(?:tai|ngan\s+hang|nh|bank)[\s:.\-]*)?")
# A unit after a number that does not start with 0 makes it an amount ("5 000 000 đ", "2 tr", "50 %").
# Attached units ("500k", "5.000.000đ") never reach here: the number pattern refuses a following letter.
_CURRENCY_AFTER = re.compile(
    r"\s?(?:d|vnd|dong(?!\s+a(?![a-z0-9]))|tr|trieu|nghin|ngan\s+dong|usd|usdt|ty|ti|\$|%)(?![a-z0-9])"
)
_MONEY_GROUPING = re.compile(r"[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*")
_DATE = re.compile(r"\d{1,2}([./\-])\d{1,2}\1\d{2,4}|\d{4}([./\-])\d{1,2}\2\d{1,2}")

# "gửi 9029" is an SMS short code only in an SMS instruction ("Soạn DK gửi 9029"), not in "gửi 5000 cho mẹ".
_SMS_COMMAND = re.compile(r"(?<![a-z0-9])(?:soan|nhan\s+tin|tin\s+nhan|sms|cu\s+phap)(?![a-z0-9])")

_WINDOW = 40
# Top-level domains under which an all-digit host name is plausible without a path.
_NUMERIC_HOST_TLDS = frozenset({"com", "net", "org", "vn"})
_UNLABELLED_ACCOUNT_MIN = 8


# One indicator found: (start, order among those starting there, indicator, end) in the defanged text.
_Hit = tuple[int, int, Indicator, int]


@dataclass(frozen=True, slots=True)
class Found:
    """An indicator with where it was written: ``text[start:end]`` of :attr:`Extraction.text`."""

    indicator: Indicator
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Extraction:
    """What :func:`extract` found, with the defanged text its positions refer to."""

    text: str
    found: tuple[Found, ...]

    def written(self, item: Found) -> str:
        """The piece of text as written (a link keeps its own spelling, scheme or not)."""
        return self.text[item.start : item.end]

    def without_links(self) -> str:
        """The text with its links, domains and e-mail addresses blanked (spaces keep the positions)."""
        text = self.text
        for item in self.found:
            if item.indicator.kind in _LINK_KINDS and text[item.start : item.end].strip():
                text = text[: item.start] + " " * (item.end - item.start) + text[item.end :]
        return text


_LINK_KINDS = frozenset({Kind.URL, Kind.DOMAIN, Kind.EMAIL, Kind.SOCIAL})


def extract_all(text: str) -> list[Indicator]:
    """Every indicator found in ``text``, de-duplicated, in order of appearance."""
    return [item.indicator for item in extract(text).found]


def extract(text: str) -> Extraction:
    """Every indicator found in ``text`` with its position, de-duplicated, in order of appearance."""
    if not text:
        return Extraction("", ())
    original = defang(nfc(text))
    folded = fold(original)
    found: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    if "." in folded:
        _links(original, folded, found, taken)
    if len(original) >= 26:
        _wallets(original, found, taken)
    if "@" in folded:
        _handles(folded, found, taken)
    _numbers(folded, found, taken)
    found.sort(key=lambda item: (item[0], item[1]))
    seen: set[tuple[Kind, str]] = set()
    result = []
    for start, _order, indicator, end in found:
        key = (indicator.kind, indicator.value)
        if key not in seen:
            seen.add(key)
            result.append(Found(indicator, start, end))
    return Extraction(original, tuple(result))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _links(original: str, folded: str, found: list[_Hit], taken: list[tuple[int, int]]) -> None:
    if "@" in folded:
        for match in _EMAIL.finditer(folded):
            start, end = match.span()
            while folded[start] in "._%+-":
                start += 1
            # "https://user@host" is a URL with a user name, not an e-mail address.
            if start > 0 and folded[start - 1] in "/:":
                continue
            try:
                found.append((start, 0, normalize_email(original[start:end]), end))
            except InvalidIndicator:
                continue
            taken.append((start, end))
    if "http" in folded:
        for match in _URL.finditer(folded):
            start, end = match.span()
            if (start > 0 and folded[start - 1].isalnum()) or _overlaps(start, end, taken):
                continue
            _add_link(original[start:end], start, end, False, found, taken)
    length = len(folded)
    position = folded.find(".")
    while position != -1:
        next_from = position + 1
        if (
            0 < position < length - 1
            and folded[position + 1].isalnum()
            and folded[position - 1] in _HOST_CHARS
        ):
            start = position - 1
            while start > 0 and folded[start - 1] in _HOST_CHARS:
                start -= 1
            # The whole run of host characters is tried once: going back to its start from every dot
            # would make "a.a.a.a…" quadratic.
            run_end = position + 1
            while run_end < length and folded[run_end] in _HOST_CHARS:
                run_end += 1
            next_from = run_end
            while folded[start] in ".-":
                start += 1
            before = folded[start - 1] if start else " "
            if before not in "@/" and not before.isalnum() and not _overlaps(start, position + 1, taken):
                match = _BARE.match(folded, start)
                if match is not None and match.end() > position:
                    piece = original[start : match.end()]
                    if _plausible_bare(piece, match.group("tail")):
                        _add_link(piece, start, match.end(), match.group("tail") is None, found, taken)
                    next_from = max(next_from, match.end())
        position = folded.find(".", next_from)


def _add_link(
    piece: str,
    start: int,
    end: int,
    plain_host: bool,
    found: list[_Hit],
    taken: list[tuple[int, int]],
) -> None:
    """Classify one link-like piece of text: social account, URL or (``plain_host``) domain."""
    try:
        parsed = parse_url(piece, loose=False)
    except InvalidIndicator:
        return
    if not parsed.scheme_given and not has_public_suffix(parsed.host):
        return
    taken.append((start, end))
    social = social_from_url(parsed)
    if social is not None:
        found.append((start, 0, social, end))
        phone = social.extra.get("phone")
        if isinstance(phone, str):
            zalo_phone = phone_from_digits(phone[1:], international=True)
            if zalo_phone is not None:
                found.append((start, 1, zalo_phone, end))
    elif plain_host and parsed.port is None:
        found.append((start, 0, domain_indicator(parsed.host, parsed.host_unicode), end))
    else:
        found.append((start, 0, url_indicator(parsed), end))


def _plausible_bare(piece: str, tail: str | None) -> bool:
    """Reject prose that looks like a host: "Q.Ba Đình" (quận Ba Đình), "H.Mộ Đức"."""
    host = piece[: len(piece) - len(tail)] if tail else piece
    host = host.split(":", 1)[0].rstrip(".")
    labels = host.split(".")
    top = labels[-1]
    if not top.isascii():
        return False
    if tail:
        return True
    if all(label.isdigit() for label in labels[:-1]) and top.lower() not in _NUMERIC_HOST_TLDS:
        # "…lúc 15.Xin cảm ơn": a number then a word, not a host ("163.com" is one).
        return False
    if len(top) == 2 and top.lower() != "vn" and (top.istitle() or len(labels[-2]) <= 1):
        return False
    return True


def _wallets(original: str, found: list[_Hit], taken: list[tuple[int, int]]) -> None:
    for match in _WALLETS.finditer(original):
        start, end = match.span()
        if _overlaps(start, end, taken):
            continue
        wallet = wallet_or_none(match.group())
        if wallet is not None:
            found.append((start, 0, wallet, end))
            taken.append((start, end))


def _handles(folded: str, found: list[_Hit], taken: list[tuple[int, int]]) -> None:
    for match in _HANDLES.finditer(folded):
        start, end = match.span()
        if _overlaps(start, end, taken):
            continue
        handle = match.group("handle").rstrip("._")
        social = social_from_handle(PLATFORM_WORDS[match.group("word")], handle)
        if social is not None:
            found.append((start, 0, social, end))
            taken.append((start, end))


def _last_keyword(folded: str, start: int, end: int) -> tuple[str | None, int]:
    """Class and end position of the keyword nearest before ``end`` within ``folded[start:end]``."""
    last = None
    for last in _KEYWORDS.finditer(folded, start, end):  # noqa: B007 - only the last one matters
        pass
    if last is None:
        return None, -1
    return last.lastgroup, last.end()


def _bank_before(folded: str, start: int, end: int) -> Bank | None:
    """A bank named right before the number: "MB Bank 0901…", "Vietcombank STK: 0123…"."""
    mentions = find_bank_mentions(folded, start, end)
    if not mentions:
        return None
    m_start, m_end, bank = mentions[-1]
    gap = _TIGHT_BEFORE.match(folded, m_end, end)
    return bank if gap is not None and gap.end() == end else None


def _bank_after(folded: str, start: int, limit: int) -> tuple[Bank, int] | None:
    """A bank named right after the number: "0123… Vietcombank", "0123… - NH MB"; with its end."""
    mentions = find_bank_mentions(folded, start, limit)
    if not mentions:
        return None
    m_start, m_end, bank = mentions[0]
    gap = _ATTACHED_AFTER.match(folded, start, m_start)
    return (bank, m_end) if gap is not None and gap.end() == m_start else None


def _numbers(folded: str, found: list[_Hit], taken: list[tuple[int, int]]) -> None:
    matches = [m for m in _NUMBERS.finditer(folded) if not _overlaps(m.start(), m.end(), taken)]
    previous_end = 0
    for index, match in enumerate(matches):
        start, end = match.span()
        run = match.group()
        next_start = matches[index + 1].start() if index + 1 < len(matches) else len(folded)
        window_start = max(previous_end, start - _WINDOW)
        previous_end = end
        groups = _GROUPS.findall(run)
        digits = "".join(groups)
        compact = run.strip("() ")
        if _DATE.fullmatch(compact):
            continue
        if _looks_like_money(compact, digits) or (
            not digits.startswith("0") and _CURRENCY_AFTER.match(folded, end, next_start)
        ):
            continue
        keyword, keyword_end = _last_keyword(folded, window_start, start)
        if keyword in ("block", "money"):
            continue
        if ACCOUNT_MIN_DIGITS <= len(digits) <= ACCOUNT_MAX_DIGITS and not run.lstrip("( ").startswith("+"):
            # After "Gọi"/"Zalo"/"LH", a bank named next to a valid telephone number is the one who answers
            # ("LH Techcombank: 1800 588 822") or the impersonated brand ("Gọi 0901… Vietcombank hỗ trợ"),
            # not where the number is an account.
            phone_context = keyword in ("phone", "short", "zalo")
            phone_first = phone_context and phone_from_digits(digits, international=False) is not None
            bank = None if phone_first else _bank_before(folded, window_start, start)
            after = (
                None if bank or phone_context else _bank_after(folded, end, min(next_start, end + _WINDOW))
            )
            if after:
                bank, previous_end = after
            if bank is None and keyword == "bank":
                # "Ngân hàng Vietcombank, chủ TK Nguyễn Văn A, STK 0123…": a bank named further back.
                mentions = find_bank_mentions(folded, window_start, start)
                bank = mentions[-1][2] if mentions else None
            if bank is not None or (keyword == "bank" and len(digits) >= _UNLABELLED_ACCOUNT_MIN):
                found.append((start, 0, account_indicator(digits, bank), end))
                continue
        international = run.lstrip("( ").startswith("+")
        phones = _phones_in_groups(groups, international)
        for order, phone in enumerate(phones):
            found.append((start, 2 * order, phone, end))
            if keyword == "zalo":
                found.append((start, 2 * order + 1, zalo_account(phone), end))
        if keyword == "send" and _SMS_COMMAND.search(folded, window_start, keyword_end):
            keyword = "short"
        if not phones and keyword in ("short", "phone") and len(groups) == 1 and 3 <= len(digits) <= 5:
            if digits[0] != "0" and (len(digits) > 3 or digits[0] == "1"):
                found.append((start, 0, short_code_indicator(digits), end))


def _looks_like_money(compact: str, digits: str) -> bool:
    """Thousands grouping ("5.000.000", "19,000,000"), except "84.901.234.567", a phone with country code."""
    if digits.startswith("0") or not _MONEY_GROUPING.fullmatch(compact):
        return False
    return not (digits.startswith("84") and len(digits) in (11, 12))


def _phones_in_groups(groups: list[str], international: bool) -> list[Indicator]:
    """Split a run of digit groups into valid telephone numbers, longest valid number first."""
    phones: list[Indicator] = []
    i = 0
    while i < len(groups):
        best: tuple[int, Indicator] | None = None
        digits = ""
        for j in range(i, len(groups)):
            digits += groups[j]
            if len(digits) > 15:
                break
            if len(digits) >= 7:
                phone = phone_from_digits(digits, international=international and i == 0)
                if phone is not None:
                    best = (j, phone)
        if best is None:
            i += 1
            continue
        phones.append(best[1])
        i = best[0] + 1
    return phones
