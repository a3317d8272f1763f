"""Court acts: web pages (mounted at the site root under the ``acts`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "acts"

urlpatterns: list[URLPattern | URLResolver] = []
