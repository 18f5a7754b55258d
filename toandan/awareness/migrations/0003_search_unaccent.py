"""PostgreSQL only: the `unaccent` extension, a text search configuration using it, and a GIN index over the
expression the search uses (toandan/awareness/search.py). Creating an extension needs a privileged role: when
it fails, the migration says so and search falls back to the folded columns (as on SQLite)."""

from django.db import migrations

CONFIG = """
CREATE TEXT SEARCH CONFIGURATION toandan_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION toandan_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""
INDEX = """
CREATE INDEX IF NOT EXISTS awareness_fts_idx ON awareness_contentitem USING gin (
    (setweight(to_tsvector('toandan_unaccent', coalesce("awareness_contentitem"."title", '')), 'A') ||
     setweight(to_tsvector('simple', coalesce("awareness_contentitem"."text_folded", '')), 'B'))
);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT awareness_unaccent")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("RELEASE SAVEPOINT awareness_unaccent")
        except Exception as exc:  # noqa: BLE001 - any refusal means: fall back
            cursor.execute("ROLLBACK TO SAVEPOINT awareness_unaccent")
            print(
                "\n  awareness: could not create the PostgreSQL extension 'unaccent' "
                f"({exc.__class__.__name__}: {str(exc).strip()}).\n"
                "  Search falls back to the folded columns. To enable full-text search, run as a superuser:\n"
                "  CREATE EXTENSION unaccent;  then: toandan migrate awareness 0002 && toandan migrate awareness"
            )
            return
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'toandan_unaccent'")
        if cursor.fetchone() is None:
            cursor.execute(CONFIG)
        cursor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS awareness_fts_idx")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS toandan_unaccent")


class Migration(migrations.Migration):
    dependencies = [("awareness", "0002_audiences")]
    operations = [migrations.RunPython(forwards, backwards)]
