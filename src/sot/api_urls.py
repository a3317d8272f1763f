"""Routes under /api/v1/: each app contributes its own ``api/urls.py``."""

from django.urls import include, path, re_path

from sot.core.api.views import NOT_FOUND_URL_NAME, api_not_found

urlpatterns = [
    path("", include("sot.courts.api.urls")),
    path("", include("sot.cases.api.urls")),
    path("", include("sot.accounts.api.urls")),
    path("", include("sot.ledger.api.urls")),
    path("", include("sot.distribution.api.urls")),
    path("", include("sot.deadlines.api.urls")),
    path("", include("sot.hearings.api.urls")),
    path("", include("sot.council.api.urls")),
    path("", include("sot.signatures.api.urls")),
    path("", include("sot.filing.api.urls")),
    path("", include("sot.notifications.api.urls")),
    path("", include("sot.acts.api.urls")),
    path("", include("sot.search.api.urls")),
    path("", include("sot.analytics.api.urls")),
    # Last: whatever no app routes gets the API's 404 body, not Django's HTML page.
    re_path(r"^(?P<path>.*)$", api_not_found, name=NOT_FOUND_URL_NAME),
]
