"""Hearings: routes under /api/v1/hearings/."""

from django.urls import path

from . import views

urlpatterns = [
    path("hearings/", views.HearingScheduleApi.as_view(), name="api-hearing-schedule"),
    path("hearings/<int:hearing_id>/", views.HearingDetailApi.as_view(), name="api-hearing-detail"),
    path(
        "hearings/<int:hearing_id>/start/",
        views.HearingStartApi.as_view(),
        name="api-hearing-start",
    ),
    path("hearings/<int:hearing_id>/end/", views.HearingEndApi.as_view(), name="api-hearing-end"),
    path(
        "hearings/<int:hearing_id>/postpone/",
        views.HearingPostponeApi.as_view(),
        name="api-hearing-postpone",
    ),
    path(
        "hearings/<int:hearing_id>/video/", views.VideoLinkApi.as_view(), name="api-hearing-video"
    ),
    path(
        "hearings/cases/<int:case_id>/",
        views.CaseHearingListApi.as_view(),
        name="api-hearing-case-list",
    ),
    path(
        "hearings/cases/<int:case_id>/suspend/",
        views.CaseSuspendApi.as_view(),
        name="api-hearing-case-suspend",
    ),
    path(
        "hearings/cases/<int:case_id>/resume/",
        views.CaseResumeApi.as_view(),
        name="api-hearing-case-resume",
    ),
    path(
        "hearings/cases/<int:case_id>/suspensions/",
        views.CaseSuspensionListApi.as_view(),
        name="api-hearing-case-suspensions",
    ),
    path(
        "hearings/calendar/mine/", views.MyCalendarApi.as_view(), name="api-hearing-calendar-mine"
    ),
    path(
        "hearings/calendar/mine.ics",
        views.MyCalendarIcsApi.as_view(),
        name="api-hearing-calendar-mine-ics",
    ),
    path(
        "hearings/calendar/judges/<int:judge_id>/",
        views.JudgeCalendarApi.as_view(),
        name="api-hearing-calendar-judge",
    ),
    path(
        "hearings/calendar/judges/<int:judge_id>.ics",
        views.JudgeCalendarIcsApi.as_view(),
        name="api-hearing-calendar-judge-ics",
    ),
    path(
        "hearings/calendar/courtrooms/<int:courtroom_id>/",
        views.CourtroomCalendarApi.as_view(),
        name="api-hearing-calendar-courtroom",
    ),
    path(
        "hearings/postponement-reasons/",
        views.PostponementReasonListApi.as_view(),
        name="api-hearing-postponement-reasons",
    ),
    path(
        "hearings/suspension-grounds/",
        views.SuspensionGroundListApi.as_view(),
        name="api-hearing-suspension-grounds",
    ),
    path("hearings/courtrooms/", views.CourtroomListApi.as_view(), name="api-hearing-courtrooms"),
]
