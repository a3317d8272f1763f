"""Procedural deadlines: web pages (mounted at the site root under the ``deadlines`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "deadlines"

urlpatterns: list[URLPattern | URLResolver] = []
