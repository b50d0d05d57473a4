from django.urls import path

from . import views

app_name = "followups"
urlpatterns = [
    path("", views.due_list, name="list"),
    path("nytt-uppdrag/", views.assignment_create, name="assignment_create"),
    path("ny-uppfoljning/", views.followup_create, name="followup_create"),
    path("uppdrag/<int:pk>/", views.assignment_detail, name="assignment"),
    path("uppdrag/<int:pk>/rapport/", views.assignment_report, name="assignment_report"),
    path("<int:pk>/klar/", views.followup_done, name="followup_done"),
]
