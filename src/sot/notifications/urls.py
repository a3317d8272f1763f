"""Notifications: web pages (mounted at the site root under the ``notifications`` namespace)."""

from django.urls import URLPattern, URLResolver

app_name = "notifications"

urlpatterns: list[URLPattern | URLResolver] = []
