from django.urls import path

from . import views

app_name = "importer"
urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("<uuid:pk>/", views.import_job, name="job"),
    path("<uuid:pk>/forlopp/", views.import_job_status, name="status"),
    path("<uuid:pk>/importera/", views.import_job_confirm_view, name="confirm"),
    path("<uuid:pk>/avbryt/", views.import_job_cancel_view, name="cancel"),
]
