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
]
