from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("nytt/", views.case_register, name="case_register"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/andra/", views.case_update, name="case_update"),
    path("<int:pk>/avsluta/", views.case_close, name="case_close"),
    path("<int:pk>/ateruppta/", views.case_reopen, name="case_reopen"),
    path("<int:pk>/handlingar/ny/", views.document_register, name="document_register"),
    path("handlingar/<int:pk>/fil/", views.document_file, name="document_file"),
]
