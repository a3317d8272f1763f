"""Input and output shapes of the case API. Outputs never carry a full IIN or BIN except the
audited ``ParticipantIdentifiersOutputSerializer``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sot.cases.lifecycle import CaseAction
from sot.cases.models import (
    BenchRole,
    CaseEventKind,
    CaseStatus,
    Participant,
    ParticipantRole,
    PartyKind,
)
from sot.cases.validation import validate_party_identifiers
from sot.core.iin import mask_iin
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.api.serializers import CourtRefOutputSerializer
from sot.courts.models import Court, Judge

# --- outputs -------------------------------------------------------------------------------------


class CaseListOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(
        allow_null=True, help_text=_("Given at registration; empty before.")
    )
    court = CourtRefOutputSerializer()
    category = serializers.ChoiceField(choices=CaseCategory.choices)
    instance = serializers.ChoiceField(choices=Instance.choices)
    status = serializers.ChoiceField(choices=CaseStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    subject = serializers.CharField()
    filed_at = serializers.DateTimeField()
    is_closed = serializers.BooleanField(help_text=_("Heard in closed session."))


class ParticipantOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=ParticipantRole.choices)
    kind = serializers.ChoiceField(choices=PartyKind.choices)
    masked_iin = serializers.SerializerMethodField()
    masked_bin = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(help_text=_("Only the last four digits.")))
    def get_masked_iin(self, participant: Participant) -> str:
        return mask_iin(participant.iin)

    @extend_schema_field(serializers.CharField(help_text=_("Only the last four digits.")))
    def get_masked_bin(self, participant: Participant) -> str:
        return mask_iin(participant.bin)


class BenchSeatOutputSerializer(serializers.Serializer):
    judge = serializers.IntegerField(source="judge_id")
    judge_name = serializers.CharField(source="judge.full_name")
    role = serializers.ChoiceField(choices=BenchRole.choices)
    assigned_at = serializers.DateTimeField()


class AllowedActionOutputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=CaseAction.choices)
    label = serializers.CharField()  # type: ignore[assignment]  # a declared field, not Field.label


class CaseDetailOutputSerializer(CaseListOutputSerializer):
    """A case card: participants with masked identifiers, the bench, what the caller may do."""

    # ``allowed_actions`` depends on the caller: the view computes it and passes it in the context.

    article = serializers.CharField()
    claim_amount = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    is_electronic = serializers.BooleanField()
    registered_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    lower_case = serializers.IntegerField(
        source="lower_case_id",
        allow_null=True,
        help_text=_("The lower-instance case this one reviews."),
    )
    participants = ParticipantOutputSerializer(many=True, source="participants.all")
    bench = BenchSeatOutputSerializer(many=True, source="bench.all")
    allowed_actions = serializers.SerializerMethodField()

    @extend_schema_field(
        AllowedActionOutputSerializer(
            many=True, help_text=_("What the caller may do to the case in its current status.")
        )
    )
    def get_allowed_actions(self, case: object) -> list[dict[str, str]]:
        actions: list[str] = self.context["allowed_actions"]
        return [{"action": action, "label": str(CaseAction(action).label)} for action in actions]


class CaseEventOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=CaseEventKind.choices)
    label = serializers.CharField(source="get_kind_display")  # type: ignore[assignment]  # as above
    at = serializers.DateTimeField()
    actor = serializers.CharField(
        source="actor.full_name",
        allow_null=True,
        default=None,
        help_text=_("Who did it; empty for the system."),
    )
    payload = serializers.DictField()


class ParticipantIdentifiersOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    iin = serializers.CharField()
    bin = serializers.CharField()


class DocumentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    original_name = serializers.CharField()
    size = serializers.IntegerField(help_text=_("Bytes."))
    content_type = serializers.CharField(help_text=_("Detected from the content, not the name."))
    sha256 = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    uploaded_by = serializers.CharField(source="uploaded_by.full_name")


# --- inputs --------------------------------------------------------------------------------------


class CaseListFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    category = serializers.ChoiceField(choices=CaseCategory.choices, required=False)
    instance = serializers.ChoiceField(choices=Instance.choices, required=False)
    court = serializers.SlugRelatedField(
        slug_field="code", queryset=Court.objects.all(), required=False, help_text=_("Court code.")
    )
    year = serializers.IntegerField(
        required=False, min_value=1991, max_value=2100, help_text=_("Year of filing.")
    )
    number = serializers.CharField(
        required=False, max_length=32, help_text=_("The exact case number.")
    )
    is_closed = serializers.BooleanField(required=False)
    q = serializers.CharField(
        required=False, max_length=32, help_text=_("The beginning of the case number.")
    )
    ordering = serializers.ChoiceField(
        choices=[(value, value) for value in ("-filed_at", "filed_at", "number", "-number")],
        required=False,
        default="-filed_at",
        help_text=_("Unregistered cases (no number yet) come last when ordering by number."),
    )


class ParticipantInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ParticipantRole.choices)
    kind = serializers.ChoiceField(choices=PartyKind.choices, default=PartyKind.PERSON)
    name = serializers.CharField(max_length=300)
    iin = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("A person's IIN.")
    )
    bin = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("An organisation's BIN.")
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = validate_party_identifiers(attrs["kind"], attrs["iin"], attrs["bin"])
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class CaseCreateInputSerializer(serializers.Serializer):
    court = serializers.SlugRelatedField(
        slug_field="code", queryset=Court.objects.active(), help_text=_("Court code.")
    )
    category = serializers.ChoiceField(choices=CaseCategory.choices)
    instance = serializers.ChoiceField(choices=Instance.choices, default=Instance.FIRST)
    subject = serializers.CharField(max_length=500)
    article = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    claim_amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True, default=None
    )
    is_closed = serializers.BooleanField(default=False, help_text=_("Heard in closed session."))
    participants = serializers.ListField(
        child=ParticipantInputSerializer(), required=False, max_length=200
    )


class CaseTransitionInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=CaseAction.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    expected_status = serializers.ChoiceField(
        choices=CaseStatus.choices,
        required=False,
        help_text=_(
            "The status the caller last saw. If the case has moved since, nothing is done and "
            "the answer is 409: a retried or double-submitted request moves the case once."
        ),
    )


class JudgeAssignInputSerializer(serializers.Serializer):
    judge = serializers.PrimaryKeyRelatedField(queryset=Judge.objects.select_related("user"))
    role = serializers.ChoiceField(choices=BenchRole.choices, default=BenchRole.PRESIDING)


class DocumentAddInputSerializer(serializers.Serializer):
    # Empty files, sizes and types are judged by the documents service: one set of messages.
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    title = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
