"""Explicit input and output shapes of the Council's API (no model field passes by default)."""

from __future__ import annotations

from rest_framework import serializers

from sot.council.models import DecisionForm
from sot.council.rules.eligibility import Position
from sot.council.rules.tally import DecisionKind, VoteChoice


class CouncilReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    article = serializers.CharField()
    message = serializers.CharField()


class CouncilEligibilityInputSerializer(serializers.Serializer):
    position = serializers.ChoiceField(choices=Position.choices)
    on = serializers.DateField(required=False)
    # Checked field by field by the rule itself (docs/council.md), so that errors name the field.
    facts = serializers.DictField()


class CouncilExamAdmissionInputSerializer(serializers.Serializer):
    on = serializers.DateField(required=False)
    facts = serializers.DictField()


class CouncilTallyInputSerializer(serializers.Serializer):
    facts = serializers.DictField()


class CouncilEligibilityOutputSerializer(serializers.Serializer):
    eligible = serializers.BooleanField()
    reasons = CouncilReasonSerializer(many=True)


class CouncilExamAdmissionOutputSerializer(serializers.Serializer):
    admitted = serializers.BooleanField()
    exempt = serializers.BooleanField()
    reasons = CouncilReasonSerializer(many=True)


class CouncilTallyOutputSerializer(serializers.Serializer):
    quorum = serializers.BooleanField()
    adopted = serializers.BooleanField()
    # "for" is a Python keyword, so it is set through the class namespace.
    locals()["for"] = serializers.IntegerField()
    against = serializers.IntegerField()
    # Declared fields (the metaclass moves them out of the class), not Field attributes.
    required = serializers.IntegerField()  # type: ignore[assignment]
    errors = CouncilReasonSerializer(many=True)  # type: ignore[assignment]


class CouncilCompetitionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.ChoiceField(choices=Position.choices)
    court = serializers.CharField(source="court.code")
    court_name = serializers.CharField(source="court.name")
    vacancies = serializers.IntegerField()
    status = serializers.CharField(help_text="draft, announced, checking, completed, failed")
    announcement_kk = serializers.CharField()
    announcement_ru = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    applications_close_on = serializers.DateField(allow_null=True)
    held_on = serializers.DateField(allow_null=True)
    lists_published_on = serializers.DateField(allow_null=True)
    completed_on = serializers.DateField(allow_null=True)
    previous = serializers.IntegerField(source="previous_id", allow_null=True)


class CouncilApplicantOutputSerializer(serializers.Serializer):
    name = serializers.CharField(source="candidate.user.full_name")
    status = serializers.CharField(
        help_text="submitted, admitted, rejected, won, not_selected, withdrawn"
    )


class CouncilCompetitionDetailOutputSerializer(CouncilCompetitionOutputSerializer):
    applicants = CouncilApplicantOutputSerializer(many=True)


class CouncilCompetitionCreateInputSerializer(serializers.Serializer):
    position = serializers.ChoiceField(choices=Position.choices)
    court = serializers.CharField(max_length=16, help_text="The court's code.")
    vacancies = serializers.IntegerField(min_value=1)
    basis = serializers.CharField(max_length=5000)
    announcement_kk = serializers.CharField(max_length=20000)
    announcement_ru = serializers.CharField(max_length=20000)
    is_specialised_court = serializers.BooleanField(default=False)


class CouncilCompetitionActionInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["announce", "close", "check", "complete", "notify", "send_list", "reannounce"]
    )
    published_on = serializers.DateField(required=False)
    held_on = serializers.DateField(required=False)


class CouncilApplicationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    competition = serializers.IntegerField(source="competition_id")
    status = serializers.CharField(
        help_text="submitted, admitted, rejected, won, not_selected, withdrawn"
    )
    submitted_on = serializers.DateField()
    checked_on = serializers.DateField(allow_null=True)
    notified_on = serializers.DateField(allow_null=True)
    reasons = CouncilReasonSerializer(many=True, source="check_reasons")


class CouncilSecretariatApplicationOutputSerializer(CouncilApplicationOutputSerializer):
    candidate = serializers.IntegerField(source="candidate_id")
    name = serializers.CharField(source="candidate.user.full_name")


class CouncilExamResultOutputSerializer(serializers.Serializer):
    held_on = serializers.DateField(source="session.held_on")
    status = serializers.CharField()
    test_score_percent = serializers.IntegerField(allow_null=True)
    ticket_passed = serializers.BooleanField(allow_null=True)
    psychological_test_passed = serializers.BooleanField(allow_null=True)
    result_on = serializers.DateField(allow_null=True)
    reasons = CouncilReasonSerializer(many=True)


class CouncilCandidateStatusOutputSerializer(serializers.Serializer):
    applications = CouncilApplicationOutputSerializer(many=True)
    exams = CouncilExamResultOutputSerializer(many=True)


class CouncilDecisionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    form = serializers.ChoiceField(choices=DecisionForm.choices)
    question = serializers.CharField(source="item.title")
    decided_on = serializers.DateField()
    place = serializers.CharField()
    composition = serializers.ListField(child=serializers.DictField())
    reasons = serializers.CharField()
    is_adopted = serializers.BooleanField()
    published_at = serializers.DateTimeField()


class CouncilPassedOutputSerializer(serializers.Serializer):
    name = serializers.CharField(source="candidate.user.full_name")
    passed_on = serializers.DateField(source="result_on")


class CouncilModelQuestionOutputSerializer(serializers.Serializer):
    field_of_law = serializers.CharField()
    text = serializers.CharField()
    options = serializers.ListField(child=serializers.CharField())


class CouncilPassedListOutputSerializer(serializers.Serializer):
    passed = CouncilPassedOutputSerializer(many=True)
    model_questions = CouncilModelQuestionOutputSerializer(many=True)


class CouncilVoteOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    question = serializers.CharField()
    is_secret = serializers.BooleanField()
    is_open = serializers.BooleanField()
    votes_for = serializers.IntegerField(allow_null=True)
    votes_against = serializers.IntegerField(allow_null=True)
    required = serializers.IntegerField(allow_null=True)  # type: ignore[assignment]  # a field
    quorum = serializers.BooleanField(allow_null=True)
    adopted = serializers.BooleanField(allow_null=True)


class CouncilAgendaItemOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    competition = serializers.IntegerField(source="competition_id", allow_null=True)
    materials_received_on = serializers.DateField()
    materials = serializers.CharField()
    votes = CouncilVoteOutputSerializer(many=True)


class CouncilSessionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()
    is_closed = serializers.BooleanField()
    status = serializers.CharField()
    members_total = serializers.IntegerField(allow_null=True)
    present = serializers.IntegerField(source="present.count")
    minutes = serializers.CharField()
    agenda = CouncilAgendaItemOutputSerializer(many=True)


class CouncilBallotInputSerializer(serializers.Serializer):
    # Abstaining is refused by the service (Art. 10 §3), with its own message.
    choice = serializers.ChoiceField(choices=VoteChoice.choices)


class CouncilDocumentAddInputSerializer(serializers.Serializer):
    # Sizes and types are judged by the shared upload inspection: one set of messages.
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    title = serializers.CharField(max_length=200)


class CouncilDocumentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    sha256 = serializers.CharField()
    media_type = serializers.CharField()
    uploaded_at = serializers.DateTimeField()


class CouncilSessionPlanInputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200)
    is_closed = serializers.BooleanField(default=False)


class CouncilAgendaItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    title = serializers.CharField(max_length=300)
    competition = serializers.IntegerField(required=False, allow_null=True)
    materials_received_on = serializers.DateField()
    materials = serializers.CharField(required=False, allow_blank=True, default="")


class CouncilSessionOpenInputSerializer(serializers.Serializer):
    present = serializers.ListField(child=serializers.IntegerField(), help_text="Seat ids.")


class CouncilNominationInputSerializer(serializers.Serializer):
    application = serializers.IntegerField()


class CouncilNominationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    application = serializers.IntegerField(source="application_id")


class CouncilVoteOpenInputSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=300, required=False, default="")
    is_secret = serializers.BooleanField(default=False)
    nomination = serializers.IntegerField(required=False, allow_null=True)


class CouncilExamRegistrationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    held_on = serializers.DateField(source="session.held_on")
    status = serializers.CharField()
    applied_on = serializers.DateField()
    reasons = CouncilReasonSerializer(many=True)


class CouncilTestQuestionOutputSerializer(serializers.Serializer):
    # The correct option is never sent.
    id = serializers.IntegerField()
    field_of_law = serializers.CharField()
    text = serializers.CharField()
    options = serializers.ListField(child=serializers.CharField())


class CouncilTestOutputSerializer(serializers.Serializer):
    registration = serializers.IntegerField()
    questions = CouncilTestQuestionOutputSerializer(many=True)
    score_percent = serializers.IntegerField(allow_null=True)


class CouncilTestAnswersInputSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.IntegerField(min_value=0), help_text="Question id → option index."
    )


class CouncilJuryAppealInputSerializer(serializers.Serializer):
    commission = serializers.ChoiceField(choices=["disciplinary", "qualification"])
    jury_decision = serializers.CharField(max_length=300)
    grounds = serializers.CharField(max_length=20000)


class CouncilJuryAppealOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    commission = serializers.CharField()
    jury_decision = serializers.CharField()
    received_on = serializers.DateField()
    status = serializers.CharField()
    jury_decision_unfounded = serializers.BooleanField(allow_null=True)
