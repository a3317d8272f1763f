"""Search: API routes under /api/v1/search/."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/public/", views.PublicSearchApi.as_view(), name="api-search-public"),
    path(
        "search/public/similar/",
        views.PublicSimilarApi.as_view(),
        name="api-search-public-similar",
    ),
    path("search/internal/", views.InternalSearchApi.as_view(), name="api-search-internal"),
    path(
        "search/internal/similar/",
        views.InternalSimilarApi.as_view(),
        name="api-search-internal-similar",
    ),
]
