from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("organ/", views.organization_list, name="organization_list"),
    path("organ/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("fortroendevalda/", views.person_list, name="person_list"),
    path("fortroendevalda/<int:pk>/", views.person_detail, name="person_detail"),
]
