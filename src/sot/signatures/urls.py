"""Electronic signatures: web pages (mounted at the site root under the ``signatures`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "signatures"

urlpatterns: list[URLPattern | URLResolver] = []
