"""The case API: one view per operation; reads through selectors, writes through services.

Every case is reached through ``selectors.access_case`` (or listed from ``visible_cases``), so a case
the caller may not see answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.accounts.models import User
from sot.cases import lifecycle, rules, selectors, services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseJudge, Participant
from sot.core.api.pagination import Pagination
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated, validated_filters
from sot.core.audit import audit_record
from sot.core.errors import Forbidden
from sot.core.models import AuditAction

from .serializers import (
    BenchSeatOutputSerializer,
    CaseCreateInputSerializer,
    CaseDetailOutputSerializer,
    CaseEventOutputSerializer,
    CaseListFilterSerializer,
    CaseListOutputSerializer,
    CaseTransitionInputSerializer,
    DocumentAddInputSerializer,
    DocumentOutputSerializer,
    JudgeAssignInputSerializer,
    ParticipantIdentifiersOutputSerializer,
    ParticipantInputSerializer,
    ParticipantOutputSerializer,
)

TAGS = ["cases"]
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}


# Cases not yet registered have no number: they come last either way, on every database.
ORDERINGS = {
    "-filed_at": (F("filed_at").desc(), F("pk").desc()),
    "filed_at": (F("filed_at").asc(), F("pk").asc()),
    "-number": (F("number").desc(nulls_last=True), F("pk").desc()),
    "number": (F("number").asc(nulls_last=True), F("pk").asc()),
}


def case_list_filter(queryset: QuerySet[Case], params: Mapping[str, Any]) -> QuerySet[Case]:
    """Narrow an already permission-filtered queryset; filters can only ever remove cases."""
    for field in ("status", "category", "instance", "court", "number", "is_closed"):
        if field in params:
            queryset = queryset.filter(**{field: params[field]})
    if "year" in params:
        queryset = queryset.filter(filed_at__year=params["year"])
    if params.get("q"):
        queryset = queryset.filter(number__istartswith=params["q"])
    return queryset.order_by(*ORDERINGS[params.get("ordering", "-filed_at")])


def allowed_actions(user: User, case: Case) -> list[str]:
    return [
        action
        for action in lifecycle.allowed_actions(case.status)
        if rules.may_act(user, case, action)
    ]


def case_detail_data(user: User, case: Case) -> dict[str, Any]:
    prefetch_related_objects(
        [case],
        Prefetch("participants", queryset=Participant.objects.order_by("pk")),
        Prefetch(
            "bench",
            queryset=CaseJudge.objects.select_related("judge__user").order_by("assigned_at", "pk"),
        ),
    )
    context = {"allowed_actions": allowed_actions(user, case)}
    return dict(CaseDetailOutputSerializer(case, context=context).data)


# --- reads ---------------------------------------------------------------------------------------


class CaseListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="cases_list",
        parameters=[CaseListFilterSerializer],
        responses={200: CaseListOutputSerializer(many=True), 400: BAD_INPUT, 401: UNAUTHENTICATED},
        summary="Cases the caller may see, filtered",
    )
    def get(self, request: Request) -> Response:
        """Only cases the caller may see; filters narrow that set and never widen it."""
        params = validated_filters(CaseListFilterSerializer, request)
        cases = case_list_filter(
            selectors.visible_cases(caller(request)).select_related("court"), params
        )
        return paginated_response(self, request, cases, CaseListOutputSerializer)


class CaseDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_retrieve",
        parameters=[CASE_ID],
        responses={200: CaseDetailOutputSerializer, **READ_ERRORS},
        summary="A case card",
    )
    def get(self, request: Request, case_id: int) -> Response:
        """Participants (identifiers masked), bench, and what the caller may do next."""
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        return Response(case_detail_data(user, case))


class CaseHistoryApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="cases_history_list",
        parameters=[CASE_ID],
        responses={200: CaseEventOutputSerializer(many=True), **READ_ERRORS},
        summary="The case's events, oldest first",
    )
    def get(self, request: Request, case_id: int) -> Response:
        case = selectors.access_case(caller(request), case_id, request=request)
        return paginated_response(
            self, request, selectors.case_events(case), CaseEventOutputSerializer
        )


class CaseMatterListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="cases_matter_list",
        parameters=[CASE_ID],
        responses={200: CaseListOutputSerializer(many=True), **READ_ERRORS},
        summary="Every case of the same matter the caller may see",
    )
    def get(self, request: Request, case_id: int) -> Response:
        """The first-instance, appeal and cassation cases of one matter, oldest first."""
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        return paginated_response(
            self, request, selectors.matter_cases(user, case), CaseListOutputSerializer
        )


class ParticipantIinDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_participants_iin_retrieve",
        parameters=[CASE_ID, OpenApiParameter("participant_id", int, OpenApiParameter.PATH)],
        responses={200: ParticipantIdentifiersOutputSerializer, 403: FORBIDDEN, **READ_ERRORS},
        summary="A participant's full IIN/BIN (bench and the case's clerk; audited)",
    )
    def get(self, request: Request, case_id: int, participant_id: int) -> Response:
        """The full identifiers of one participant. Every read leaves an audit row."""
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        participant = selectors.access_participant(case, participant_id)
        if not rules.may_see_full_iin(user, case):
            raise Forbidden()
        audit_record(
            actor=user,
            action=AuditAction.IIN_READ,
            object_type="participant",
            object_id=participant.pk,
            details={"case": case.pk},
            request=request,
        )
        return Response(ParticipantIdentifiersOutputSerializer(participant).data)


class DocumentListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="cases_documents_list",
        parameters=[CASE_ID],
        responses={200: DocumentOutputSerializer(many=True), **READ_ERRORS},
        summary="The case's documents (metadata and SHA-256)",
    )
    def get(self, request: Request, case_id: int) -> Response:
        case = selectors.access_case(caller(request), case_id, request=request)
        return paginated_response(
            self, request, selectors.case_documents(case), DocumentOutputSerializer
        )


# --- writes --------------------------------------------------------------------------------------


class CaseCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_create",
        request=CaseCreateInputSerializer,
        responses={201: CaseDetailOutputSerializer, **WRITE_ERRORS},
        summary="Record a paper filing (the court's clerks and chair)",
    )
    def post(self, request: Request) -> Response:
        """Record a case filed on paper with the court; it starts in status "filed"."""
        user = caller(request)
        # Who records filings for no court at all (not a court's clerk or chair) gets 403 before
        # their input is read; whether for the court named is ``services.case_file``'s check.
        workplace = user.workplace_court()
        if workplace is None or not rules.may_record_filing(user, workplace):
            raise Forbidden()
        data = validated(CaseCreateInputSerializer, request.data)
        case = services.case_file(
            court=data["court"],
            category=data["category"],
            instance=data["instance"],
            subject=data["subject"],
            article=data["article"],
            claim_amount=data["claim_amount"],
            is_closed=data["is_closed"],
            is_electronic=False,
            participants=[services.ParticipantInput(**p) for p in data.get("participants", [])],
            acting_user=user,
        )
        return Response(case_detail_data(user, case), status=status.HTTP_201_CREATED)


class CaseTransitionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_transitions_create",
        parameters=[CASE_ID],
        request=CaseTransitionInputSerializer,
        responses={200: CaseDetailOutputSerializer, 409: CONFLICT, **WRITE_ERRORS},
        summary="Move the case along its lifecycle",
    )
    def post(self, request: Request, case_id: int) -> Response:
        """Take one lifecycle action; answers with the case as it now stands.

        A move the case's status does not allow is refused with 409, and so is any move when
        ``expected_status`` is given and the case is no longer in it: send the status you saw,
        and repeating a request that succeeded does not move the case twice. "appeal" also opens
        the higher-instance case (see the matter endpoint).
        """
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        data = validated(CaseTransitionInputSerializer, request.data)
        expected_status = data.get("expected_status")
        if data["action"] == CaseAction.APPEAL:
            services.case_appeal(
                case=case, acting_user=user, note=data["note"], expected_status=expected_status
            )
        else:
            services.case_transition(
                case=case,
                action=data["action"],
                acting_user=user,
                note=data["note"],
                expected_status=expected_status,
            )
        case.refresh_from_db()
        return Response(case_detail_data(user, case))


class ParticipantAddApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_participants_create",
        parameters=[CASE_ID],
        request=ParticipantInputSerializer,
        responses={201: ParticipantOutputSerializer, **WRITE_ERRORS},
        summary="Add a participant",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        data = validated(ParticipantInputSerializer, request.data)
        participant = services.participant_add(
            case=case, data=services.ParticipantInput(**data), acting_user=user
        )
        return Response(
            ParticipantOutputSerializer(participant).data, status=status.HTTP_201_CREATED
        )


class JudgeAssignApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_judges_create",
        parameters=[CASE_ID],
        request=JudgeAssignInputSerializer,
        responses={201: BenchSeatOutputSerializer, **WRITE_ERRORS},
        summary="Assign a judge to the bench (the court's chair)",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        data = validated(JudgeAssignInputSerializer, request.data)
        seat = services.judge_assign(
            case=case, judge=data["judge"], role=data["role"], acting_user=user
        )
        return Response(BenchSeatOutputSerializer(seat).data, status=status.HTTP_201_CREATED)


class DocumentAddApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=TAGS,
        operation_id="cases_documents_create",
        parameters=[CASE_ID],
        request={"multipart/form-data": DocumentAddInputSerializer},
        responses={201: DocumentOutputSerializer, **WRITE_ERRORS},
        summary="Upload a document",
    )
    def post(self, request: Request, case_id: int) -> Response:
        """PDF, DOCX, ODT, XLSX, PNG, JPEG, TIFF or plain text, judged by content, not by name."""
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        data = validated(DocumentAddInputSerializer, request.data)
        document = services.document_add(
            case=case, upload=data["file"], title=data["title"], acting_user=user
        )
        return Response(DocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED)


# --- paths that carry two operations -------------------------------------------------------------
# URLs route by path, so a path with a list and a create needs one class; each operation keeps
# its own class (and schema) above, and these only join them.


class CaseCollectionApi(CaseListApi, CaseCreateApi):
    pass


class DocumentCollectionApi(DocumentListApi, DocumentAddApi):
    pass
