"""Seed the national working-day calendar (2016-2027, from the ``holidays`` package) and the
starter deadline rules. Both are data an administrator reviews and corrects afterwards."""

from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2016, 2027


def seed(apps, schema_editor):
    from sot.deadlines.calendars import write_seed
    from sot.deadlines.starter_rules import write_rules

    write_seed(
        apps.get_model("deadlines", "WorkCalendar"),
        apps.get_model("deadlines", "CalendarDay"),
        first_year=FIRST_YEAR,
        last_year=LAST_YEAR,
    )
    write_rules(apps.get_model("deadlines", "DeadlineRule"))


def unseed(apps, schema_editor):
    apps.get_model("deadlines", "DeadlineRule").objects.all().delete()
    apps.get_model("deadlines", "CalendarDay").objects.all().delete()
    apps.get_model("deadlines", "WorkCalendar").objects.filter(code="kz").delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0002_calendar_rules_clocks")]

    operations = [migrations.RunPython(seed, unseed)]
