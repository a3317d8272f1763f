"""Explicit shapes of the secretariat's API: records, reserve, exams and Art. 19–24 proceedings."""

from __future__ import annotations

from rest_framework import serializers

from sot.council.models import (
    ChairPost,
    ChairVacancy,
    CommissionSeat,
    ConclusionKind,
    DismissalGround,
    ListDispatch,
    ProceedingStatus,
    QuestionList,
    RecordEntryKind,
)
from sot.council.services.proceedings import recommended_candidate


class CouncilRecordEntryInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RecordEntryKind.choices)
    on = serializers.DateField()
    text = serializers.CharField(max_length=5000)


class CouncilRecordEntryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    on = serializers.DateField()
    text = serializers.CharField()


class CouncilPersonalRecordOutputSerializer(serializers.Serializer):
    judge = serializers.IntegerField(source="judge.pk")
    name = serializers.CharField(source="judge.user.full_name")
    entries = CouncilRecordEntryOutputSerializer(many=True)


class CouncilReserveInputSerializer(serializers.Serializer):
    judge = serializers.IntegerField(help_text="The judge's id.")
    post = serializers.ChoiceField(choices=ChairPost.choices)
    court = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")
    included_on = serializers.DateField()
    basis = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class CouncilReserveOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judge = serializers.IntegerField(source="judge_id")
    name = serializers.CharField(source="judge.user.full_name")
    post = serializers.CharField()
    court = serializers.CharField(source="court.code", allow_null=True, default=None)
    included_on = serializers.DateField()
    excluded_on = serializers.DateField(allow_null=True)
    basis = serializers.CharField()


class CouncilSpecialCheckInputSerializer(serializers.Serializer):
    issued_on = serializers.DateField()
    is_passed = serializers.BooleanField()
    criminal_case_found = serializers.BooleanField(default=False)
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class CouncilSpecialCheckOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    issued_on = serializers.DateField()
    valid_until = serializers.DateField()
    is_passed = serializers.BooleanField()
    criminal_case_found = serializers.BooleanField()


class CouncilConclusionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ConclusionKind.choices)
    given_on = serializers.DateField()
    is_positive = serializers.BooleanField()
    text = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")


class CouncilConclusionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    given_on = serializers.DateField()
    is_positive = serializers.BooleanField()


class CouncilPolygraphInputSerializer(serializers.Serializer):
    examined_on = serializers.DateField()
    is_favourable = serializers.BooleanField()
    conclusion = serializers.CharField(
        max_length=20000, required=False, allow_blank=True, default=""
    )


class CouncilPolygraphOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    examined_on = serializers.DateField()
    is_favourable = serializers.BooleanField()


class CouncilCommissionMemberInputSerializer(serializers.Serializer):
    user = serializers.CharField(max_length=150, help_text="The member's user name.")
    seat = serializers.ChoiceField(choices=CommissionSeat.choices)
    appointed_on = serializers.DateField()


class CouncilCommissionMemberOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="user.full_name")
    seat = serializers.CharField()
    appointed_on = serializers.DateField()
    term_ends_on = serializers.DateField()


class CouncilExamSessionInputSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=200)
    notice_sent_on = serializers.DateField()


class CouncilExamCandidateOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="candidate.user.full_name")
    status = serializers.CharField()
    test_score_percent = serializers.IntegerField(allow_null=True)
    ticket = serializers.IntegerField(source="ticket.number", allow_null=True, default=None)
    ticket_passed = serializers.BooleanField(allow_null=True)
    psychological_test_passed = serializers.BooleanField(allow_null=True)
    result_on = serializers.DateField(allow_null=True)


class CouncilExamSessionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    held_on = serializers.DateField()
    place = serializers.CharField()
    notice_sent_on = serializers.DateField()
    present = serializers.ListField(child=serializers.IntegerField())
    registrations = CouncilExamCandidateOutputSerializer(many=True)


class CouncilExamAttendanceInputSerializer(serializers.Serializer):
    present = serializers.ListField(
        child=serializers.IntegerField(), help_text="Commission member ids."
    )


class CouncilExamStagesInputSerializer(serializers.Serializer):
    ticket = serializers.IntegerField(min_value=1, help_text="The ticket's number.")
    ticket_passed = serializers.BooleanField()
    psychological_test_passed = serializers.BooleanField()


class CouncilChairVacancyInputSerializer(serializers.Serializer):
    post = serializers.ChoiceField(choices=ChairPost.choices)
    court = serializers.CharField(max_length=16, help_text="The court's code.")
    submitted_on = serializers.DateField()
    plenary_decision = serializers.CharField(max_length=300)
    judges = serializers.ListField(
        child=serializers.IntegerField(), min_length=1, help_text="The candidates' judge ids."
    )


class CouncilChairCandidateOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judge = serializers.IntegerField(source="judge_id")
    name = serializers.CharField(source="judge.user.full_name")
    order = serializers.IntegerField()
    in_reserve = serializers.BooleanField()


class CouncilChairVacancyOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    post = serializers.CharField()
    court = serializers.CharField(source="court.code")
    submitted_on = serializers.DateField()
    plenary_decision = serializers.CharField()
    status = serializers.CharField()
    candidates = CouncilChairCandidateOutputSerializer(many=True)
    recommended = serializers.SerializerMethodField(
        help_text="Once decided: the chair candidate id the Council recommends, or null."
    )

    def get_recommended(self, vacancy: ChairVacancy) -> int | None:
        if vacancy.status != ProceedingStatus.DECIDED:
            return None
        chosen = recommended_candidate(list(vacancy.candidates.select_related("vote")))
        return chosen.pk if chosen is not None else None


class CouncilProceedingActionInputSerializer(serializers.Serializer):
    """Shared by chair vacancies, dismissals and appeals; each accepts its own actions."""

    action = serializers.ChoiceField(choices=["schedule", "decide", "report", "refusal"])
    session = serializers.IntegerField(required=False, help_text="For schedule: the session id.")
    text = serializers.CharField(
        max_length=20000,
        required=False,
        allow_blank=True,
        default="",
        help_text="decide (dismissal): the circumstances and materials relied on; refusal: the protocol.",
    )
    circumstances = serializers.CharField(max_length=20000, required=False, default="")
    conclusion = serializers.CharField(max_length=20000, required=False, default="")
    proposals = serializers.CharField(max_length=20000, required=False, default="")
    signed_by = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )


class CouncilDismissalInputSerializer(serializers.Serializer):
    judge = serializers.IntegerField(help_text="The judge's id.")
    ground = serializers.ChoiceField(choices=DismissalGround.choices)
    received_on = serializers.DateField()
    jury_decision = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )


class CouncilDismissalOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judge = serializers.IntegerField(source="judge_id")
    name = serializers.CharField(source="judge.user.full_name")
    ground = serializers.CharField()
    submission_received_on = serializers.DateField()
    jury_decision = serializers.CharField()
    status = serializers.CharField()
    report_on = serializers.DateField(allow_null=True)
    acquainted_on = serializers.DateField(allow_null=True)
    recommended = serializers.BooleanField(allow_null=True)
    grounds_cited = serializers.CharField()


class CouncilAppealOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judge = serializers.IntegerField(source="judge_id")
    name = serializers.CharField(source="judge.user.full_name")
    commission = serializers.CharField()
    jury_decision = serializers.CharField()
    received_on = serializers.DateField()
    status = serializers.CharField()
    jury_decision_unfounded = serializers.BooleanField(allow_null=True)


class CouncilAppearanceInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    is_concerned = serializers.BooleanField(default=True)
    notified_on = serializers.DateField(required=False, allow_null=True, default=None)


class CouncilAppearanceActionInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["present", "left"])


class CouncilAppearanceOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item = serializers.IntegerField(source="item_id")
    name = serializers.CharField()
    is_concerned = serializers.BooleanField()
    notified_on = serializers.DateField(allow_null=True)
    present = serializers.BooleanField()
    left_at = serializers.DateTimeField(allow_null=True)


class CouncilQuestionListInputSerializer(serializers.Serializer):
    session = serializers.IntegerField(help_text="The Council session that approves the list.")


class CouncilQuestionListOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    session = serializers.IntegerField(source="item.session_id")
    item = serializers.IntegerField(source="item_id")
    questions = serializers.SerializerMethodField()
    approved_on = serializers.DateField(allow_null=True)

    def get_questions(self, question_list: QuestionList) -> list[int]:
        return [question.pk for question in question_list.questions.all()]


class CouncilListDispatchOutputSerializer(serializers.Serializer):
    courts = serializers.SerializerMethodField(help_text="The courts' codes.")
    applicants = serializers.ListField(child=serializers.CharField())
    sent_at = serializers.DateTimeField()
    sent_by = serializers.CharField(source="sent_by.full_name")
    channel = serializers.CharField()

    def get_courts(self, dispatch: ListDispatch) -> list[str]:
        return [court.code for court in dispatch.courts.all()]


class CouncilResultNoticeOutputSerializer(serializers.Serializer):
    application = serializers.IntegerField(source="application_id")
    name = serializers.CharField(source="application.candidate.user.full_name")
    outcome = serializers.CharField()
    due_on = serializers.DateField()
    sent_at = serializers.DateTimeField()
    sent_by = serializers.CharField(source="sent_by.full_name")
    channel = serializers.CharField()


class CouncilDispatchOutputSerializer(serializers.Serializer):
    list_dispatch = CouncilListDispatchOutputSerializer(allow_null=True)
    notices = CouncilResultNoticeOutputSerializer(many=True)


class CouncilChairCandidateVoteInputSerializer(serializers.Serializer):
    is_secret = serializers.BooleanField(default=False)
