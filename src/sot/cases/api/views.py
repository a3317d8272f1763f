"""The case API: one view per operation; reads through selectors, writes through services.

Every case is reached through ``selectors.access_case`` (or listed from ``visible_cases``), so a case
the caller may not see answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.exceptions import NotAuthenticated
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.cases import lifecycle, rules, selectors, services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseJudge, Participant
from sot.core.api.pagination import Pagination
from sot.core.audit import audit_record
from sot.core.errors import Forbidden, NotFound
from sot.core.models import AuditAction
from sot.courts.api.serializers import ErrorSerializer
from sot.courts.models import Court

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
# Token first: DRF answers an anonymous caller with the first class's challenge, and
# SessionAuthentication has none, so in the settings' order (session first) anonymous callers get
# 403 instead of 401. Drop this once REST_FRAMEWORK lists TokenAuthentication first.
AUTHENTICATION: list[type[BaseAuthentication]] = [TokenAuthentication, SessionAuthentication]

CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
BAD_INPUT = OpenApiResponse(ErrorSerializer, description="Invalid input; see error.fields.")
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description="Not signed in.")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="The caller may see but not do this.")
NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description="No such case, or not one the caller may see."
)
CONFLICT = OpenApiResponse(
    ErrorSerializer, description="Not possible in the case's current status (invalid_transition)."
)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}


def caller(request: Request) -> User:
    """The signed-in user (permission classes have already refused anonymous callers)."""
    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated()
    return user


def validated(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def paginated_response(
    view: APIView,
    request: Request,
    queryset: QuerySet[Any],
    serializer: type[serializers.Serializer],
) -> Response:
    paginator = Pagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


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


def may_record_paper_filing(user: User, court: Court) -> bool:
    """The clerks and the chair of ``court`` record paper filings made with it.

    This rule belongs in ``sot.cases.rules`` and its check in ``services.case_file``, which checks
    nothing today (see the API report); until then the API enforces it here.
    """
    if not user.has_role(Role.CLERK, Role.COURT_CHAIR):
        return False
    workplace = user.workplace_court()
    return workplace is not None and workplace.pk == court.pk


# --- reads ---------------------------------------------------------------------------------------


class CaseListApi(APIView):
    authentication_classes = AUTHENTICATION
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
        # A plain dict, not the QueryDict: DRF reads a missing boolean in form data as "false".
        params = validated(CaseListFilterSerializer, request.query_params.dict())
        cases = case_list_filter(
            selectors.visible_cases(caller(request)).select_related("court"), params
        )
        return paginated_response(self, request, cases, CaseListOutputSerializer)


class CaseDetailApi(APIView):
    authentication_classes = AUTHENTICATION

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
    authentication_classes = AUTHENTICATION
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
    authentication_classes = AUTHENTICATION
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
    authentication_classes = AUTHENTICATION

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
        # Scoped to a case the caller may see: the participant's own id grants nothing.
        participant = case.participants.filter(pk=participant_id).first()
        if participant is None:
            raise NotFound()
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
    authentication_classes = AUTHENTICATION
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
        # Related rows of a case already accessed; a ``case_documents`` selector would own this.
        documents = case.documents.select_related("uploaded_by").order_by("uploaded_at", "pk")
        return paginated_response(self, request, documents, DocumentOutputSerializer)


# --- writes --------------------------------------------------------------------------------------


class CaseCreateApi(APIView):
    authentication_classes = AUTHENTICATION

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
        if not user.has_role(Role.CLERK, Role.COURT_CHAIR):
            raise Forbidden()
        data = validated(CaseCreateInputSerializer, request.data)
        if not may_record_paper_filing(user, data["court"]):
            raise Forbidden()
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
    authentication_classes = AUTHENTICATION

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

        A move the case's status does not allow is refused with 409, so repeating a request
        that succeeded does not move the case twice. "appeal" also opens the higher-instance case
        (see the matter endpoint).
        """
        user = caller(request)
        case = selectors.access_case(user, case_id, request=request)
        data = validated(CaseTransitionInputSerializer, request.data)
        if data["action"] == CaseAction.APPEAL:
            services.case_appeal(case=case, acting_user=user, note=data["note"])
        else:
            services.case_transition(
                case=case, action=data["action"], acting_user=user, note=data["note"]
            )
        case.refresh_from_db()
        return Response(case_detail_data(user, case))


class ParticipantAddApi(APIView):
    authentication_classes = AUTHENTICATION

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
    authentication_classes = AUTHENTICATION

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
    authentication_classes = AUTHENTICATION
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
