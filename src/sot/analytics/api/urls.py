"""Situational Center: API routes under /api/v1/."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "analytics/indicators/", views.IndicatorListApi.as_view(), name="api-analytics-indicators"
    ),
    path("analytics/values/", views.ValueListApi.as_view(), name="api-analytics-values"),
    path(
        "analytics/values/<slug:code>/", views.ValueDetailApi.as_view(), name="api-analytics-value"
    ),
    path(
        "analytics/values/<slug:code>/cases/",
        views.ValueCasesApi.as_view(),
        name="api-analytics-value-cases",
    ),
    path("analytics/load/", views.LoadApi.as_view(), name="api-analytics-load"),
]
