"""Court acts: API routes under /api/v1/acts/."""

from django.urls import URLPattern, URLResolver, path

from . import views

A = "acts/<int:act_id>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("acts/", views.DraftCreateApi.as_view(), name="api-acts-create"),
    path("acts/assistant/", views.AssistantDraftApi.as_view(), name="api-acts-assistant"),
    path("acts/check/<str:code>/", views.CheckApi.as_view(), name="api-acts-check"),
    path("acts/cases/<int:case_id>/", views.CaseActListApi.as_view(), name="api-acts-case-list"),
    path(
        "acts/cases/<int:case_id>/assistant/",
        views.CaseProposalsApi.as_view(),
        name="api-acts-case-assistant",
    ),
    path(A, views.ActDetailApi.as_view(), name="api-acts-detail"),
    path(A + "versions/", views.VersionsApi.as_view(), name="api-acts-versions"),
    path(A + "signing-payload/", views.PayloadApi.as_view(), name="api-acts-payload"),
    path(A + "sign/", views.SignApi.as_view(), name="api-acts-sign"),
    path(A + "reject/", views.RejectApi.as_view(), name="api-acts-reject"),
    path(A + "correct/", views.CorrectApi.as_view(), name="api-acts-correct"),
    path(A + "pdf/", views.PdfApi.as_view(), name="api-acts-pdf"),
    path(A + "publication/", views.PublicationApi.as_view(), name="api-acts-publication"),
    path(A + "publication/withdraw/", views.WithdrawApi.as_view(), name="api-acts-withdraw"),
]
