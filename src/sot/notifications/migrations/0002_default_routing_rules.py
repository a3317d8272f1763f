"""The starting routing rules, as rows court administrators can edit (copied, not imported)."""

from datetime import timedelta

from django.db import migrations

SUMMONS = (["sms", "push"], ["email", "hybrid_mail"])
RULES = [
    ("filing.submitted", ["email", "push"], [], timedelta(0), "filing_office"),
    ("filing.accepted", ["email", "push"], ["sms"], timedelta(0), "filing_office"),
    ("filing.returned", ["email", "push"], ["sms", "hybrid_mail"], timedelta(0), "filing_office"),
    (
        "filing.left_without_motion",
        ["email", "push"],
        ["sms", "hybrid_mail"],
        timedelta(0),
        "filing_office",
    ),
    ("act.issued", ["email", "push"], ["sms", "hybrid_mail"], timedelta(0), "presiding_judge"),
    ("act.published", ["push"], [], timedelta(0), "court_office"),
    ("hearing.scheduled", *SUMMONS, timedelta(days=3), "presiding_judge"),
    ("hearing.postponed", *SUMMONS, timedelta(days=1), "presiding_judge"),
    ("hearing.cancelled", *SUMMONS, timedelta(hours=2), "presiding_judge"),
    ("hearing.suspended", ["sms", "push"], ["email"], timedelta(0), "presiding_judge"),
    ("hearing.resumed", ["sms", "push"], ["email"], timedelta(0), "presiding_judge"),
    ("deadline.approaching", ["email", "push"], [], timedelta(days=3), "presiding_judge"),
]


def create(apps, schema_editor):
    rule = apps.get_model("notifications", "RoutingRule")
    for kind, channels, fallbacks, lead_time, responsible in RULES:
        rule.objects.get_or_create(
            kind=kind,
            defaults={
                "channels": channels,
                "fallbacks": fallbacks,
                "lead_time": lead_time,
                "responsible": responsible,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("notifications", "RoutingRule").objects.filter(
        kind__in=[r[0] for r in RULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_notices_deliveries_contacts_routing")]

    operations = [migrations.RunPython(create, remove)]
