from django.db import migrations

AUDIENCES = ["everyone", "students", "elderly", "officials", "businesses"]


def install(apps, schema_editor):
    Audience = apps.get_model("awareness", "Audience")
    for code in AUDIENCES:
        Audience.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("awareness", "0001_content_workflow")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
