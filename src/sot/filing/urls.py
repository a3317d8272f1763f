"""Court Cabinet: web pages (mounted at the site root under the ``filing`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "filing"

urlpatterns: list[URLPattern | URLResolver] = [
    path("cabinet/filings/", views.home, name="home"),
    path("cabinet/filings/new/", views.start, name="start"),
    path("cabinet/filings/<int:filing_id>/", views.detail, name="detail"),
    path("cabinet/filings/<int:filing_id>/steps/<int:index>/", views.step, name="step"),
    path("cabinet/filings/<int:filing_id>/check/", views.check, name="check"),
    path(
        "cabinet/filings/<int:filing_id>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("cabinet/queue/", views.queue, name="queue"),
    path("cabinet/cases/", views.cabinet, name="cabinet"),
    path("cabinet/cases/<int:case_id>/", views.cabinet_case, name="case"),
    path(
        "cabinet/cases/<int:case_id>/documents/<int:document_id>/",
        views.document_download,
        name="document",
    ),
    path("cabinet/certificate/", views.presence_certificate, name="certificate"),
]
