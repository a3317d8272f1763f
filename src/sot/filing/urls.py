"""Court Cabinet: web pages (mounted at the site root under the ``filing`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "filing"

urlpatterns: list[URLPattern | URLResolver] = []
