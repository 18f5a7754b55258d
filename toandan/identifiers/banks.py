"""Vietnamese banks and bank accounts.

The bank list lives in ``data/vn-banks.csv`` (columns ``bin,short_name,name,aliases``; aliases are
separated by ``;``).  It was compiled by hand from the public SBV list of credit institutions and the
NAPAS/VietQR BIN list, and must be checked by an administrator (see the ``# SOURCE`` line in the file).

Canonical form of a bank account (``Indicator.value``): ``<BIN>:<digits>``, e.g.
``970436:0123456789`` for a Vietcombank account.  The NAPAS BIN identifies the bank for every
interbank transfer in Vietnam, so it is stable across renamings (OceanBank → MBV keeps 970414).
An account number whose bank is unknown is kept as ``?:<digits>`` (``extra["bank_bin"] is None``):
it is still worth recording, and a lookup layer can match it against any bank through
``extra["account"]``.  Account numbers are 6–19 digits after removing spaces, dots and dashes;
leading zeros are significant and kept.

Public functions: :func:`banks`, :func:`bank_by_bin`, :func:`resolve_bank`,
:func:`normalize_bank_account`, :func:`account_indicator` and, for the extractor,
:func:`find_bank_mentions`.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _
from .text import fold, nfc, squash

DATA_FILE = Path(__file__).resolve().parent / "data" / "vn-banks.csv"

ACCOUNT_MIN_DIGITS = 6
ACCOUNT_MAX_DIGITS = 19


@dataclass(frozen=True, slots=True)
class Bank:
    """One bank of the list: NAPAS ``bin``, the ``short_name`` people use, the official ``name``."""

    bin: str
    short_name: str
    name: str
    aliases: tuple[str, ...] = ()


def _read_rows(lines: Iterable[str]) -> list[Bank]:
    reader = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    result = []
    for row in reader:
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
        result.append(Bank(row["bin"].strip(), row["short_name"].strip(), row["name"].strip(), aliases))
    return result


@functools.cache
def banks() -> tuple[Bank, ...]:
    """All banks of the bundled list, in file order."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        return tuple(_read_rows(handle))


# Words that decorate a bank's name without identifying it; removed when comparing names so that
# "Ngân hàng TMCP Ngoại thương Việt Nam" and "Ngoại thương" find the same bank.
_PREFIXES = ("nganhang", "thuongmaicophan", "tmcp", "tnhhmtv", "tnhh", "mtv", "nh")
_SUFFIXES = ("bank", "vietnam", "vn")


def _strip_decor(key: str) -> str:
    changed = True
    while changed and key:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix) + 1:
                key, changed = key[len(prefix) :], True
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key, changed = key[: -len(suffix)], True
    return key


def _has_diacritics(text: str) -> bool:
    return any(not ch.isascii() for ch in nfc(text))


class _Index:
    """Lookup tables built once from the bank list."""

    def __init__(self, bank_list: tuple[Bank, ...]) -> None:
        self.by_bin = {b.bin: b for b in bank_list}
        exact: dict[str, Bank | None] = {}
        stripped: dict[str, Bank | None] = {}
        text: dict[str, Bank | None] = {}

        def put(table: dict[str, Bank | None], key: str, bank: Bank) -> None:
            # A key shared by two banks is ambiguous: remember that, so it resolves to nobody.
            if key:
                table[key] = bank if table.get(key, bank) == bank else None

        for bank in bank_list:
            descriptive = {fold(a) for a in bank.aliases if _has_diacritics(a)}
            for label in (bank.short_name, bank.name, *bank.aliases):
                key = squash(label)
                put(exact, key, bank)
                put(stripped, _strip_decor(key), bank)
                # Descriptive Vietnamese aliases ("Sài Gòn", "Quân đội", "An Bình" and their
                # unaccented twins) are ordinary words or personal names in a message; in free text
                # they only count after "ngân hàng"/"NH".  Brand names count alone.
                is_descriptive = label != bank.name and (_has_diacritics(label) or fold(label) in descriptive)
                if not is_descriptive:
                    put(text, key, bank)
                for lead in ("nganhang", "nh"):
                    put(text, lead + key, bank)
                    put(text, lead + _strip_decor(key), bank)
            put(exact, bank.bin, bank)
        self.exact = exact
        self.stripped = stripped
        self.text = {k: v for k, v in text.items() if v is not None and len(k) >= 2}
        self.text_prefixes = {k[:i] for k in self.text for i in range(1, len(k) + 1)}


@functools.cache
def _index() -> _Index:
    return _Index(banks())


def bank_by_bin(bin_code: str) -> Bank | None:
    """The bank with NAPAS BIN ``bin_code`` (e.g. ``"970436"``), or None."""
    return _index().by_bin.get(bin_code.strip())


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


_WORD = re.compile(r"[a-z0-9]+")


def resolve_bank(text: str) -> Bank | None:
    """Find the bank meant by ``text``: a BIN, a short name, an alias or the official name.

    Tolerant of case, diacritics, spacing and punctuation (``"vietcom bank"``, ``"MB-Bank"``,
    ``"Ngân hàng TMCP Ngoại Thương"``), of decorations (``"ngân hàng"``, ``"TMCP"``, ``"Việt Nam"``)
    and of one typing mistake in names of six letters or more (``"Techcombamk"``).  Returns None when
    nothing or more than one bank matches.
    """
    if not text or not text.strip():
        return None
    index = _index()
    key = squash(text)
    if not key:
        return None
    if key in index.exact:
        return index.exact[key]
    short = _strip_decor(key)
    if short in index.stripped:
        return index.stripped[short]
    if len(short) >= 6:
        close = {
            bank
            for alias, bank in index.stripped.items()
            if bank and len(alias) >= 6 and _edit_distance_at_most_one(short, alias)
        }
        if len(close) == 1:
            return close.pop()
    # Longer text such as "Vietcombank - CN Quảng Ngãi": accept it when it names exactly one bank.
    folded = fold(nfc(text))
    found = {bank for _, _, bank in find_bank_mentions(folded)}
    return found.pop() if len(found) == 1 else None


def find_bank_mentions(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Bank]]:
    """Bank names mentioned in ``folded[start:end]`` (text already passed through :func:`text.fold`).

    Returns ``(start, end, bank)`` spans, longest match first at each position, left to right.
    Tokens are joined without spaces before comparison, so ``"vietcom bank"`` and ``"mb-bank"``
    match the aliases ``vietcombank`` and ``mbbank``.
    """
    index = _index()
    tokens = [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(folded, start, len(folded) if end is None else end)
    ]
    mentions: list[tuple[int, int, Bank]] = []
    i = 0
    while i < len(tokens):
        joined = ""
        best: tuple[int, Bank] | None = None
        for j in range(i, len(tokens)):
            joined += tokens[j][2]
            if joined not in index.text_prefixes:
                break
            bank = index.text.get(joined)
            if bank is not None:
                best = (j, bank)
        if best is None:
            i += 1
            continue
        j, bank = best
        mentions.append((tokens[i][0], tokens[j][1], bank))
        i = j + 1
    return mentions


def account_indicator(digits: str, bank: Bank | None) -> Indicator:
    """Indicator for account ``digits`` (already validated) at ``bank`` (None when unknown)."""
    if bank is None:
        return Indicator(
            Kind.BANK_ACCOUNT,
            f"?:{digits}",
            digits,
            {"bank_bin": None, "bank_short_name": None, "bank_name": None, "account": digits},
        )
    return Indicator(
        Kind.BANK_ACCOUNT,
        f"{bank.bin}:{digits}",
        f"{bank.short_name} {digits}",
        {"bank_bin": bank.bin, "bank_short_name": bank.short_name, "bank_name": bank.name, "account": digits},
    )


_CANONICAL = re.compile(r"(\d{6}|\?):(\d+)")
_ACCOUNT_RUN = re.compile(r"\d(?:[\d .\-]*\d)?")
_ACCOUNT_WORDS = re.compile(
    r"\b(?:so\s+tai\s+khoan|tai\s+khoan|so\s+tk|stk|tk|account|acc|ngan\s+hang|nh|chu\s+tk|ten)\b[\s:.\-]*"
)


def _bank_arg(bank: Bank | str | None) -> Bank | None:
    if bank is None or isinstance(bank, Bank):
        return bank
    found = bank_by_bin(bank) or resolve_bank(bank)
    if found is None:
        raise InvalidIndicator(_("Không nhận ra ngân hàng này."), "bank_unknown", Kind.BANK_ACCOUNT)
    return found


def _check_digits(digits: str) -> str:
    if not ACCOUNT_MIN_DIGITS <= len(digits) <= ACCOUNT_MAX_DIGITS:
        raise InvalidIndicator(
            _("Số tài khoản phải có từ 6 đến 19 chữ số."), "account_length", Kind.BANK_ACCOUNT
        )
    return digits


def _glued(text: str, start: int, end: int) -> bool:
    """True when letters touch the digits ("ABC123456"): that is a code, not an account number."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def normalize_bank_account(raw: str, bank: Bank | str | None = None) -> Indicator:
    """Normalise a bank account; ``bank`` is a :class:`Bank`, a BIN or a bank name, or None.

    ``raw`` may be the digits alone (``"0123 456 789"``), the canonical value (``"970436:0123456789"``,
    ``"?:0123456789"``) or digits with the bank named around them (``"Vietcombank 0123456789"``,
    ``"STK 0123456789 - MB Bank"``); a bank named in ``raw`` must agree with the ``bank`` argument.
    """
    chosen = _bank_arg(bank)
    text = nfc(raw).strip()
    canonical = _CANONICAL.fullmatch(text)
    if canonical:
        bin_code, digits = canonical.groups()
        named = None
        if bin_code != "?":
            named = bank_by_bin(bin_code)
            if named is None:
                raise InvalidIndicator(
                    _("Mã ngân hàng (BIN) không có trong danh sách."), "bank_bin", Kind.BANK_ACCOUNT
                )
        if named is not None and chosen is not None and named != chosen:
            raise InvalidIndicator(
                _("Số tài khoản thuộc một ngân hàng khác với ngân hàng đã chọn."),
                "bank_conflict",
                Kind.BANK_ACCOUNT,
            )
        return account_indicator(_check_digits(digits), named or chosen)
    folded = fold(text)
    runs = list(_ACCOUNT_RUN.finditer(folded))
    if len(runs) != 1 or _glued(folded, runs[0].start(), runs[0].end()):
        raise InvalidIndicator(
            _("Hãy nhập đúng một số tài khoản (chỉ gồm chữ số)."), "account_invalid", Kind.BANK_ACCOUNT
        )
    run = runs[0]
    digits = _check_digits(re.sub(r"\D", "", run.group()))
    rest = (folded[: run.start()] + " " + folded[run.end() :]).strip()
    named = None
    if rest:
        mentions = {b for _, _, b in find_bank_mentions(rest)}
        if len(mentions) > 1:
            raise InvalidIndicator(
                _("Có nhiều ngân hàng trong cùng một số tài khoản."), "bank_conflict", Kind.BANK_ACCOUNT
            )
        named = mentions.pop() if mentions else resolve_bank(_ACCOUNT_WORDS.sub(" ", rest))
    if named is not None and chosen is not None and named != chosen:
        raise InvalidIndicator(
            _("Số tài khoản thuộc một ngân hàng khác với ngân hàng đã chọn."),
            "bank_conflict",
            Kind.BANK_ACCOUNT,
        )
    return account_indicator(digits, named or chosen)
