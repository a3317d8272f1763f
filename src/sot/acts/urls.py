"""Court acts: web pages (mounted at the site root under the ``acts`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "acts"

urlpatterns: list[URLPattern | URLResolver] = [
    path("acts/check/", views.check, name="check"),
    path("acts/check/<str:code>/", views.check, name="check_code"),
    path("acts/<int:act_id>/", views.act_detail, name="detail"),
    path("acts/<int:act_id>/save/", views.act_save, name="save"),
    path("acts/<int:act_id>/sign/", views.act_sign, name="sign"),
    path("acts/<int:act_id>/reject/", views.act_reject, name="reject"),
    path("acts/<int:act_id>/correct/", views.act_correct, name="correct"),
    path("acts/<int:act_id>/pdf/", views.act_pdf, name="pdf"),
    path("acts/<int:act_id>/review/", views.act_review, name="review"),
    path("acts/<int:act_id>/versions/<int:old>/<int:new>/", views.act_diff, name="diff"),
    path("acts/cases/<int:case_id>/new/", views.act_new, name="new"),
    path("acts/cases/<int:case_id>/assistant/", views.act_assistant, name="assistant"),
]
