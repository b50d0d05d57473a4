from django.urls import path

from . import vacancy_views, views

app_name = "elections"
urlpatterns = [
    path("", views.resignation_list, name="list"),
    path("ny/", views.resignation_register, name="register"),
    path("<int:pk>/", views.resignation_detail, name="detail"),
    path("<int:pk>/dagordning/", views.propose, name="propose"),
    path("<int:pk>/foresla/", views.nominate, name="nominate"),
    path("<int:pk>/bevilja/", views.grant, name="grant"),
    path("<int:pk>/valj/", views.elect, name="elect"),
    path("ledig-plats/", vacancy_views.vacancy_register, name="vacancy_register"),
    path("ledig-plats/<int:pk>/", vacancy_views.vacancy_detail, name="vacancy"),
    path("ledig-plats/<int:pk>/foresla/", vacancy_views.vacancy_nominate, name="vacancy_nominate"),
    path("ledig-plats/<int:pk>/valj/", vacancy_views.vacancy_elect, name="vacancy_elect"),
    path("ledig-plats/<int:pk>/behalla/", vacancy_views.vacancy_keep, name="vacancy_keep"),
]
