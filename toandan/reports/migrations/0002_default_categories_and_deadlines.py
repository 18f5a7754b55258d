"""Install the default report categories and legal time limits (see toandan/reports/reference_data.py)."""

from django.db import migrations

# Pure data (no models): safe to import from a migration.
from toandan.reports.reference_data import CATEGORIES, POLICIES

def forwards(apps, schema_editor):
    Category = apps.get_model("reports", "ReportCategory")
    Policy = apps.get_model("reports", "DeadlinePolicy")
    for sort, (code, name, name_en, track) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "default_track": track, "sort": sort * 10}
        )
    for track, step, extension, amount, unit, base, basis in POLICIES:
        Policy.objects.get_or_create(
            track=track, step=step, extension=extension,
            defaults={"amount": amount, "unit": unit, "base": base, "legal_basis": basis},
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_reports_evidence_history_and_policies")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
