"""Case distribution: routes under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "distribution/cases/<int:case_id>/",
        views.CaseDistributionApi.as_view(),
        name="api-distribution-case",
    ),
    path(
        "distribution/cases/<int:case_id>/reassign/",
        views.ReassignApi.as_view(),
        name="api-distribution-reassign",
    ),
    path(
        "distribution/cases/<int:case_id>/chair-assign/",
        views.ChairAssignApi.as_view(),
        name="api-distribution-chair-assign",
    ),
    path("distribution/verify/", views.PublicVerifyApi.as_view(), name="api-distribution-verify"),
    path("distribution/queue/", views.ChairQueueApi.as_view(), name="api-distribution-queue"),
    path("distribution/loads/", views.LoadApi.as_view(), name="api-distribution-loads"),
]
