"""Situational Center: web pages (mounted at the site root under the ``analytics`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "analytics"

urlpatterns: list[URLPattern | URLResolver] = [
    path("analytics/", views.dashboard, name="dashboard"),
    path("analytics/indicators/", views.definitions, name="definitions"),
    path("analytics/cases/<slug:code>/", views.drill, name="drill"),
    path("analytics/export/<slug:table>/", views.export, name="export"),
]
