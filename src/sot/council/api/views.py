"""The Council's API: one view per operation, reads through selectors, writes through services."""

from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core import clock
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, validated
from sot.core.errors import NotFound, ValidationFailed
from sot.council import selectors
from sot.council.models import (
    AgendaItem,
    Competition,
    CouncilSeat,
    ExamRegistration,
    ExamSession,
    Question,
)
from sot.council.rules.eligibility import eligibility
from sot.council.rules.exam import exam_admission
from sot.council.rules.facts import CandidateFacts
from sot.council.rules.reasons import render_all
from sot.council.rules.tally import parse_tally_facts, tally
from sot.council.services import competitions, exams, proceedings, sessions
from sot.council.services.common import require_secretariat
from sot.courts.models import Court

from .serializers import (
    CouncilAgendaItemInputSerializer,
    CouncilApplicationOutputSerializer,
    CouncilBallotInputSerializer,
    CouncilCandidateStatusOutputSerializer,
    CouncilCompetitionActionInputSerializer,
    CouncilCompetitionCreateInputSerializer,
    CouncilCompetitionDetailOutputSerializer,
    CouncilCompetitionOutputSerializer,
    CouncilDecisionOutputSerializer,
    CouncilDocumentAddInputSerializer,
    CouncilDocumentOutputSerializer,
    CouncilEligibilityInputSerializer,
    CouncilEligibilityOutputSerializer,
    CouncilExamAdmissionInputSerializer,
    CouncilExamAdmissionOutputSerializer,
    CouncilExamRegistrationOutputSerializer,
    CouncilJuryAppealInputSerializer,
    CouncilJuryAppealOutputSerializer,
    CouncilNominationInputSerializer,
    CouncilNominationOutputSerializer,
    CouncilPassedListOutputSerializer,
    CouncilSecretariatApplicationOutputSerializer,
    CouncilSessionOpenInputSerializer,
    CouncilSessionOutputSerializer,
    CouncilSessionPlanInputSerializer,
    CouncilTallyInputSerializer,
    CouncilTallyOutputSerializer,
    CouncilTestAnswersInputSerializer,
    CouncilTestOutputSerializer,
    CouncilVoteOpenInputSerializer,
    CouncilVoteOutputSerializer,
)

TAGS = ["council"]
COMPETITION_ID = OpenApiParameter("competition_id", int, OpenApiParameter.PATH)
SESSION_ID = OpenApiParameter("session_id", int, OpenApiParameter.PATH)
VOTE_ID = OpenApiParameter("vote_id", int, OpenApiParameter.PATH)
ITEM_ID = OpenApiParameter("item_id", int, OpenApiParameter.PATH)
APPLICATION_ID = OpenApiParameter("application_id", int, OpenApiParameter.PATH)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
SECRETARIAT_READ_ERRORS = {401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}


class PublicApi(APIView):
    """What the law says is published (Art. 10 §5, 13 §8, 16 §4, §6) is open to everyone."""

    permission_classes = (AllowAny,)


class EligibilityCheckApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_rules_eligibility",
        summary="Eligibility for a competition (Art. 17), as `sot council eligibility`",
        request=CouncilEligibilityInputSerializer,
        responses={200: CouncilEligibilityOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
    )
    def post(self, request: Request) -> Response:
        data = validated(CouncilEligibilityInputSerializer, request.data)
        on: date = data.get("on") or clock.today()
        facts = CandidateFacts.parse(data["facts"])
        result = eligibility(data["position"], facts, on, selectors.current_thresholds())
        return Response({"eligible": result.eligible, "reasons": render_all(result.reasons)})


class ExamAdmissionCheckApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_rules_exam_admission",
        summary="Admission to and exemption from the exam (Art. 13, 14)",
        request=CouncilExamAdmissionInputSerializer,
        responses={200: CouncilExamAdmissionOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
    )
    def post(self, request: Request) -> Response:
        data = validated(CouncilExamAdmissionInputSerializer, request.data)
        on: date = data.get("on") or clock.today()
        result = exam_admission(CandidateFacts.parse(data["facts"]), on)
        return Response(
            {
                "admitted": result.admitted,
                "exempt": result.exempt,
                "reasons": render_all(result.reasons),
            }
        )


class TallyCheckApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_rules_tally",
        summary="Count a vote of the Council (Art. 8, 10, 18 §8)",
        request=CouncilTallyInputSerializer,
        responses={200: CouncilTallyOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
    )
    def post(self, request: Request) -> Response:
        data = validated(CouncilTallyInputSerializer, request.data)
        result = tally(parse_tally_facts(data["facts"]), selectors.current_thresholds())
        return Response(result.as_dict())


def _detail(competition: Competition) -> dict[str, Any]:
    data = dict(CouncilCompetitionOutputSerializer(competition).data)
    data["applicants"] = [
        {"name": a.candidate.user.full_name, "status": a.status}
        for a in selectors.published_applicants(competition)
    ]
    return data


class CompetitionListApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="council_competitions_list",
        summary="Announced competitions and their results",
        responses={200: CouncilCompetitionOutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        listed = selectors.visible_competitions(request.user)[:200]
        return Response(CouncilCompetitionOutputSerializer(listed, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_competitions_create",
        summary="Open a competition (secretariat; Art. 16 §2–3)",
        request=CouncilCompetitionCreateInputSerializer,
        responses={201: CouncilCompetitionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(CouncilCompetitionCreateInputSerializer, request.data)
        court = Court.objects.filter(code=data.pop("court")).first()
        if court is None:
            raise ValidationFailed(fields={"court": [NotFound.default_message]})
        created = competitions.competition_create(court=court, acting_user=user, **data)
        return Response(
            CouncilCompetitionOutputSerializer(created).data, status=status.HTTP_201_CREATED
        )


class CompetitionDetailApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="council_competitions_retrieve",
        summary="A competition with its published list of applicants (Art. 16 §6)",
        parameters=[COMPETITION_ID],
        responses={200: CouncilCompetitionDetailOutputSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, competition_id: int) -> Response:
        competition = selectors.access_competition(request.user, competition_id)
        return Response(_detail(competition))


class CompetitionActionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_competitions_action",
        summary="Announce, close, check, complete, notify, send the list or re-announce (secretariat)",
        parameters=[COMPETITION_ID],
        request=CouncilCompetitionActionInputSerializer,
        responses={200: CouncilCompetitionDetailOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, competition_id: int) -> Response:
        user = caller(request)
        competition = selectors.access_competition(user, competition_id)
        data = validated(CouncilCompetitionActionInputSerializer, request.data)
        action = data["action"]
        if action == "announce":
            missing = [f for f in ("published_on", "held_on") if f not in data]
            if missing:
                raise ValidationFailed(
                    fields={f: [ValidationFailed.default_message] for f in missing}
                )
            competition = competitions.competition_announce(
                competition=competition,
                published_on=data["published_on"],
                held_on=data["held_on"],
                acting_user=user,
            )
        elif action == "close":
            competition = competitions.competition_close_applications(
                competition=competition, acting_user=user
            )
        elif action == "check":
            for application in competition.applications.filter(status="submitted"):
                competitions.application_check(application=application, acting_user=user)
        elif action == "complete":
            competition = competitions.competition_complete(
                competition=competition, acting_user=user
            )
        elif action == "notify":
            competitions.participants_notify(competition=competition, acting_user=user)
        elif action == "send_list":
            competitions.applicants_list_send(competition=competition, acting_user=user)
        else:
            competition = competitions.competition_reannounce(
                competition=competition, acting_user=user
            )
        competition.refresh_from_db()
        return Response(_detail(competition))


class ApplicationCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_applications_list",
        summary="A competition's applications with their candidates and check reasons (secretariat)",
        parameters=[COMPETITION_ID],
        responses={
            200: CouncilSecretariatApplicationOutputSerializer(many=True),
            **SECRETARIAT_READ_ERRORS,
        },
    )
    def get(self, request: Request, competition_id: int) -> Response:
        user = caller(request)
        require_secretariat(user)
        competition = selectors.access_competition(user, competition_id)
        rows = competition.applications.select_related("candidate__user").order_by("pk")
        return Response(CouncilSecretariatApplicationOutputSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="council_applications_create",
        summary="Apply for a competition (Art. 16 §5); applying twice returns the same application",
        parameters=[COMPETITION_ID],
        request=None,
        responses={201: CouncilApplicationOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, competition_id: int) -> Response:
        user = caller(request)
        competition = selectors.access_competition(user, competition_id)
        candidate = selectors.my_candidate(user)
        if candidate is None:
            raise NotFound()
        application = competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=user
        )
        return Response(
            CouncilApplicationOutputSerializer(application).data, status=status.HTTP_201_CREATED
        )


class CandidateStatusApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_me_retrieve",
        summary="The caller's applications and exam results",
        responses={200: CouncilCandidateStatusOutputSerializer, **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        candidate = selectors.my_candidate(caller(request))
        if candidate is None:
            raise NotFound()
        return Response(
            CouncilCandidateStatusOutputSerializer(
                {
                    "applications": candidate.applications.all(),
                    "exams": candidate.exam_registrations.select_related("session"),
                }
            ).data
        )


class DecisionListApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="council_decisions_list",
        summary="Published decisions of the Council (Art. 10 §5)",
        responses={200: CouncilDecisionOutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        return Response(
            CouncilDecisionOutputSerializer(selectors.published_decisions()[:200], many=True).data
        )


class PassedExamListApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exams_passed",
        summary="Those who passed the qualification exam, and the model questions (Art. 13 §8)",
        responses={200: CouncilPassedListOutputSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(
            CouncilPassedListOutputSerializer(
                {
                    "passed": selectors.passed_exam_list(clock.today()),
                    "model_questions": selectors.model_questions(),
                }
            ).data
        )


class SessionDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_sessions_retrieve",
        summary="A session: agenda, materials and votes (members and secretariat)",
        parameters=[SESSION_ID],
        responses={200: CouncilSessionOutputSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, session_id: int) -> Response:
        session = selectors.access_session(caller(request), session_id)
        session = type(session).objects.prefetch_related("agenda__votes").get(pk=session.pk)
        return Response(CouncilSessionOutputSerializer(session).data)


class BallotCastApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_ballots_create",
        summary="Cast a ballot: for or against (a secret one is stored without the member)",
        parameters=[VOTE_ID],
        request=CouncilBallotInputSerializer,
        responses={204: None, **WRITE_ERRORS},
    )
    def post(self, request: Request, vote_id: int) -> Response:
        user = caller(request)
        vote = selectors.access_vote(user, vote_id)
        data = validated(CouncilBallotInputSerializer, request.data)
        sessions.ballot_cast(vote=vote, choice=data["choice"], acting_user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VoteCloseApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_votes_close",
        summary="Close and count a vote (the chair)",
        parameters=[VOTE_ID],
        request=None,
        responses={200: CouncilVoteOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, vote_id: int) -> Response:
        user = caller(request)
        vote = sessions.vote_close(vote=selectors.access_vote(user, vote_id), acting_user=user)
        return Response(CouncilVoteOutputSerializer(vote).data)


class DocumentAddApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=TAGS,
        operation_id="council_documents_create",
        summary="Attach a document to one's application (before the check)",
        parameters=[APPLICATION_ID],
        request={"multipart/form-data": CouncilDocumentAddInputSerializer},
        responses={201: CouncilDocumentOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, application_id: int) -> Response:
        user = caller(request)
        application = selectors.access_application(user, application_id)
        data = validated(CouncilDocumentAddInputSerializer, request.data)
        document = competitions.application_document_add(
            application=application, upload=data["file"], title=data["title"], acting_user=user
        )
        return Response(
            CouncilDocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED
        )


class SessionPlanApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_sessions_create",
        summary="Plan a session (secretariat; Art. 8)",
        request=CouncilSessionPlanInputSerializer,
        responses={201: CouncilSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(CouncilSessionPlanInputSerializer, request.data)
        session = sessions.session_plan(acting_user=user, **data)
        return Response(
            CouncilSessionOutputSerializer(session).data, status=status.HTTP_201_CREATED
        )


class AgendaItemAddApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_agenda_create",
        summary="Put a question on the agenda (secretariat; Art. 7 §1.2, 8 §2, §4)",
        parameters=[SESSION_ID],
        request=CouncilAgendaItemInputSerializer,
        responses={201: CouncilSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int) -> Response:
        user = caller(request)
        session = selectors.access_session(user, session_id)
        data = validated(CouncilAgendaItemInputSerializer, request.data)
        competition_id = data.pop("competition", None)
        competition = selectors.access_competition(user, competition_id) if competition_id else None
        sessions.agenda_item_add(session=session, competition=competition, acting_user=user, **data)
        return Response(
            CouncilSessionOutputSerializer(session).data, status=status.HTTP_201_CREATED
        )


class SessionOpenApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_sessions_open",
        summary="Open a session with the members present (quorum two thirds, Art. 8 §1)",
        parameters=[SESSION_ID],
        request=CouncilSessionOpenInputSerializer,
        responses={200: CouncilSessionOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int) -> Response:
        user = caller(request)
        session = selectors.access_session(user, session_id)
        data = validated(CouncilSessionOpenInputSerializer, request.data)
        present = list(CouncilSeat.objects.filter(pk__in=data["present"]))
        session = sessions.session_open(session=session, present=present, acting_user=user)
        return Response(CouncilSessionOutputSerializer(session).data)


def _agenda_item(user: Any, session_id: int, item_id: int) -> AgendaItem:
    session = selectors.access_session(user, session_id)
    item = session.agenda.filter(pk=item_id).first()
    if item is None:
        raise NotFound()
    return item


class NominationAddApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_nominations_create",
        summary="Nominate an admitted applicant for the vote (a member present; Art. 18 §8.3)",
        parameters=[SESSION_ID, ITEM_ID],
        request=CouncilNominationInputSerializer,
        responses={201: CouncilNominationOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int, item_id: int) -> Response:
        user = caller(request)
        item = _agenda_item(user, session_id, item_id)
        data = validated(CouncilNominationInputSerializer, request.data)
        application = (
            item.competition.applications.filter(pk=data["application"]).first()
            if item.competition is not None
            else None
        )
        if application is None:
            raise ValidationFailed(fields={"application": [NotFound.default_message]})
        nomination = sessions.nomination_add(item=item, application=application, acting_user=user)
        return Response(
            CouncilNominationOutputSerializer(nomination).data, status=status.HTTP_201_CREATED
        )


class VoteOpenApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_votes_create",
        summary="Put a question or a nomination to the vote, open or secret (the chair)",
        parameters=[SESSION_ID, ITEM_ID],
        request=CouncilVoteOpenInputSerializer,
        responses={201: CouncilVoteOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, session_id: int, item_id: int) -> Response:
        user = caller(request)
        item = _agenda_item(user, session_id, item_id)
        data = validated(CouncilVoteOpenInputSerializer, request.data)
        nomination = None
        if data.get("nomination"):
            nomination = item.nominations.filter(pk=data["nomination"]).first()
            if nomination is None:
                raise ValidationFailed(fields={"nomination": [NotFound.default_message]})
        question = data["question"] or (str(nomination.application.candidate) if nomination else "")
        vote = sessions.vote_open(
            item=item,
            question=question,
            is_secret=data["is_secret"],
            nomination=nomination,
            acting_user=user,
        )
        return Response(CouncilVoteOutputSerializer(vote).data, status=status.HTTP_201_CREATED)


EXAM_SESSION_ID = OpenApiParameter("exam_session_id", int, OpenApiParameter.PATH)
REGISTRATION_ID = OpenApiParameter("registration_id", int, OpenApiParameter.PATH)


def _own_registration(user: Any, registration_id: int) -> ExamRegistration:
    registration = (
        ExamRegistration.objects.filter(pk=registration_id, candidate__user=user)
        .select_related("session", "candidate")
        .first()
    )
    if registration is None:
        raise NotFound()
    return registration


def _test_document(registration: ExamRegistration) -> dict[str, Any]:
    questions = Question.objects.filter(pk__in=registration.test_questions).order_by(
        "field_of_law", "pk"
    )
    return {
        "registration": registration.pk,
        "questions": questions,
        "score_percent": registration.test_score_percent,
    }


class ExamRegisterApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_registrations_create",
        summary="Apply to sit the qualification exam at a session (idempotent)",
        parameters=[EXAM_SESSION_ID],
        request=None,
        responses={201: CouncilExamRegistrationOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, exam_session_id: int) -> Response:
        user = caller(request)
        session = ExamSession.objects.filter(pk=exam_session_id).first()
        candidate = selectors.my_candidate(user)
        if session is None or candidate is None:
            raise NotFound()
        registration = exams.exam_register(session=session, candidate=candidate, acting_user=user)
        return Response(
            CouncilExamRegistrationOutputSerializer(registration).data,
            status=status.HTTP_201_CREATED,
        )


class ExamTestApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_test_start",
        summary="Draw (once) and return one's computer test, without the answers (Art. 13 §10)",
        parameters=[REGISTRATION_ID],
        request=None,
        responses={200: CouncilTestOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, registration_id: int) -> Response:
        user = caller(request)
        registration = exams.exam_test_start(
            registration=_own_registration(user, registration_id), acting_user=user
        )
        return Response(CouncilTestOutputSerializer(_test_document(registration)).data)


class ExamAnswersApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_exam_answers_create",
        summary="Submit the test's answers once; returns the score",
        parameters=[REGISTRATION_ID],
        request=CouncilTestAnswersInputSerializer,
        responses={200: CouncilTestOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, registration_id: int) -> Response:
        user = caller(request)
        data = validated(CouncilTestAnswersInputSerializer, request.data)
        registration = exams.exam_test_submit(
            registration=_own_registration(user, registration_id),
            answers=dict(data["answers"]),
            acting_user=user,
        )
        return Response(CouncilTestOutputSerializer(_test_document(registration)).data)


class JuryAppealFileApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="council_jury_appeals_create",
        summary="A judge appeals a decision of the Judicial Jury (Art. 24 §1)",
        request=CouncilJuryAppealInputSerializer,
        responses={201: CouncilJuryAppealOutputSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(CouncilJuryAppealInputSerializer, request.data)
        appeal = proceedings.jury_appeal_file(acting_user=user, **data)
        return Response(
            CouncilJuryAppealOutputSerializer(appeal).data, status=status.HTTP_201_CREATED
        )
