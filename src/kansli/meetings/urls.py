from django.urls import path

from . import memo_views, views
from .book import views as book_views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("nytt/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/punkter/ny/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/punkter/<int:number>/pm/", memo_views.memo_detail, name="memo_detail"),
    path("<int:pk>/punkter/<int:number>/pm/redigera/", memo_views.memo_edit, name="memo_edit"),
    path("<int:pk>/punkter/<int:number>/pm/klar/", memo_views.memo_mark_ready, name="memo_ready"),
    path("<int:pk>/punkter/<int:number>/pm.pdf", memo_views.memo_pdf, name="memo_pdf"),
    path("<int:pk>/kallelse/skapa/", book_views.book_request, name="book_request"),
    path("<int:pk>/kallelse/<str:edition>/", book_views.book_html, name="book_html"),
    path("kallelser/<int:book_pk>/", book_views.book_status, name="book_status"),
]
