from django.urls import path

from . import views

app_name = "delegation"
urlpatterns = [
    path("", views.decision_list, name="list"),
    path("nytt-beslut/", views.decision_register, name="decision_register"),
    path("nytt-meddelande/", views.communication_register, name="communication_register"),
    path("ordning/", views.point_list, name="points"),
    path("ordning/<int:pk>/", views.point_edit, name="point_edit"),
    path("sammanstall/", views.report_compile, name="compile"),
    path("ej-anmalda/", views.not_reported_list, name="not_reported"),
    path("beslut/<int:pk>/tillkannage/", views.decision_post, name="decision_post"),
    path(
        "beslut/<int:pk>/ta-bort-ur-anmalan/",
        views.decision_report_remove,
        name="decision_report_remove",
    ),
    path(
        "meddelanden/<int:pk>/ta-bort-ur-anmalan/",
        views.communication_report_remove,
        name="communication_report_remove",
    ),
]
