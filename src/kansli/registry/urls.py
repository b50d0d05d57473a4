from django.urls import path

from . import plan_views, views

app_name = "registry"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("nytt/", views.case_register, name="case_register"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/andra/", views.case_update, name="case_update"),
    path("<int:pk>/avsluta/", views.case_close, name="case_close"),
    path("<int:pk>/ateruppta/", views.case_reopen, name="case_reopen"),
    path("<int:pk>/handlingar/ny/", views.document_register, name="document_register"),
    path("<int:pk>/klassificera/", views.case_classify, name="case_classify"),
    path("handlingar/<int:pk>/fil/", views.document_file, name="document_file"),
    path("arkiv/plan/", plan_views.plan, name="plan"),
    path("arkiv/plan.csv", plan_views.plan_download, name="plan_download"),
    path("arkiv/plan.xlsx", plan_views.plan_download_xlsx, name="plan_download_xlsx"),
    path("arkiv/gallring/", plan_views.disposal, name="disposal"),
    path("arkiv/gallring/<int:pk>/", plan_views.disposal_detail, name="disposal_detail"),
]
