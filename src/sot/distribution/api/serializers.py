from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sot.courts.models import Judge

from ..models import ReassignmentReason


class ReassignInputSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ReassignmentReason.choices)
    note = serializers.CharField(max_length=500, allow_blank=True, default="")


class ChairAssignInputSerializer(serializers.Serializer):
    judge = serializers.PrimaryKeyRelatedField(queryset=Judge.objects.all())
    note = serializers.CharField(max_length=500)


class LoadFilterSerializer(serializers.Serializer):
    court = serializers.CharField(
        max_length=8, required=False, help_text=_("A court code; without it, the whole country.")
    )


class JudgeLoadOutputSerializer(serializers.Serializer):
    judge_id = serializers.IntegerField()
    name = serializers.CharField()
    court_id = serializers.IntegerField()
    share = serializers.DecimalField(max_digits=4, decimal_places=3)
    open_cases = serializers.IntegerField()
    weighted = serializers.DecimalField(max_digits=12, decimal_places=2)
    effective = serializers.DecimalField(max_digits=12, decimal_places=2)


class LoadSummaryOutputSerializer(serializers.Serializer):
    judges = JudgeLoadOutputSerializer(many=True)
    gini = serializers.FloatField()
    max_over_mean = serializers.FloatField()
    mean = serializers.FloatField()


class DrawOutputSerializer(serializers.Serializer):
    kind = serializers.CharField()
    outcome = serializers.CharField()
    leaf_index = serializers.IntegerField()


class QueueEntryOutputSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    case_number = serializers.CharField(source="case.number")
    reason = serializers.CharField()
    queued_at = serializers.DateTimeField()


class VerifyFilterSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=32, help_text=_("The case number."))
