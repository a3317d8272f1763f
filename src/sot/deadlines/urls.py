"""Procedural deadlines: web pages (mounted at the site root under the ``deadlines`` namespace)."""

from django.urls import path

from . import views

app_name = "deadlines"

urlpatterns = [
    path("deadlines/overdue/", views.overdue, name="overdue"),
    path("deadlines/violations/", views.violations, name="violations"),
]
