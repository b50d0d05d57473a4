from django.urls import path

from . import views

app_name = "importer"
urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("bekrafta/", views.import_confirm, name="confirm"),
    path("avbryt/", views.import_cancel, name="cancel"),
]
