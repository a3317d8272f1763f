"""Electronic signatures: routes under /api/v1/."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("signatures/verify/", views.VerifyApi.as_view()),
    path("signatures/challenges/", views.ChallengeCreateApi.as_view()),
    path("signatures/challenges/<int:challenge_id>/", views.ChallengeDetailApi.as_view()),
    path("signatures/phone/<str:token>/", views.PhoneChallengeApi.as_view()),
    path("signatures/phone/<str:token>/answer/", views.PhoneAnswerApi.as_view()),
]
