from django.urls import path

from . import views

app_name = "authorisations"
urlpatterns = [
    path("", views.authorisation_list, name="list"),
    path("ny/", views.authorisation_grant, name="grant"),
    path("<int:pk>/", views.authorisation_detail, name="detail"),
    path("<int:pk>/aterkalla/", views.authorisation_revoke, name="revoke"),
    path("<int:pk>/aterkallelsens-verkan/", views.authorisation_revocation_event, name="event"),
    path("<int:pk>/hur-den-gavs/", views.authorisation_given_by, name="given_by"),
]
