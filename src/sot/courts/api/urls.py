from django.urls import path

from . import views

urlpatterns = [
    path("courts/", views.CourtListApi.as_view(), name="api-court-list"),
    path("courts/<str:code>/", views.CourtDetailApi.as_view(), name="api-court-detail"),
    path("judges/", views.JudgeListApi.as_view(), name="api-judge-list"),
    path("judges/<int:judge_id>/", views.JudgeDetailApi.as_view(), name="api-judge-detail"),
]
