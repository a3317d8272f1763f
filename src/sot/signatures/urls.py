"""Electronic signatures: web pages (mounted at the site root under the ``signatures`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "signatures"

urlpatterns: list[URLPattern | URLResolver] = [
    path("signatures/qr-login/", views.qr_login, name="qr_login"),
    path(
        "signatures/qr-login/<int:challenge_id>/complete/",
        views.qr_login_complete,
        name="qr_login_complete",
    ),
    path("signatures/phone/<str:token>/", views.phone, name="phone"),
    path("signatures/try/", views.try_signing, name="try"),
]
