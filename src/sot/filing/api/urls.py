"""Court Cabinet: API routes under /api/v1/filing/."""

from django.urls import URLPattern, URLResolver, path

from . import views

F = "filing/filings/<int:filing_id>/"
C = "filing/cabinet/cases/<int:case_id>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("filing/kinds/", views.KindListApi.as_view(), name="api-filing-kinds"),
    path("filing/fee/", views.FeeQuoteApi.as_view(), name="api-filing-fee"),
    path("filing/grounds/", views.GroundListApi.as_view(), name="api-filing-grounds"),
    path("filing/drafts/", views.DraftCreateApi.as_view(), name="api-filing-drafts"),
    path("filing/filings/", views.FilingCollectionApi.as_view(), name="api-filing-filings"),
    path(F, views.FilingDetailApi.as_view(), name="api-filing-detail"),
    path(
        F + "attachments/", views.AttachmentCollectionApi.as_view(), name="api-filing-attachments"
    ),
    path(
        F + "attachments/<int:attachment_id>/",
        views.AttachmentDetailApi.as_view(),
        name="api-filing-attachment",
    ),
    path(F + "bundle/", views.BundleApi.as_view(), name="api-filing-bundle"),
    path(F + "payments/", views.PaymentApi.as_view(), name="api-filing-payments"),
    path(F + "submit/", views.SubmitApi.as_view(), name="api-filing-submit"),
    path(F + "accept/", views.AcceptApi.as_view(), name="api-filing-accept"),
    path(F + "return/", views.ReturnApi.as_view(), name="api-filing-return"),
    path(
        F + "leave-without-motion/",
        views.LeaveWithoutMotionApi.as_view(),
        name="api-filing-leave-without-motion",
    ),
    path("filing/queue/", views.CheckQueueApi.as_view(), name="api-filing-queue"),
    path(
        "filing/cabinet/cases/", views.CabinetCaseListApi.as_view(), name="api-filing-cabinet-cases"
    ),
    path(C + "history/", views.CabinetHistoryApi.as_view(), name="api-filing-cabinet-history"),
    path(
        C + "documents/",
        views.CabinetDocumentListApi.as_view(),
        name="api-filing-cabinet-documents",
    ),
    path(
        C + "documents/<int:document_id>/",
        views.CabinetDocumentApi.as_view(),
        name="api-filing-cabinet-document",
    ),
    path(
        "filing/certificates/", views.CertificateIssueApi.as_view(), name="api-filing-certificates"
    ),
    path(
        "filing/certificates/verify/",
        views.CertificateVerifyApi.as_view(),
        name="api-filing-certificate-verify",
    ),
]
