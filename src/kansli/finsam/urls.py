from django.urls import path

from . import followup_views, report_views, views

app_name = "finsam"
urlpatterns = [
    path("", views.federation_list, name="federation_list"),
    path("bidrag/", views.contributions, name="contributions"),
    path("bidrag/pm/<int:pk>/", views.contribution_memo, name="contribution_memo"),
    path("jamforelse/", report_views.report, name="report"),
    path("jamforelse.pdf", report_views.report_pdf, name="report_pdf"),
    path("jamforelse.csv", report_views.report_csv, name="report_csv"),
    path("uppfoljning/", followup_views.follow_up_list, name="follow_up_list"),
    path("uppfoljning/importera/", followup_views.follow_up_import, name="follow_up_import"),
    path(
        "uppfoljning/<int:federation_pk>/<int:year>/",
        followup_views.follow_up_edit,
        name="follow_up_edit",
    ),
]
