"""Load Kazakhstan's regions, courts and their competences (see sot.courts.reference)."""

from django.db import migrations

from sot.courts.reference import load_reference_courts, unload_reference_courts


def load(apps, schema_editor):
    load_reference_courts(apps)


def unload(apps, schema_editor):
    unload_reference_courts(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("courts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
