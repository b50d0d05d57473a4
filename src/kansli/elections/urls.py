from django.urls import path

from . import views

app_name = "elections"
urlpatterns = [
    path("", views.resignation_list, name="list"),
    path("ny/", views.resignation_register, name="register"),
    path("<int:pk>/", views.resignation_detail, name="detail"),
    path("<int:pk>/dagordning/", views.propose, name="propose"),
    path("<int:pk>/foresla/", views.nominate, name="nominate"),
    path("<int:pk>/bevilja/", views.grant, name="grant"),
    path("<int:pk>/valj/", views.elect, name="elect"),
]
