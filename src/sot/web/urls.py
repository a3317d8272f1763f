"""Web pages under the site root; the language switch is Django's ``/i18n/setlang/``."""

from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("signin/", views.SignInView.as_view(), name="login"),
    path("signout/", views.SignOutView.as_view(), name="logout"),
    path("cases/mine/", views.my_cases, name="my_cases"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/actions/", views.case_act, name="case_act"),
    path("docket/", views.docket, name="docket"),
    path("court/cases/", views.court_cases, name="court_cases"),
]
