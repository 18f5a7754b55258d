"""Text helpers shared by the normalisers and the extractor.

* :func:`fold` lowercases and strips Vietnamese diacritics (``đ`` → ``d``) and maps full-width ASCII
  to ASCII **one character for one character**, so positions found in the folded text are valid in the
  original text too.  The extractor matches its patterns on the folded text and slices the original
  text to keep, for example, the case of a URL path.
* :func:`squash` folds and keeps only letters and digits, for tolerant name comparison.
* :func:`strip_diacritics` removes the marks and keeps the case (search text of reports, unit names).
* :func:`fold_words` folds compatibility forms too, drops zero-width characters and collapses white space:
  the form triage's patterns are written for.
* :func:`strip_marks` and :func:`ascii_letters` are the look-alike and wave-shingling variants: the first
  keeps non-Latin letters (so homoglyphs can still be mapped), the second keeps only ASCII, fast.
* :func:`defang` undoes the obfuscations people use when they paste dangerous links
  (``hxxp://``, ``example[.]com``, ``example(.)com``, ``name[at]example.com``).
"""

from __future__ import annotations

import re
import unicodedata


def _build_fold_table() -> dict[int, str]:
    """Map every precomposed Latin letter to its lowercase ASCII base and full-width ASCII to ASCII."""
    table: dict[int, str] = {cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    # đ/Đ have no decomposition in Unicode, yet every Vietnamese writer treats them as d.
    table[0x111] = "d"
    table[0x110] = "d"
    # Full-width forms (phone keyboards in CJK mode) and the ideographic full stops used in IDNs.
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0).lower()
    table[0x3002] = "."
    table[0xFF61] = "."
    # Non-breaking and other exotic spaces behave like a plain space in messages.
    for cp in (0xA0, 0x2007, 0x202F, 0x3000):
        table[cp] = " "
    return table


FOLD_TABLE = _build_fold_table()


def nfc(text: str) -> str:
    """Return ``text`` in NFC, cheaply when it already is (the common case)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase and strip diacritics, one character for one: ``len(fold(t)) == len(t)``."""
    if text.isascii():
        return text.lower()
    return text.translate(FOLD_TABLE)


_COMBINING = re.compile(r"[\u0300-\u036f]")


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese marks (``đ`` → ``d``), keeping the case: ``"Đà Nẵng"`` → ``"Da Nang"``."""
    # Vietnamese marks all decompose into the combining block U+0300–U+036F; one regex pass beats a
    # per-character category test (this runs on every report's text).
    text = text.replace("đ", "d").replace("Đ", "D")
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


# NFKD splits letters from their marks (and folds full-width and other compatibility forms); deleting the
# combining marks then leaves plain Latin letters. "đ" has no decomposition, so it is mapped by hand.
_WORDS_TABLE: dict[int, str | None] = {cp: None for cp in range(0x0300, 0x0370)}
_WORDS_TABLE.update(
    {ord("đ"): "d", ord("Đ"): "d", ord("\u200b"): None, ord("\u200c"): None, ord("\u200d"): None}
)
_WORDS_TABLE.update({ord("\ufeff"): None, ord("\u00a0"): " "})


def fold_words(text: str) -> str:
    """Lower-case, strip diacritics (đ→d) and compatibility forms, and collapse white space."""
    folded = unicodedata.normalize("NFKD", text).translate(_WORDS_TABLE).lower()
    return " ".join(folded.split())


def strip_marks(text: str) -> str:
    """Remove every combining mark after NFKD (``đ`` → ``d``), keeping letters of other scripts."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("đ", "d")


def ascii_letters(text: str) -> bytes:
    """The ASCII left of ``text`` once letters are split from their marks (``đ`` → ``d``), as bytes."""
    return unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def squash(text: str) -> str:
    """Fold ``text`` and drop everything but ASCII letters and digits (``"Việt Á"`` → ``"vieta"``)."""
    return _NON_ALNUM.sub("", fold(nfc(text)))


# Obfuscations seen in pasted warnings.  Only bracketed forms are undone inside free text, where a
# bare " dot " or " . " is ordinary prose; :func:`defang` with ``loose=True`` also undoes those.
_DEFANG_SCHEME = re.compile(r"\b(h[x*]{2}p|hxtp|fxp)(s?)(\[?:\]?//|\[://\])", re.IGNORECASE)
_DEFANG_DOT = re.compile(r"\s?[\[({]\s?(?:\.|dot)\s?[\])}]\s?", re.IGNORECASE)
_DEFANG_AT = re.compile(r"\s?[\[({]\s?(?:@|at)\s?[\])}]\s?", re.IGNORECASE)
_DEFANG_COLON = re.compile(r"\[:\]")
_LOOSE_DOT = re.compile(r"\s+(?:\.|dot)\s+|\s+\.|\.\s+", re.IGNORECASE)
_LOOSE_AT = re.compile(r"\s+(?:@|at)\s+", re.IGNORECASE)


def _scheme(match: re.Match[str]) -> str:
    name = "ftp" if match.group(1).lower().startswith("f") else "http"
    return f"{name}{match.group(2).lower()}://"


def defang_scheme(text: str) -> str:
    """Undo an obfuscated scheme at the start of ``text`` only (``hxxps://`` → ``https://``)."""
    match = _DEFANG_SCHEME.match(text)
    return _scheme(match) + text[match.end() :] if match else text


def defang(text: str, *, loose: bool = False) -> str:
    """Undo link obfuscation; ``loose`` also joins ``example . com`` and ``name at example.com``.

    ``loose`` is meant for a single value typed in a search box, never for prose.
    """
    if "[" in text or "(" in text or "{" in text:
        text = _DEFANG_DOT.sub(".", text)
        text = _DEFANG_AT.sub("@", text)
        text = _DEFANG_COLON.sub(":", text)
    # Cheap substring tests first: "x" alone is in half of all Vietnamese messages ("xác", "khách").
    if (
        "xp" in text
        or "XP" in text
        or "xP" in text
        or "Xp" in text
        or "xtp" in text
        or "*" in text
        or "fxp" in text
    ):
        text = _DEFANG_SCHEME.sub(_scheme, text)
    if loose:
        text = _LOOSE_DOT.sub(".", text)
        if "@" not in text:
            text = _LOOSE_AT.sub("@", text)
    return text
