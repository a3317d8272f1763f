"""Administration of the calendar (decreed transfers go to overrides) and the deadline rules."""

from django.contrib import admin

from .models import (
    CalendarDay,
    CalendarOverride,
    CourtCalendar,
    DeadlineRule,
    MonitorRun,
    Violation,
    WorkCalendar,
)


class CalendarOverrideInline(admin.TabularInline):
    model = CalendarOverride
    extra = 1
    fields = ("date", "is_working", "reason")


@admin.register(WorkCalendar)
class WorkCalendarAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "is_default", "first_year", "last_year")
    inlines = [CalendarOverrideInline]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "calendar", "is_working", "reason", "created_at")
    list_filter = ("calendar", "is_working")
    date_hierarchy = "date"
    fields = ("calendar", "date", "is_working", "reason")


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Seeded from the ``holidays`` package: read here, corrected through overrides."""

    list_display = ("date", "calendar", "kind", "name", "is_religious", "is_estimated", "source")
    list_filter = ("calendar", "kind", "is_estimated")
    date_hierarchy = "date"

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(CourtCalendar)
class CourtCalendarAdmin(admin.ModelAdmin):
    list_display = ("court", "calendar")
    autocomplete_fields = ()
    raw_id_fields = ("court",)


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "procedure_code",
        "article",
        "category",
        "instance",
        "length",
        "unit",
        "is_active",
        "is_reviewed",
    )
    list_filter = ("procedure_code", "category", "is_active", "is_reviewed")
    fields = (
        "code",
        ("name_kk", "name_ru", "name_en"),
        ("procedure_code", "article"),
        ("category", "instance"),
        ("start_event", "stop_events"),
        ("length", "unit", "pauses_on_suspension"),
        ("responsible", "violation_kind"),
        ("is_active", "is_reviewed"),
        "note",
    )


@admin.register(Violation)
class ViolationAdmin(admin.ModelAdmin):
    list_display = ("kind", "source", "court", "rule", "due_at", "detected_at", "delay")
    list_filter = ("kind",)
    raw_id_fields = ("case", "court", "responsible")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(MonitorRun)
class MonitorRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "through", "recorded")
