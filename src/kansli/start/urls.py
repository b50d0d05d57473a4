"""The start page. Its URL keeps the name core:home (the header's link, LOGIN_REDIRECT_URL):
kansli.config.urls puts these patterns in the core namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
]
