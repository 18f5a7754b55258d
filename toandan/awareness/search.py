"""Search across all published content, ignoring diacritics, title matches first.

PostgreSQL: full-text search, the title through the `toandan_unaccent` text search configuration (the
`unaccent` extension over the `simple` dictionary) and the already folded text through `simple`, with a GIN
index over the same expression (migration 0003). Query words are folded, so they match both halves.
Where that configuration is missing (the extension could not be created) and on SQLite: every folded query
word must occur in the stored folded title or text.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from toandan.awareness.folding import terms
from toandan.awareness.models import ContentItem

TS_CONFIG = "toandan_unaccent"
# Kept identical to the expression of the index made by migration 0003 so that PostgreSQL uses it.
_TABLE = '"awareness_contentitem"'
VECTOR_SQL = (
    f"(setweight(to_tsvector('toandan_unaccent', coalesce({_TABLE}.\"title\", '')), 'A') || "
    f"setweight(to_tsvector('simple', coalesce({_TABLE}.\"text_folded\", '')), 'B'))"
)


@cache
def full_text_available() -> bool:
    """True on PostgreSQL when the unaccent text search configuration exists (checked once per process)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [TS_CONFIG])
        return cursor.fetchone() is not None


def _title_first(words: list[str]) -> Case:
    all_in_title = Q()
    for word in words:
        all_in_title &= Q(title_folded__contains=word)
    return Case(When(all_in_title, then=Value(1)), default=Value(0), output_field=IntegerField())


def search(query: str, queryset: QuerySet | None = None) -> QuerySet:
    """Matching items, best first: all words in the title, then by relevance (PostgreSQL) or date."""
    qs = ContentItem.objects.live() if queryset is None else queryset
    words = terms(query)
    if not words:
        return qs.none()
    qs = qs.annotate(title_hit=_title_first(words))
    if full_text_available():
        tsquery = "plainto_tsquery('simple', %s)"
        text = " ".join(words)
        # No ts_rank: it recomputes every matching row's vector (17 s for a common query at 10,000 articles).
        return qs.extra(where=[f"{VECTOR_SQL} @@ {tsquery}"], params=[text]).order_by(  # noqa: S610
            "-title_hit", "-published_at", "-id"
        )
    for word in words:
        qs = qs.filter(Q(title_folded__contains=word) | Q(text_folded__contains=word))
    return qs.order_by("-title_hit", "-published_at", "-id")
