"""Search: web pages (mounted at the site root under the ``search`` namespace)."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.public_bank, name="public"),
    path("search/acts/<int:act_id>/", views.public_act, name="public_act"),
    path("search/internal/", views.internal, name="internal"),
    path("search/internal/acts/<int:act_id>/", views.internal_similar, name="internal_act"),
]
