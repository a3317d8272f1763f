"""Situational Center: web pages (mounted at the site root under the ``analytics`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "analytics"

urlpatterns: list[URLPattern | URLResolver] = []
