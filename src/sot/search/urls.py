"""Search: web pages (mounted at the site root under the ``search`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "search"

urlpatterns: list[URLPattern | URLResolver] = []
