"""Notifications: API routes under /api/v1/."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("notifications/inbox/", views.InboxApi.as_view()),
    path("notifications/inbox/<int:item_id>/read/", views.NoticeReadApi.as_view()),
    path("notifications/contacts/", views.ContactPointListApi.as_view()),
    path("notifications/contacts/<int:item_id>/verify/", views.ContactVerifyApi.as_view()),
    path("notifications/push-subscriptions/", views.PushSubscribeApi.as_view()),
    *[
        path(f"notifications/receipts/{endpoint}/", view.as_view())
        for endpoint, view in views.RECEIPT_VIEWS.items()
    ],
]
