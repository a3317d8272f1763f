from django.urls import path

from . import views

urlpatterns = [
    path("auth/token/", views.TokenApi.as_view(), name="api-auth-token"),
    path("me/", views.MeDetailApi.as_view(), name="api-me"),
]
