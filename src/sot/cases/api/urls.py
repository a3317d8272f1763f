from django.urls import path

from . import views

urlpatterns = [
    path("cases/", views.CaseCollectionApi.as_view(), name="api-case-list"),
    path("cases/<int:case_id>/", views.CaseDetailApi.as_view(), name="api-case-detail"),
    path("cases/<int:case_id>/history/", views.CaseHistoryApi.as_view(), name="api-case-history"),
    path("cases/<int:case_id>/matter/", views.CaseMatterListApi.as_view(), name="api-case-matter"),
    path(
        "cases/<int:case_id>/transitions/",
        views.CaseTransitionApi.as_view(),
        name="api-case-transition",
    ),
    path(
        "cases/<int:case_id>/participants/",
        views.ParticipantAddApi.as_view(),
        name="api-case-participant-add",
    ),
    path(
        "cases/<int:case_id>/participants/<int:participant_id>/iin/",
        views.ParticipantIinDetailApi.as_view(),
        name="api-case-participant-iin",
    ),
    path("cases/<int:case_id>/judges/", views.JudgeAssignApi.as_view(), name="api-case-judges"),
    path(
        "cases/<int:case_id>/documents/",
        views.DocumentCollectionApi.as_view(),
        name="api-case-documents",
    ),
]
