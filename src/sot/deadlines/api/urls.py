"""Procedural deadlines: routes under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path("deadlines/period/", views.PeriodEndApi.as_view(), name="api-deadlines-period"),
    path("deadlines/overdue/", views.OverdueListApi.as_view(), name="api-deadlines-overdue"),
    path(
        "deadlines/violations/", views.ViolationListApi.as_view(), name="api-deadlines-violations"
    ),
    path("cases/<int:case_id>/clocks/", views.CaseClockListApi.as_view(), name="api-case-clocks"),
]
