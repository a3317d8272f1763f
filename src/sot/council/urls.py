"""Supreme Judicial Council: web pages (mounted at the site root under the ``council`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "council"

urlpatterns: list[URLPattern | URLResolver] = []
