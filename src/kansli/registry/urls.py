from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("nytt/", views.case_register, name="case_register"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/handlingar/ny/", views.document_register, name="document_register"),
    path("handlingar/<int:pk>/fil/", views.document_file, name="document_file"),
]
