"""Input and output shapes of the deadlines API (explicit fields only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sot.core import clock
from sot.deadlines.models import (
    CaseClock,
    ClockState,
    PeriodUnit,
    ProcedureCode,
    Responsible,
    Violation,
    ViolationKind,
)

# --- inputs --------------------------------------------------------------------------------------


class PeriodInputSerializer(serializers.Serializer):
    # The query parameter is "from" (a Python keyword): the view renames it to "start".
    start = serializers.DateField(help_text=_("The day of the starting event (YYYY-MM-DD)."))
    unit = serializers.ChoiceField(choices=PeriodUnit.choices)
    length = serializers.IntegerField(help_text=_("The period's length; never negative."))
    court = serializers.CharField(
        required=False, help_text=_("A court's code: count in that court's calendar.")
    )


class MonitoringFilterSerializer(serializers.Serializer):
    court = serializers.IntegerField(
        required=False, help_text=_("A court's id (national readers); staff get their own court.")
    )


class ViolationFilterSerializer(MonitoringFilterSerializer):
    kind = serializers.ChoiceField(choices=ViolationKind.choices, required=False)


# --- outputs -------------------------------------------------------------------------------------


class PeriodOutputSerializer(serializers.Serializer):
    due = serializers.DateField()
    skipped = serializers.ListField(
        child=serializers.DateField(), help_text=_("Non-working days passed over.")
    )


class ClockOutputSerializer(serializers.Serializer):
    rule = serializers.CharField(source="rule.code")
    rule_name = serializers.CharField(source="rule.name")
    procedure_code = serializers.ChoiceField(
        choices=ProcedureCode.choices, source="rule.procedure_code"
    )
    article = serializers.CharField(source="rule.article")
    responsible = serializers.ChoiceField(choices=Responsible.choices, source="rule.responsible")
    state = serializers.ChoiceField(choices=ClockState.choices)
    started_on = serializers.DateField()
    due = serializers.DateField(
        allow_null=True, help_text=_("Empty when the period reaches beyond the known calendar.")
    )
    paused_since = serializers.DateField(allow_null=True)
    paused_days = serializers.IntegerField()
    stopped_on = serializers.DateField(allow_null=True)
    is_overdue = serializers.SerializerMethodField()

    @extend_schema_field(serializers.BooleanField())
    def get_is_overdue(self, row: CaseClock) -> bool:
        return row.state == ClockState.RUNNING and row.due is not None and row.due < clock.today()


def _case_number(case: Any) -> str | None:
    # Lists reach court staff and analysts by role: a closed-session case stays unnamed.
    return None if case.is_closed else case.number


class OverdueOutputSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    case_number = serializers.SerializerMethodField()
    court = serializers.IntegerField(source="court_id")
    rule = serializers.CharField(source="rule.code")
    article = serializers.CharField(source="rule.article")
    due = serializers.DateField()
    days_overdue = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_case_number(self, row: CaseClock) -> str | None:
        return _case_number(row.case)

    @extend_schema_field(serializers.IntegerField())
    def get_days_overdue(self, row: CaseClock) -> int:
        return (clock.today() - row.due).days if row.due else 0


class ViolationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ViolationKind.choices)
    case_id = serializers.IntegerField()
    case_number = serializers.SerializerMethodField()
    court = serializers.IntegerField(source="court_id")
    rule = serializers.CharField()
    due_at = serializers.DateTimeField()
    detected_at = serializers.DateTimeField()
    delay_seconds = serializers.SerializerMethodField()
    responsible = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_case_number(self, violation: Violation) -> str | None:
        return _case_number(violation.case)

    @extend_schema_field(serializers.IntegerField())
    def get_delay_seconds(self, violation: Violation) -> int:
        return int(violation.delay.total_seconds())

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_responsible(self, violation: Violation) -> str | None:
        return violation.responsible.full_name if violation.responsible else None
