"""Audit rows stay append-only, with one exception the retention schedule needs (Decree 13/2023: personal
data kept no longer than its purpose requires): an UPDATE that only clears the client's address (ip → NULL)
and changes nothing else. Every other UPDATE, and DELETE on PostgreSQL, is still refused by the database."""

from django.db import migrations

COLUMNS = (
    "id",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "unit_id",
    "object_type",
    "object_id",
    "summary",
    "data",
)
PG_SAME = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in COLUMNS)
SQLITE_SAME = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in COLUMNS)

PG_CREATE = f"""
CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.ip IS NULL AND {PG_SAME} THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'core_auditevent is append-only';
END;
$$ LANGUAGE plpgsql;
"""
PG_OLD = """
CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only';
END;
$$ LANGUAGE plpgsql;
"""
SQLITE_CREATE = f"""
CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
WHEN NOT (NEW.ip IS NULL AND {SQLITE_SAME})
BEGIN SELECT RAISE(ABORT, 'core_auditevent is append-only'); END;
"""
SQLITE_OLD = """
CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
BEGIN SELECT RAISE(ABORT, 'core_auditevent is append-only'); END;
"""


def replace(pg: str, sqlite: str):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(pg)
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute("DROP TRIGGER IF EXISTS core_auditevent_no_update;")
            schema_editor.execute(sqlite)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0006_once_only_effect_markers")]
    operations = [migrations.RunPython(replace(PG_CREATE, SQLITE_CREATE), replace(PG_OLD, SQLITE_OLD))]
