"""Text folded for search: lower case, without diacritics (đ → d), runs of spaces collapsed.

The SQLite search reads a stored folded column; PostgreSQL uses `unaccent` when the extension exists and the
same column otherwise, so both databases answer "lua dao" with "lừa đảo".
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.lower()).strip()


def terms(query: str, limit: int = 8) -> list[str]:
    """The folded words of a query (at most `limit`, each at least one character)."""
    return _WORD.findall(fold(query))[:limit]
