"""Case distribution: web pages (mounted at the site root under the ``distribution`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "distribution"

urlpatterns: list[URLPattern | URLResolver] = []
