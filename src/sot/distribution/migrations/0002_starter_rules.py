"""The starter distribution rules: data an administrator reviews and edits (each edit is logged).

Civil claims at first instance go to every court outside the parties' regions (extraterritorial
jurisdiction since 1 August 2022); administrative claims do so at the claimant's choice (IX Congress
of Judges, 2024); everything else stays within the court of jurisdiction. Weights reflect the
relative effort of a case of each category and are meant to be tuned from the court's own figures.
"""

from decimal import Decimal

from django.db import migrations

RULES = [
    ("civil", "first", "extraterritorial", "1.00"),
    ("administrative", "first", "claimant_choice", "1.50"),
    ("administrative_offence", "first", "court", "0.40"),
    ("criminal", "first", "court", "1.50"),
    ("civil", "appeal", "court", "1.20"),
    ("administrative", "appeal", "court", "1.50"),
    ("administrative_offence", "appeal", "court", "0.50"),
    ("criminal", "appeal", "court", "1.50"),
    ("civil", "cassation", "court", "1.50"),
    ("administrative", "cassation", "court", "1.50"),
    ("administrative_offence", "cassation", "court", "0.60"),
    ("criminal", "cassation", "court", "2.00"),
]


def load(apps, schema_editor):
    CategoryRule = apps.get_model("distribution", "CategoryRule")
    for category, instance, mode, weight in RULES:
        CategoryRule.objects.update_or_create(
            category=category,
            instance=instance,
            defaults={"mode": mode, "weight": Decimal(weight), "min_pool": 3},
        )


class Migration(migrations.Migration):
    dependencies = [("distribution", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
