"""The hearings API: one view per operation; reads through selectors, writes through services.

A hearing is reached through ``selectors.access_hearing`` and a case through the case selectors,
so whatever the caller may not see answers 404 exactly like what does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.cases import selectors as case_selectors
from sot.core import clock
from sot.core.api.pagination import Pagination
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated, validated_filters
from sot.core.errors import Forbidden, NotFound, ValidationFailed
from sot.hearings import rules, selectors, services, suspensions
from sot.hearings.icalendar import ics_response
from sot.hearings.models import Hearing, PostponementReason, SuspensionGround
from sot.hearings.video import video_bridge

from .serializers import (
    CalendarFilterSerializer,
    CaseResumeInputSerializer,
    CaseSuspendInputSerializer,
    CourtroomFilterSerializer,
    CourtroomOutputSerializer,
    HearingEndInputSerializer,
    HearingOutputSerializer,
    HearingPostponeInputSerializer,
    HearingScheduleInputSerializer,
    HearingStartInputSerializer,
    PostponementReasonOutputSerializer,
    SuspensionGroundOutputSerializer,
    SuspensionOutputSerializer,
    VideoLinkOutputSerializer,
)

TAGS = ["hearings"]
HEARING_ID = OpenApiParameter("hearing_id", int, OpenApiParameter.PATH)
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}
ICS: dict[Any, Any] = {
    (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="RFC 5545 iCalendar"),
    **READ_ERRORS,
}


def hearing_data(hearing: Hearing) -> dict[str, Any]:
    fresh = selectors.with_details(Hearing.objects.filter(pk=hearing.pk)).prefetch_related(
        "summoned"
    )
    return dict(HearingOutputSerializer(fresh.get()).data)


def _period(request: Request) -> tuple[datetime, datetime]:
    params = validated_filters(CalendarFilterSerializer, request)
    zone = ZoneInfo(settings.TIME_ZONE)
    return selectors.period_bounds(params.get("start") or clock.today(), params["days"], zone)


def _calendar(view: APIView, request: Request, hearings: QuerySet[Hearing]) -> Response:
    start, end = _period(request)
    rows = selectors.in_period(hearings, start, end).prefetch_related("summoned")
    return paginated_response(view, request, rows, HearingOutputSerializer)


def _ics(request: Request, hearings: QuerySet[Hearing], name: str, filename: str) -> HttpResponse:
    rows = selectors.with_details(hearings).order_by("starts_at", "pk")
    return ics_response(
        rows, name=name, filename=filename, now=clock.now(), host=request.get_host()
    )


# --- reads ---------------------------------------------------------------------------------------


class HearingDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_retrieve",
        parameters=[HEARING_ID],
        responses={200: HearingOutputSerializer, **READ_ERRORS},
        summary="A hearing",
    )
    def get(self, request: Request, hearing_id: int) -> Response:
        hearing = selectors.access_hearing(caller(request), hearing_id, request=request)
        return Response(hearing_data(hearing))


class CaseHearingListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="hearings_case_list",
        parameters=[CASE_ID],
        responses={200: HearingOutputSerializer(many=True), **READ_ERRORS},
        summary="The hearings of a case, in time order",
    )
    def get(self, request: Request, case_id: int) -> Response:
        case = case_selectors.access_case(caller(request), case_id, request=request)
        rows = selectors.case_hearings(case).prefetch_related("summoned")
        return paginated_response(self, request, rows, HearingOutputSerializer)


class CaseSuspensionListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="hearings_case_suspensions_list",
        parameters=[CASE_ID],
        responses={200: SuspensionOutputSerializer(many=True), **READ_ERRORS},
        summary="The periods the case's proceedings stood suspended",
    )
    def get(self, request: Request, case_id: int) -> Response:
        case = case_selectors.access_case(caller(request), case_id, request=request)
        return paginated_response(
            self, request, selectors.case_suspensions(case), SuspensionOutputSerializer
        )


class MyCalendarApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="hearings_calendar_mine_list",
        parameters=[CalendarFilterSerializer],
        responses={200: HearingOutputSerializer(many=True), 400: BAD_INPUT, 401: UNAUTHENTICATED},
        summary="The caller's hearings: as a participant, and as the judge",
    )
    def get(self, request: Request) -> Response:
        return _calendar(self, request, selectors.my_hearings(caller(request)))


class JudgeCalendarApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="hearings_calendar_judge_list",
        parameters=[
            OpenApiParameter("judge_id", int, OpenApiParameter.PATH),
            CalendarFilterSerializer,
        ],
        responses={200: HearingOutputSerializer(many=True), 400: BAD_INPUT, **READ_ERRORS},
        summary="A judge's hearings (the judge and the court's staff)",
    )
    def get(self, request: Request, judge_id: int) -> Response:
        user = caller(request)
        judge = selectors.access_judge(user, judge_id)
        return _calendar(self, request, selectors.judge_hearings(user, judge))


class CourtroomCalendarApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="hearings_calendar_courtroom_list",
        parameters=[
            OpenApiParameter("courtroom_id", int, OpenApiParameter.PATH),
            CalendarFilterSerializer,
        ],
        responses={200: HearingOutputSerializer(many=True), 400: BAD_INPUT, **READ_ERRORS},
        summary="A courtroom's hearings (the court's staff)",
    )
    def get(self, request: Request, courtroom_id: int) -> Response:
        user = caller(request)
        room = selectors.access_courtroom(user, courtroom_id)
        return _calendar(self, request, selectors.courtroom_hearings(user, room))


class MyCalendarIcsApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_calendar_mine_ics",
        responses=ICS,
        summary="The caller's hearings as an iCalendar file",
    )
    def get(self, request: Request) -> HttpResponse:
        user = caller(request)
        return _ics(request, selectors.my_hearings(user), str(user), "hearings.ics")


class JudgeCalendarIcsApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_calendar_judge_ics",
        parameters=[OpenApiParameter("judge_id", int, OpenApiParameter.PATH)],
        responses=ICS,
        summary="A judge's hearings as an iCalendar file",
    )
    def get(self, request: Request, judge_id: int) -> HttpResponse:
        user = caller(request)
        judge = selectors.access_judge(user, judge_id)
        return _ics(
            request, selectors.judge_hearings(user, judge), judge.full_name, f"judge-{judge.pk}.ics"
        )


class PostponementReasonListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_postponement_reasons_list",
        responses={200: PostponementReasonOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="The postponement reasons in use",
    )
    def get(self, request: Request) -> Response:
        caller(request)
        rows = PostponementReason.objects.filter(is_active=True)
        return Response(PostponementReasonOutputSerializer(rows, many=True).data)


class SuspensionGroundListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_suspension_grounds_list",
        responses={200: SuspensionGroundOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="The suspension grounds in use, with their articles",
    )
    def get(self, request: Request) -> Response:
        caller(request)
        rows = SuspensionGround.objects.filter(is_active=True)
        return Response(SuspensionGroundOutputSerializer(rows, many=True).data)


class CourtroomListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_courtrooms_list",
        parameters=[CourtroomFilterSerializer],
        responses={200: CourtroomOutputSerializer(many=True), 400: BAD_INPUT, 401: UNAUTHENTICATED},
        summary="A court's courtrooms (the court's staff)",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(CourtroomFilterSerializer, request)
        rows = selectors.court_courtrooms(caller(request), params["court"])
        return Response(CourtroomOutputSerializer(rows, many=True).data)


class VideoLinkApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_video_retrieve",
        parameters=[HEARING_ID],
        responses={200: VideoLinkOutputSerializer, **READ_ERRORS},
        summary="The caller's own link to a video hearing",
    )
    def get(self, request: Request, hearing_id: int) -> Response:
        user = caller(request)
        hearing = selectors.access_hearing(user, hearing_id, request=request)
        if not hearing.video_room or not rules.may_enter_video(user, hearing):
            raise NotFound()
        bridge = video_bridge(hearing.video_backend)
        url = bridge.join_url(
            room=hearing.video_room,
            user=user,
            starts_at=hearing.starts_at,
            is_moderator=rules.is_moderator(user, hearing),
        )
        return Response({"join_url": request.build_absolute_uri(url), "backend": bridge.name})


# --- writes --------------------------------------------------------------------------------------


class HearingScheduleApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_create",
        request=HearingScheduleInputSerializer,
        responses={201: HearingOutputSerializer, 200: HearingOutputSerializer, **WRITE_ERRORS},
        summary="Schedule a hearing (the court's office and the judges on the case)",
    )
    def post(self, request: Request) -> Response:
        """Books the courtroom, the judge and the summoned; 409 names every clash.

        With ``submission_key``, repeating a request returns the hearing already made (200).
        """
        user = caller(request)
        data = validated(HearingScheduleInputSerializer, request.data)
        case = case_selectors.access_case(user, data["case"], request=request)
        if not rules.may_schedule(user, case):
            raise Forbidden()
        ids = set(data["participants"])
        summoned = list(case.participants.filter(pk__in=ids))
        if len(summoned) != len(ids):
            raise ValidationFailed(
                fields={"participants": [services.NOT_A_PARTICIPANT]},
            )
        key = data["submission_key"]
        repeated = key is not None and Hearing.objects.filter(submission_key=key).exists()
        hearing = services.hearing_schedule(
            case=case,
            courtroom=data["courtroom"],
            judge=data["judge"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            hearing_format=data["format"],
            summoned=summoned,
            submission_key=key,
            acting_user=user,
        )
        code = status.HTTP_200_OK if repeated else status.HTTP_201_CREATED
        return Response(hearing_data(hearing), status=code)


class HearingStartApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_start_create",
        parameters=[HEARING_ID],
        request=HearingStartInputSerializer,
        responses={200: HearingOutputSerializer, **WRITE_ERRORS},
        summary="Record the actual start (later than the tolerance: a late start)",
    )
    def post(self, request: Request, hearing_id: int) -> Response:
        user = caller(request)
        hearing = selectors.access_hearing(user, hearing_id, request=request)
        data = validated(HearingStartInputSerializer, request.data)
        services.hearing_start(hearing=hearing, started_at=data["started_at"], acting_user=user)
        return Response(hearing_data(hearing))


class HearingEndApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_end_create",
        parameters=[HEARING_ID],
        request=HearingEndInputSerializer,
        responses={200: HearingOutputSerializer, **WRITE_ERRORS},
        summary="Record the actual end; the case is marked heard",
    )
    def post(self, request: Request, hearing_id: int) -> Response:
        user = caller(request)
        hearing = selectors.access_hearing(user, hearing_id, request=request)
        data = validated(HearingEndInputSerializer, request.data)
        services.hearing_end(hearing=hearing, ended_at=data["ended_at"], acting_user=user)
        return Response(hearing_data(hearing))


class HearingPostponeApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_postpone_create",
        parameters=[HEARING_ID],
        request=HearingPostponeInputSerializer,
        responses={201: HearingOutputSerializer, **WRITE_ERRORS},
        summary="Postpone to a new time, for a reason from the table; answers the new hearing",
    )
    def post(self, request: Request, hearing_id: int) -> Response:
        user = caller(request)
        hearing = selectors.access_hearing(user, hearing_id, request=request)
        data = validated(HearingPostponeInputSerializer, request.data)
        postponement = services.hearing_postpone(
            hearing=hearing,
            reason=data["reason"],
            note=data["note"],
            new_starts_at=data["starts_at"],
            new_ends_at=data["ends_at"],
            new_courtroom=data["courtroom"],
            acting_user=user,
        )
        return Response(hearing_data(postponement.new_hearing), status=status.HTTP_201_CREATED)


class CaseSuspendApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_case_suspend_create",
        parameters=[CASE_ID],
        request=CaseSuspendInputSerializer,
        responses={201: SuspensionOutputSerializer, **WRITE_ERRORS},
        summary="Suspend the proceedings on a ground (the judges on the case)",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        data = validated(CaseSuspendInputSerializer, request.data)
        suspension = suspensions.case_suspend(
            case=case,
            ground=data["ground"],
            note=data["note"],
            expected_status=data.get("expected_status"),
            acting_user=user,
        )
        return Response(SuspensionOutputSerializer(suspension).data, status=status.HTTP_201_CREATED)


class CaseResumeApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="hearings_case_resume_create",
        parameters=[CASE_ID],
        request=CaseResumeInputSerializer,
        responses={200: SuspensionOutputSerializer, **WRITE_ERRORS},
        summary="Resume suspended proceedings; answers the closed period with its duration",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        data = validated(CaseResumeInputSerializer, request.data)
        suspension = suspensions.case_resume(
            case=case,
            note=data["note"],
            expected_status=data.get("expected_status"),
            acting_user=user,
        )
        return Response(SuspensionOutputSerializer(suspension).data)
