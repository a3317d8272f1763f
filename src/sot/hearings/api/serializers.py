"""Input and output shapes of the hearings API. Inputs name every field; nothing is mass-assigned."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sot.cases.models import CaseStatus, ParticipantRole
from sot.courts.api.serializers import CourtRefOutputSerializer
from sot.courts.models import Judge
from sot.hearings.models import (
    Courtroom,
    HearingFormat,
    HearingStatus,
    PostponementReason,
    SuspensionGround,
)

# --- outputs -------------------------------------------------------------------------------------


class CaseRefOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)
    court = CourtRefOutputSerializer()
    is_closed = serializers.BooleanField()


class CourtroomOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    name = serializers.CharField(source="__str__")
    court = serializers.CharField(source="court.code")
    has_video = serializers.BooleanField()


class JudgeRefOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")


class SummonedOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=ParticipantRole.choices)


class PostponementReasonOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    is_justified = serializers.BooleanField(
        help_text=_("An unjustified postponement is recorded as a violation.")
    )
    requires_proof = serializers.BooleanField()
    legal_basis = serializers.CharField()


class SuspensionGroundOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    legal_basis = serializers.CharField()
    is_mandatory = serializers.BooleanField()


class PostponementOutputSerializer(serializers.Serializer):
    reason = PostponementReasonOutputSerializer()
    note = serializers.CharField()
    new_hearing = serializers.IntegerField(source="new_hearing_id")
    at = serializers.DateTimeField()


class HearingOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    case = CaseRefOutputSerializer()
    courtroom = CourtroomOutputSerializer()
    judge = JudgeRefOutputSerializer()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(help_text=_("The expected end."))
    format = serializers.ChoiceField(choices=HearingFormat.choices)
    status = serializers.ChoiceField(choices=HearingStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    actual_start = serializers.DateTimeField(allow_null=True)
    actual_end = serializers.DateTimeField(allow_null=True)
    summoned = SummonedOutputSerializer(many=True, source="summoned.all")
    postponed_from = serializers.IntegerField(source="postponed_from_id", allow_null=True)
    postponement = PostponementOutputSerializer(allow_null=True, default=None)


class SuspensionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ground = SuspensionGroundOutputSerializer(allow_null=True)
    note = serializers.CharField()
    suspended_at = serializers.DateTimeField()
    resumed_at = serializers.DateTimeField(allow_null=True)
    resume_note = serializers.CharField()
    duration_seconds = serializers.SerializerMethodField()

    def get_duration_seconds(self, suspension: object) -> int | None:
        duration = getattr(suspension, "duration", None)
        return int(duration.total_seconds()) if duration is not None else None


class VideoLinkOutputSerializer(serializers.Serializer):
    join_url = serializers.CharField(help_text=_("Personal to the caller; do not share it."))
    backend = serializers.CharField()


# --- inputs --------------------------------------------------------------------------------------


class HearingScheduleInputSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    courtroom = serializers.PrimaryKeyRelatedField(queryset=Courtroom.objects.all())
    judge = serializers.PrimaryKeyRelatedField(
        queryset=Judge.objects.select_related("user"),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Defaults to the case's presiding judge."),
    )
    starts_at = serializers.DateTimeField(help_text=_("With a UTC offset."))
    ends_at = serializers.DateTimeField(help_text=_("The expected end, with a UTC offset."))
    format = serializers.ChoiceField(choices=HearingFormat.choices, default=HearingFormat.IN_PERSON)
    participants = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        max_length=200,
        help_text=_("Ids of the case's participants to summon."),
    )
    submission_key = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Any UUID the client picks for this submission: sending it again returns the "
            "hearing it made instead of scheduling a second one."
        ),
    )


class HearingStartInputSerializer(serializers.Serializer):
    started_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Defaults to now.")
    )


class HearingEndInputSerializer(serializers.Serializer):
    ended_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Defaults to now.")
    )


class HearingPostponeInputSerializer(serializers.Serializer):
    # Checked by the service, so a missing reason gets the same message on every interface.
    reason = serializers.SlugRelatedField(
        slug_field="code",
        queryset=PostponementReason.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A code from the postponement reasons."),
    )
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    starts_at = serializers.DateTimeField(help_text=_("The new start, with a UTC offset."))
    ends_at = serializers.DateTimeField(help_text=_("The new expected end."))
    courtroom = serializers.PrimaryKeyRelatedField(
        queryset=Courtroom.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Defaults to the same courtroom."),
    )


class CaseSuspendInputSerializer(serializers.Serializer):
    ground = serializers.SlugRelatedField(
        slug_field="code",
        queryset=SuspensionGround.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A code from the suspension grounds."),
    )
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    expected_status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)


class CaseResumeInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    expected_status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)


class CalendarFilterSerializer(serializers.Serializer):
    start = serializers.DateField(required=False, help_text=_("First day; defaults to today."))
    days = serializers.IntegerField(required=False, default=7, min_value=1, max_value=62)


class CourtroomFilterSerializer(serializers.Serializer):
    court = serializers.IntegerField(help_text=_("Court id."))
