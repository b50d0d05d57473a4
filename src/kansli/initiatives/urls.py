from django.urls import path

from . import report_views, views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("ny-motion/", views.motion_register, name="motion_register"),
    path("nytt-medborgarforslag/", views.citizen_proposal_register, name="citizen_register"),
    path("ej-beredda/", report_views.not_prepared_report, name="report"),
    path("redovisning/", report_views.report_compile, name="report_compile"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/komplettera/", views.complete, name="complete"),
    path("<int:pk>/anmal/", views.announce, name="announce"),
    path("<int:pk>/remittera/", views.refer, name="refer"),
    path("<int:pk>/overlamna/", views.delegate, name="delegate"),
    path("<int:pk>/avgor/", views.decide, name="decide"),
    path("<int:pk>/samtycke/", views.consent, name="consent"),
]
