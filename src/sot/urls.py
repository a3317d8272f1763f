"""Top-level routes: web pages, the versioned API, its schema and docs, i18n and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("sot.web.urls")),
    path("", include("sot.distribution.urls")),
    path("", include("sot.deadlines.urls")),
    path("", include("sot.hearings.urls")),
    path("", include("sot.council.urls")),
    path("", include("sot.signatures.urls")),
    path("", include("sot.filing.urls")),
    path("", include("sot.notifications.urls")),
    path("", include("sot.acts.urls")),
    path("", include("sot.search.urls")),
    path("", include("sot.analytics.urls")),
    path("api/v1/", include("sot.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
