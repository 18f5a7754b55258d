"""Fill the stored resolution (when, final legal due date, in time or not) of reports resolved before the
fields existed, from their history, 2,000 reports at a time.

It calls `reports.resolution.fill_in_batches` with this migration's historical models rather than a copy of
the deadline rules: the rules (working days, public holidays, extensions) are long, and a copy here would be a
second statement of the law to keep in step. The function takes the models, the policy rows and the days off
as arguments and reads plain rows, so it does not depend on the current model classes.
"""

from django.db import migrations


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    from toandan.reports.resolution import fill_in_batches

    policies = list(apps.get_model("reports", "DeadlinePolicy").objects.all())
    days_off = frozenset(apps.get_model("core", "DayOff").objects.values_list("day", flat=True))
    fill_in_batches(
        apps.get_model("reports", "Report"), apps.get_model("reports", "ReportEvent"), policies, days_off
    )


class Migration(migrations.Migration):
    # Each batch commits on its own on PostgreSQL: a million reports never sit in one transaction.
    atomic = False

    dependencies = [
        ("core", "0003_extra_days_off"),
        ("reports", "0005_report_resolution_and_money_recovered"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
