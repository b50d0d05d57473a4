from django.urls import path

from . import views
from .feeds.calendar_view import calendar_ics
from .feeds.rss import MinutesFeed

app_name = "publishing"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("kalender/", views.calendar, name="calendar"),
    path("sammantraden/<int:pk>/", views.meeting_page, name="meeting"),
    path("sammantraden/<int:pk>/protokoll/", views.minutes_page, name="minutes"),
    path("sammantraden/<int:pk>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("arenden/<int:pk>/", views.case_page, name="case"),
    path("motioner/", views.initiatives_page, name="initiatives"),
    path("handlingar/<int:pk>/fil/", views.document_file, name="document_file"),
    path("kalender.ics", calendar_ics, name="calendar_ics"),
    path("protokoll.rss", MinutesFeed(), name="minutes_rss"),
]
