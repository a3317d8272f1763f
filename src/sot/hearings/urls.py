"""Hearings: web pages under /hearings/ (the ``hearings`` namespace)."""

from django.urls import path

from . import action_views, views

app_name = "hearings"

urlpatterns = [
    path("hearings/", views.calendar, name="calendar"),
    path("hearings/calendar.ics", views.my_ics, name="my_ics"),
    path("hearings/judges/<int:judge_id>/", views.judge_calendar, name="judge_calendar"),
    path("hearings/judges/<int:judge_id>/calendar.ics", views.judge_ics, name="judge_ics"),
    path(
        "hearings/courtrooms/<int:courtroom_id>/",
        views.courtroom_calendar,
        name="courtroom_calendar",
    ),
    path("hearings/<int:hearing_id>/", views.hearing_detail, name="detail"),
    path("hearings/<int:hearing_id>/start/", action_views.start, name="start"),
    path("hearings/<int:hearing_id>/end/", action_views.end, name="end"),
    path("hearings/<int:hearing_id>/postpone/", action_views.postpone, name="postpone"),
    path("hearings/video/<str:room>/", views.video_room, name="video_room"),
    path("hearings/cases/<int:case_id>/schedule/", action_views.schedule, name="schedule"),
    path("hearings/cases/<int:case_id>/suspend/", action_views.suspend, name="suspend"),
    path("hearings/cases/<int:case_id>/resume/", action_views.resume, name="resume"),
]
