"""Hearings: web pages (mounted at the site root under the ``hearings`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "hearings"

urlpatterns: list[URLPattern | URLResolver] = []
