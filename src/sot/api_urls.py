"""Routes under /api/v1/: each app contributes its own ``api/urls.py``."""

from django.urls import include, path

urlpatterns = [
    path("", include("sot.courts.api.urls")),
    path("", include("sot.cases.api.urls")),
    path("", include("sot.accounts.api.urls")),
]
