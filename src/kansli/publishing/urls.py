from django.urls import path

from . import views

app_name = "publishing"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("sammantraden/<int:pk>/", views.meeting_page, name="meeting"),
    path("sammantraden/<int:pk>/protokoll/", views.minutes_page, name="minutes"),
    path("arenden/<int:pk>/", views.case_page, name="case"),
    path("handlingar/<int:pk>/fil/", views.document_file, name="document_file"),
]
