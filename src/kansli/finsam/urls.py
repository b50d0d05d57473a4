from django.urls import path

from .federations import views as fed
from .follow_up import report_views
from .follow_up import views as follow_up_views
from .funding import contribution_views, population_views

app_name = "finsam"
urlpatterns = [
    path("", fed.federation_list, name="federation_list"),
    path("nytt/", fed.federation_create, name="federation_create"),
    path("<int:pk>/", fed.federation_detail, name="federation_detail"),
    path("<int:pk>/andra/", fed.federation_edit, name="federation_edit"),
    path("<int:pk>/medlemmar/ny/", fed.member_add, name="member_add"),
    path("<int:pk>/medlemmar/<int:member_pk>/", fed.member_edit, name="member_edit"),
    path("<int:pk>/styrelse/ny/", fed.board_term_create, name="board_term_create"),
    path("<int:pk>/styrelse/<int:term_pk>/utsedd/", fed.appointment_add, name="appointment_add"),
    path(
        "<int:pk>/utsedd/<int:appointment_pk>/ta-bort/",
        fed.appointment_remove,
        name="appointment_remove",
    ),
    path("<int:pk>/forbundsordning/ny/", fed.charter_propose, name="charter_propose"),
    path(
        "<int:pk>/forbundsordning/<int:charter_pk>/antagande/",
        fed.charter_adopt,
        name="charter_adopt",
    ),
    path("<int:pk>/invanare/", population_views.population_edit, name="population_edit"),
    path("invanare/importera/", population_views.population_import, name="population_import"),
    path("bidrag/", contribution_views.contributions, name="contributions"),
    path("bidrag/pm/<int:pk>/", contribution_views.contribution_memo, name="contribution_memo"),
    path("jamforelse/", report_views.report, name="report"),
    path("jamforelse.pdf", report_views.report_pdf, name="report_pdf"),
    path("jamforelse.csv", report_views.report_csv, name="report_csv"),
    path("uppfoljning/", follow_up_views.follow_up_list, name="follow_up_list"),
    path("uppfoljning/importera/", follow_up_views.follow_up_import, name="follow_up_import"),
    path(
        "uppfoljning/<int:federation_pk>/<int:year>/",
        follow_up_views.follow_up_edit,
        name="follow_up_edit",
    ),
]
