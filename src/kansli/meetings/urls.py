from django.urls import path

from . import agenda_views, meeting_views, memo_views, notice_views, views
from .book import views as book_views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("nytt/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/andra/", meeting_views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/stall-in/", meeting_views.meeting_cancel, name="meeting_cancel"),
    path("<int:pk>/punkter/ny/", agenda_views.agenda_item_add, name="agenda_item_add"),
    path(
        "punkter/fran-arende/",
        agenda_views.agenda_item_add_from_case,
        name="agenda_item_add_from_case",
    ),
    path("<int:pk>/punkter/ordning/", agenda_views.agenda_reorder, name="agenda_reorder"),
    path(
        "<int:pk>/punkter/<int:number>/andra/",
        agenda_views.agenda_item_edit,
        name="agenda_item_edit",
    ),
    path(
        "<int:pk>/punkter/<int:number>/flytta/",
        agenda_views.agenda_item_move,
        name="agenda_item_move",
    ),
    path(
        "<int:pk>/punkter/<int:number>/utgar/",
        agenda_views.agenda_item_withdraw,
        name="agenda_item_withdraw",
    ),
    path(
        "<int:pk>/punkter/<int:number>/ta-bort/",
        agenda_views.agenda_item_remove,
        name="agenda_item_remove",
    ),
    path("<int:pk>/punkter/<int:number>/pm/", memo_views.memo_detail, name="memo_detail"),
    path("<int:pk>/punkter/<int:number>/pm/redigera/", memo_views.memo_edit, name="memo_edit"),
    path("<int:pk>/punkter/<int:number>/pm/klar/", memo_views.memo_mark_ready, name="memo_ready"),
    path("<int:pk>/punkter/<int:number>/pm.pdf", memo_views.memo_pdf, name="memo_pdf"),
    path("<int:pk>/kallelse/skapa/", book_views.book_request, name="book_request"),
    path("<int:pk>/kallelse/skicka/", notice_views.notice_send, name="notice_send"),
    path("<int:pk>/kallelse/andring/", notice_views.notice_change_send, name="notice_change_send"),
    path("<int:pk>/tillkannagivande/", notice_views.announcement_post, name="announcement_post"),
    path("<int:pk>/kallelse/<str:edition>/", book_views.book_html, name="book_html"),
    path("kallelser/<int:book_pk>/", book_views.book_status, name="book_status"),
]
