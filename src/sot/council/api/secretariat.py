"""The secretariat's API: what its pages do, through the same services.

Judges' electronic personal records and the personnel reserve (Art. 3 §1.15–17), special checks,
conclusions and polygraph results (Art. 13 §2, 15, 17), the exam Commission and its sessions
(Art. 11–14), chair vacancies (Art. 19–20), dismissal proceedings (Art. 21–23) and appeals
against the Judicial Jury (Art. 24). Everyone but the secretariat gets 403, except a judge reading
their own personal record and the chair putting a chair candidate to the vote; an object that does
not exist is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.accounts.models import User
from sot.core import clock
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, validated
from sot.core.errors import NotFound, ValidationFailed
from sot.council import selectors
from sot.council.models import (
    Appearance,
    Candidate,
    ChairCandidate,
    ChairVacancy,
    DismissalCase,
    ExamRegistration,
    ExamSession,
    ExamTicket,
    JuryAppeal,
    PersonalRecordEntry,
    QuestionList,
    ReserveEntry,
    Session,
)
from sot.council.services import (
    appearances,
    candidates,
    competitions,
    exams,
    proceedings,
    question_lists,
)
from sot.council.services.common import require_secretariat
from sot.courts.models import Court, Judge

from .secretariat_serializers import (
    CouncilAppealOutputSerializer,
    CouncilAppearanceActionInputSerializer,
    CouncilAppearanceInputSerializer,
    CouncilAppearanceOutputSerializer,
    CouncilChairCandidateVoteInputSerializer,
    CouncilChairVacancyInputSerializer,
    CouncilChairVacancyOutputSerializer,
    CouncilCommissionMemberInputSerializer,
    CouncilCommissionMemberOutputSerializer,
    CouncilConclusionInputSerializer,
    CouncilConclusionOutputSerializer,
    CouncilDismissalInputSerializer,
    CouncilDismissalOutputSerializer,
    CouncilDispatchOutputSerializer,
    CouncilExamAttendanceInputSerializer,
    CouncilExamSessionInputSerializer,
    CouncilExamSessionOutputSerializer,
    CouncilExamStagesInputSerializer,
    CouncilPersonalRecordOutputSerializer,
    CouncilPolygraphInputSerializer,
    CouncilPolygraphOutputSerializer,
    CouncilProceedingActionInputSerializer,
    CouncilQuestionListInputSerializer,
    CouncilQuestionListOutputSerializer,
    CouncilRecordEntryInputSerializer,
    CouncilRecordEntryOutputSerializer,
    CouncilReserveInputSerializer,
    CouncilReserveOutputSerializer,
    CouncilSpecialCheckInputSerializer,
    CouncilSpecialCheckOutputSerializer,
)
from .serializers import CouncilVoteOutputSerializer

TAGS = ["council"]
READ_ERRORS = {401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}


def _path(name: str) -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH)


def _secretariat(request: Request) -> User:
    user = caller(request)
    require_secretariat(user)
    return user


def _one(query: QuerySet[Any], pk: int) -> Any:
    row = query.filter(pk=pk).first()
    if row is None:
        raise NotFound()
    return row


def _field(name: str, row: Any) -> Any:
    """A referenced object that does not exist is a bad field, not a missing page."""
    if row is None:
        raise ValidationFailed(fields={name: [NotFound.default_message]})
    return row


class PersonalRecordApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_personal_record_retrieve",
        summary="A judge's electronic personal record (Art. 3 §1.15): secretariat, or the judge",
        parameters=[_path("judge_id")],
        responses={200: CouncilPersonalRecordOutputSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, judge_id: int) -> Response:
        judge = selectors.access_personal_record(caller(request), judge_id)
        return Response(
            CouncilPersonalRecordOutputSerializer(
                {
                    "judge": judge,
                    "entries": PersonalRecordEntry.objects.filter(judge=judge).order_by("on", "pk"),
                }
            ).data
        )

    @extend_schema(
        tags=TAGS,
        operation_id="council_personal_record_create",
        summary="Add an entry to a judge's personal record (secretariat; repeating it adds nothing)",
        parameters=[_path("judge_id")],
        request=CouncilRecordEntryInputSerializer,
        responses={201: CouncilRecordEntryOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, judge_id: int) -> Response:
        user = _secretariat(request)
        judge = _one(Judge.objects.all(), judge_id)
        data = validated(CouncilRecordEntryInputSerializer, request.data)
        entry = candidates.personal_record_add(judge=judge, acting_user=user, **data)
        return Response(
            CouncilRecordEntryOutputSerializer(entry).data, status=status.HTTP_201_CREATED
        )


class ReserveApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_reserve_list",
        summary="The personnel reserve for chair posts (Art. 3 §1.16–17; secretariat)",
        responses={200: CouncilReserveOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        return Response(
            CouncilReserveOutputSerializer(selectors.reserve_in_force(), many=True).data
        )

    @extend_schema(
        tags=TAGS,
        operation_id="council_reserve_create",
        summary="Include a judge in the personnel reserve (secretariat)",
        request=CouncilReserveInputSerializer,
        responses={201: CouncilReserveOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilReserveInputSerializer, request.data)
        judge = _field("judge", Judge.objects.filter(pk=data["judge"]).first())
        court = None
        if data["court"]:
            court = _field("court", Court.objects.filter(code=data["court"]).first())
        entry = candidates.reserve_include(
            judge=judge,
            post=data["post"],
            court=court,
            included_on=data["included_on"],
            basis=data["basis"],
            acting_user=user,
        )
        entry = ReserveEntry.objects.select_related("judge__user", "court").get(pk=entry.pk)
        return Response(CouncilReserveOutputSerializer(entry).data, status=status.HTTP_201_CREATED)


def _candidate(request: Request, candidate_id: int) -> tuple[User, Candidate]:
    user = _secretariat(request)
    return user, _one(Candidate.objects.all(), candidate_id)


class SpecialCheckApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_special_checks_create",
        summary="Record a special check (Art. 13 §2, 18 §9; valid one year; secretariat)",
        parameters=[_path("candidate_id")],
        request=CouncilSpecialCheckInputSerializer,
        responses={201: CouncilSpecialCheckOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, candidate_id: int) -> Response:
        user, candidate = _candidate(request, candidate_id)
        data = validated(CouncilSpecialCheckInputSerializer, request.data)
        check = competitions.special_check_record(candidate=candidate, acting_user=user, **data)
        return Response(
            CouncilSpecialCheckOutputSerializer(check).data, status=status.HTTP_201_CREATED
        )


class ConclusionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_conclusions_create",
        summary="Record a plenary session's or the Public Council's conclusion (Art. 17; secretariat)",
        parameters=[_path("candidate_id")],
        request=CouncilConclusionInputSerializer,
        responses={201: CouncilConclusionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, candidate_id: int) -> Response:
        user, candidate = _candidate(request, candidate_id)
        data = validated(CouncilConclusionInputSerializer, request.data)
        conclusion = candidates.conclusion_record(candidate=candidate, acting_user=user, **data)
        return Response(
            CouncilConclusionOutputSerializer(conclusion).data, status=status.HTTP_201_CREATED
        )


class PolygraphApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_polygraph_create",
        summary="Record a polygraph result (Art. 15: advisory; secretariat)",
        parameters=[_path("candidate_id")],
        request=CouncilPolygraphInputSerializer,
        responses={201: CouncilPolygraphOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, candidate_id: int) -> Response:
        user, candidate = _candidate(request, candidate_id)
        data = validated(CouncilPolygraphInputSerializer, request.data)
        result = candidates.polygraph_record(candidate=candidate, acting_user=user, **data)
        return Response(
            CouncilPolygraphOutputSerializer(result).data, status=status.HTTP_201_CREATED
        )


class CommissionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_commission_list",
        summary="The Qualification Commission's members in office (Art. 11; secretariat)",
        responses={200: CouncilCommissionMemberOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        members = exams.commission_in_office(clock.today())
        return Response(CouncilCommissionMemberOutputSerializer(members, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_commission_create",
        summary="Appoint a member of the Commission for two years (Art. 11 §2–3; secretariat)",
        request=CouncilCommissionMemberInputSerializer,
        responses={201: CouncilCommissionMemberOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilCommissionMemberInputSerializer, request.data)
        member_user = _field("user", User.objects.filter(username=data["user"]).first())
        member = exams.commission_member_appoint(
            user=member_user, seat=data["seat"], appointed_on=data["appointed_on"], acting_user=user
        )
        return Response(
            CouncilCommissionMemberOutputSerializer(member).data, status=status.HTTP_201_CREATED
        )


def _exam_session_document(session: ExamSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "held_on": session.held_on,
        "place": session.place,
        "notice_sent_on": session.notice_sent_on,
        "present": sorted(session.present.values_list("pk", flat=True)),
        "registrations": session.registrations.select_related("candidate__user", "ticket"),
    }


class ExamSessionListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_sessions_list",
        summary="Exam sessions with their candidates and results (secretariat)",
        responses={200: CouncilExamSessionOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        rows = ExamSession.objects.order_by("-held_on", "-pk")[:100]
        documents = [_exam_session_document(row) for row in rows]
        return Response(CouncilExamSessionOutputSerializer(documents, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_sessions_create",
        summary="Schedule an exam session, members notified ten days ahead (Art. 12 §2)",
        request=CouncilExamSessionInputSerializer,
        responses={201: CouncilExamSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilExamSessionInputSerializer, request.data)
        session = exams.exam_session_schedule(acting_user=user, **data)
        return Response(
            CouncilExamSessionOutputSerializer(_exam_session_document(session)).data,
            status=status.HTTP_201_CREATED,
        )


class ExamAttendanceApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_sessions_attendance",
        summary="Record the Commission members present (quorum two thirds, Art. 12 §3)",
        parameters=[_path("exam_session_id")],
        request=CouncilExamAttendanceInputSerializer,
        responses={200: CouncilExamSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, exam_session_id: int) -> Response:
        user = _secretariat(request)
        session = _one(ExamSession.objects.all(), exam_session_id)
        data = validated(CouncilExamAttendanceInputSerializer, request.data)
        in_office = {m.pk: m for m in exams.commission_in_office(session.held_on)}
        unknown = [pk for pk in data["present"] if pk not in in_office]
        if unknown:
            raise ValidationFailed(fields={"present": [NotFound.default_message]})
        present = [in_office[pk] for pk in dict.fromkeys(data["present"])]
        session = exams.exam_session_attendance(session=session, present=present, acting_user=user)
        return Response(CouncilExamSessionOutputSerializer(_exam_session_document(session)).data)


def _registration(request: Request, registration_id: int) -> tuple[User, ExamRegistration]:
    user = _secretariat(request)
    query = ExamRegistration.objects.select_related("session", "candidate__user", "ticket")
    return user, _one(query, registration_id)


class ExamAdmissionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_admission_decide",
        summary="Decide admission to the exam by the rule, with reasons (Art. 13, 14; secretariat)",
        parameters=[_path("registration_id")],
        request=None,
        responses={200: CouncilExamSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, registration_id: int) -> Response:
        user, registration = _registration(request, registration_id)
        exams.exam_admission_decide(registration=registration, acting_user=user)
        return Response(
            CouncilExamSessionOutputSerializer(_exam_session_document(registration.session)).data
        )


class ExamStagesApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_stages_record",
        summary="Record the ticket and the psychological test; the result follows (Art. 13 §10)",
        parameters=[_path("registration_id")],
        request=CouncilExamStagesInputSerializer,
        responses={200: CouncilExamSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, registration_id: int) -> Response:
        user, registration = _registration(request, registration_id)
        data = validated(CouncilExamStagesInputSerializer, request.data)
        ticket = _field("ticket", ExamTicket.objects.filter(number=data["ticket"]).first())
        exams.exam_stages_record(
            registration=registration,
            ticket=ticket,
            ticket_passed=data["ticket_passed"],
            psychological_test_passed=data["psychological_test_passed"],
            acting_user=user,
        )
        return Response(
            CouncilExamSessionOutputSerializer(_exam_session_document(registration.session)).data
        )


def _session_field(user: User, data: dict[str, Any]) -> Session:
    if "session" not in data:
        raise ValidationFailed(fields={"session": [ValidationFailed.default_message]})
    return _field("session", selectors.visible_sessions(user).filter(pk=data["session"]).first())


def _refuse_action(action: str) -> None:
    raise ValidationFailed(fields={"action": [ValidationFailed.default_message]})


def _vacancies() -> QuerySet[ChairVacancy]:
    return ChairVacancy.objects.select_related("court").prefetch_related("candidates__judge__user")


class ChairVacancyListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_chair_vacancies_list",
        summary="Chair vacancies submitted to the Council (Art. 19; secretariat)",
        responses={200: CouncilChairVacancyOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        return Response(CouncilChairVacancyOutputSerializer(_vacancies()[:100], many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_chair_vacancies_create",
        summary="Record a submission of chair candidates, two at least (Art. 19 §2, 20)",
        request=CouncilChairVacancyInputSerializer,
        responses={201: CouncilChairVacancyOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilChairVacancyInputSerializer, request.data)
        court = _field("court", Court.objects.filter(code=data["court"]).first())
        ids = list(dict.fromkeys(data["judges"]))
        judges = list(Judge.objects.filter(pk__in=ids).select_related("court"))
        if len(judges) != len(ids):
            raise ValidationFailed(fields={"judges": [NotFound.default_message]})
        judges.sort(key=lambda judge: ids.index(judge.pk))
        vacancy = proceedings.chair_vacancy_submit(
            post=data["post"],
            court=court,
            submitted_on=data["submitted_on"],
            plenary_decision=data["plenary_decision"],
            judges=judges,
            acting_user=user,
        )
        return Response(
            CouncilChairVacancyOutputSerializer(_vacancies().get(pk=vacancy.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ChairVacancyActionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_chair_vacancies_action",
        summary="Put a vacancy on a session's agenda (schedule) or record the result (decide)",
        parameters=[_path("vacancy_id")],
        request=CouncilProceedingActionInputSerializer,
        responses={200: CouncilChairVacancyOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, vacancy_id: int) -> Response:
        user = _secretariat(request)
        vacancy = _one(_vacancies(), vacancy_id)
        data = validated(CouncilProceedingActionInputSerializer, request.data)
        if data["action"] == "schedule":
            session = _session_field(user, data)
            proceedings.chair_vacancy_schedule(vacancy=vacancy, session=session, acting_user=user)
        elif data["action"] == "decide":
            proceedings.chair_vacancy_decide(vacancy=vacancy, acting_user=user)
        else:
            _refuse_action(data["action"])
        return Response(CouncilChairVacancyOutputSerializer(_vacancies().get(pk=vacancy.pk)).data)


def _dismissals() -> QuerySet[DismissalCase]:
    return DismissalCase.objects.select_related("judge__user")


class DismissalListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_dismissals_list",
        summary="Dismissal proceedings (Art. 21–23; secretariat)",
        responses={200: CouncilDismissalOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        return Response(CouncilDismissalOutputSerializer(_dismissals()[:100], many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_dismissals_create",
        summary="Receive a submission to release a judge (Art. 21 §1; secretariat)",
        request=CouncilDismissalInputSerializer,
        responses={201: CouncilDismissalOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilDismissalInputSerializer, request.data)
        judge = _field("judge", Judge.objects.filter(pk=data["judge"]).first())
        case = proceedings.dismissal_receive(
            judge=judge,
            ground=data["ground"],
            received_on=data["received_on"],
            jury_decision=data["jury_decision"],
            acting_user=user,
        )
        return Response(
            CouncilDismissalOutputSerializer(_dismissals().get(pk=case.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class DismissalActionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_dismissals_action",
        summary="report (Art. 22 §1), refusal to read it (§3), schedule, decide (Art. 23)",
        parameters=[_path("dismissal_id")],
        request=CouncilProceedingActionInputSerializer,
        responses={200: CouncilDismissalOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, dismissal_id: int) -> Response:
        user = _secretariat(request)
        case = _one(_dismissals(), dismissal_id)
        data = validated(CouncilProceedingActionInputSerializer, request.data)
        action = data["action"]
        if action == "report":
            proceedings.dismissal_report(
                case=case,
                circumstances=data["circumstances"],
                conclusion=data["conclusion"],
                proposals=data["proposals"],
                signed_by=data["signed_by"],
                acting_user=user,
            )
        elif action == "refusal":
            proceedings.dismissal_refusal_record(case=case, protocol=data["text"], acting_user=user)
        elif action == "schedule":
            session = _session_field(user, data)
            proceedings.dismissal_schedule(case=case, session=session, acting_user=user)
        else:
            proceedings.dismissal_decide(case=case, grounds_cited=data["text"], acting_user=user)
        return Response(CouncilDismissalOutputSerializer(_dismissals().get(pk=case.pk)).data)


def _appeals() -> QuerySet[JuryAppeal]:
    return JuryAppeal.objects.select_related("judge__user")


class AppealListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_appeals_list",
        summary="Appeals against Judicial Jury decisions (Art. 24; secretariat)",
        responses={200: CouncilAppealOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        return Response(CouncilAppealOutputSerializer(_appeals()[:100], many=True).data)


class AppealActionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_appeals_action",
        summary="Put an appeal on a session's agenda (schedule) or record the decision (decide)",
        parameters=[_path("appeal_id")],
        request=CouncilProceedingActionInputSerializer,
        responses={200: CouncilAppealOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, appeal_id: int) -> Response:
        user = _secretariat(request)
        appeal = _one(_appeals(), appeal_id)
        data = validated(CouncilProceedingActionInputSerializer, request.data)
        if data["action"] == "schedule":
            session = _session_field(user, data)
            proceedings.jury_appeal_schedule(appeal=appeal, session=session, acting_user=user)
        elif data["action"] == "decide":
            proceedings.jury_appeal_decide(appeal=appeal, acting_user=user)
        else:
            _refuse_action(data["action"])
        return Response(CouncilAppealOutputSerializer(_appeals().get(pk=appeal.pk)).data)


class AppearanceCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_appearances_create",
        summary="Invite a person on a question (Art. 9 §3; secretariat; repeating returns it)",
        parameters=[_path("session_id"), _path("item_id")],
        request=CouncilAppearanceInputSerializer,
        responses={201: CouncilAppearanceOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int, item_id: int) -> Response:
        user = _secretariat(request)
        session = selectors.access_session(user, session_id)
        item = _one(session.agenda.select_related("session"), item_id)
        data = validated(CouncilAppearanceInputSerializer, request.data)
        appearance = appearances.appearance_record(item=item, acting_user=user, **data)
        return Response(
            CouncilAppearanceOutputSerializer(appearance).data, status=status.HTTP_201_CREATED
        )


class AppearanceActionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_appearances_action",
        summary="present at the hearing (Art. 9 §3) or left before the decision (Art. 10 §1)",
        parameters=[_path("appearance_id")],
        request=CouncilAppearanceActionInputSerializer,
        responses={200: CouncilAppearanceOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, appearance_id: int) -> Response:
        user = _secretariat(request)
        appearance = _one(Appearance.objects.all(), appearance_id)
        data = validated(CouncilAppearanceActionInputSerializer, request.data)
        if data["action"] == "present":
            appearance = appearances.appearance_present(appearance=appearance, acting_user=user)
        else:
            appearance = appearances.appearance_left(appearance=appearance, acting_user=user)
        return Response(CouncilAppearanceOutputSerializer(appearance).data)


def _question_lists() -> QuerySet[QuestionList]:
    return QuestionList.objects.select_related("item").prefetch_related("questions")


class QuestionListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_question_lists_list",
        summary="Lists of exam questions put to the Council and their approval (Art. 13 §10)",
        responses={200: CouncilQuestionListOutputSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        _secretariat(request)
        return Response(
            CouncilQuestionListOutputSerializer(_question_lists()[:100], many=True).data
        )

    @extend_schema(
        tags=TAGS,
        operation_id="council_question_lists_create",
        summary="Put the questions not yet approved on a session's agenda (Art. 13 §10)",
        request=CouncilQuestionListInputSerializer,
        responses={201: CouncilQuestionListOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = _secretariat(request)
        data = validated(CouncilQuestionListInputSerializer, request.data)
        session = _session_field(user, data)
        question_list = question_lists.question_list_submit(session=session, acting_user=user)
        return Response(
            CouncilQuestionListOutputSerializer(_question_lists().get(pk=question_list.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class QuestionListApproveApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_question_lists_approve",
        summary="Record the session's approval after an adopted vote (Art. 13 §10)",
        parameters=[_path("list_id")],
        request=None,
        responses={200: CouncilQuestionListOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, list_id: int) -> Response:
        user = _secretariat(request)
        question_list = _one(QuestionList.objects.all(), list_id)
        question_lists.question_list_approve(question_list=question_list, acting_user=user)
        return Response(
            CouncilQuestionListOutputSerializer(_question_lists().get(pk=question_list.pk)).data
        )


class DispatchApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_competitions_dispatch",
        summary="What was sent: the list to the regional courts (Art. 16 §6), the notices (18 §12)",
        parameters=[_path("competition_id")],
        responses={200: CouncilDispatchOutputSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, competition_id: int) -> Response:
        user = _secretariat(request)
        competition = selectors.access_competition(user, competition_id)
        return Response(
            CouncilDispatchOutputSerializer(
                {
                    "list_dispatch": selectors.list_dispatch(competition),
                    "notices": selectors.result_notices(competition),
                }
            ).data
        )


class ChairCandidateVoteApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_chair_candidates_vote",
        summary="Put one chair candidate to the vote, open or secret (the chair; Art. 19)",
        parameters=[_path("session_id"), _path("candidate_id")],
        request=CouncilChairCandidateVoteInputSerializer,
        responses={201: CouncilVoteOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int, candidate_id: int) -> Response:
        user = caller(request)
        session = selectors.access_session(user, session_id)
        candidate = _one(
            ChairCandidate.objects.filter(vacancy__item__session=session), candidate_id
        )
        data = validated(CouncilChairCandidateVoteInputSerializer, request.data)
        vote = proceedings.chair_candidate_vote_open(
            candidate=candidate, is_secret=data["is_secret"], acting_user=user
        )
        return Response(CouncilVoteOutputSerializer(vote).data, status=status.HTTP_201_CREATED)
