"""Load the publication rules and the articles closed to publication from data/publication.json."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "publication.json"


def load(apps, schema_editor):
    rule_model = apps.get_model("acts", "PublicationRule")
    article_model = apps.get_model("acts", "ClosedArticle")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for row in data["rules"]:
        rule_model.objects.update_or_create(
            category=row["category"],
            kind=row["kind"],
            defaults={"moment": row["moment"], "legal_basis": row["legal_basis"]},
        )
    for row in data["closed_articles"]:
        article_model.objects.update_or_create(
            code=row["code"], article=row["article"], defaults={"reason": row["reason"]}
        )


class Migration(migrations.Migration):
    dependencies = [("acts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
