from django.urls import path

from . import at_meeting_views, board_views, paragraph_views, views

app_name = "minutes"
urlpatterns = [
    path("sammantraden/<int:pk>/protokoll/", views.minutes_detail, name="minutes_detail"),
    path(
        "sammantraden/<int:pk>/protokoll/narvaro/",
        views.attendance_record,
        name="attendance_record",
    ),
    path("sammantraden/<int:pk>/protokoll/justering/", views.adjustment_set, name="adjustment_set"),
    path(
        "sammantraden/<int:pk>/protokoll/nytt-arende/",
        at_meeting_views.item_add,
        name="item_add",
    ),
    path(
        "sammantraden/<int:pk>/protokoll/paragraf/<int:paragraph_pk>/utgar/",
        at_meeting_views.paragraph_withdraw,
        name="paragraph_withdraw",
    ),
    path("sammantraden/<int:pk>/protokoll/signera/", views.minutes_sign, name="minutes_sign"),
    path(
        "sammantraden/<int:pk>/protokoll/rattelse/",
        views.correction_create,
        name="correction_create",
    ),
    path("sammantraden/<int:pk>/protokoll.pdf", views.minutes_pdf_view, name="minutes_pdf"),
    path(
        "sammantraden/<int:pk>/protokoll/registrera/",
        views.minutes_record_retry,
        name="minutes_record_retry",
    ),
    path(
        "sammantraden/<int:pk>/protokoll/paragraf/<int:paragraph_pk>/",
        paragraph_views.paragraph_edit,
        name="paragraph_edit",
    ),
    path(
        "sammantraden/<int:pk>/protokoll/paragraf/<int:paragraph_pk>/omrostning/",
        paragraph_views.vote_record,
        name="vote_record",
    ),
    path(
        "sammantraden/<int:pk>/protokoll/paragraf/<int:paragraph_pk>/utdrag.pdf",
        paragraph_views.extract_view,
        name="extract",
    ),
    path("anslagstavla/", board_views.notice_board, name="notice_board"),
    path("expediering/", board_views.dispatch_list, name="dispatch_list"),
    path("expediering/<int:dispatch_pk>/", board_views.dispatch_send, name="dispatch_send"),
    path("expediering/alla/", board_views.dispatch_send_all, name="dispatch_send_all"),
    path("beredning/", board_views.cases_waiting, name="cases_waiting"),
]
