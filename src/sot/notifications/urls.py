"""Notifications: web pages (mounted at the site root under the ``notifications`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "notifications"

urlpatterns: list[URLPattern | URLResolver] = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/<int:notice_id>/read/", views.notice_read, name="read"),
    path("notifications/contacts/", views.contacts, name="contacts"),
    path("notifications/contacts/<int:contact_id>/verify/", views.contact_verify, name="verify"),
    path("notifications/contacts/<int:contact_id>/resend/", views.contact_resend, name="resend"),
    path("notifications/contacts/<int:contact_id>/opt-in/", views.contact_opt_in, name="opt_in"),
    path("notifications/contacts/<int:contact_id>/remove/", views.contact_remove, name="remove"),
]
