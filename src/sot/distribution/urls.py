"""Case distribution: web pages (mounted at the site root under the ``distribution`` namespace)."""

from django.urls import path

from . import views

app_name = "distribution"

urlpatterns = [
    path("cases/<int:case_id>/distribution/", views.case_distribution, name="case"),
    path("cases/<int:case_id>/distribution/reassign/", views.case_reassign, name="reassign"),
    path("court/distribution/queue/", views.chair_queue, name="queue"),
    path("court/distribution/queue/<int:case_id>/assign/", views.chair_assign, name="chair_assign"),
    path("distribution/loads/", views.loads, name="loads"),
]
