from django.urls import path

from . import organization_views, seat_csv_views, seat_views, term_views, views

app_name = "people"
urlpatterns = [
    path("organ/", views.organization_list, name="organization_list"),
    path("organ/nytt/", organization_views.organization_create, name="organization_create"),
    path("organ/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organ/<int:pk>/andra/", organization_views.organization_edit, name="organization_edit"),
    path("partier/", organization_views.party_list, name="party_list"),
    path("partier/<int:pk>/andra/", organization_views.party_edit, name="party_edit"),
    path("fortroendevalda/", views.person_list, name="person_list"),
    path("fortroendevalda/<int:pk>/", views.person_detail, name="person_detail"),
    path("fortroendevalda/<int:pk>/andra/", organization_views.person_edit, name="person_edit"),
    path("mandatperioder/", term_views.term_list, name="term_list"),
    path("mandatperioder/ny/", term_views.term_create, name="term_create"),
    path("mandatperioder/<int:pk>/", term_views.term_detail, name="term_detail"),
    path("mandatperioder/<int:pk>/andra/", term_views.term_edit, name="term_edit"),
    path("mandatperioder/<int:pk>/kopiera/", term_views.term_copy, name="term_copy"),
    path(
        "mandatperioder/<int:pk>/organ/<int:organization_pk>/",
        seat_views.seat_list,
        name="term_seats",
    ),
    path(
        "mandatperioder/<int:pk>/organ/<int:organization_pk>/ny/",
        seat_views.seat_add,
        name="seat_add",
    ),
    path(
        "mandatperioder/<int:pk>/organ/<int:organization_pk>/csv/",
        seat_csv_views.seat_csv,
        name="seat_csv",
    ),
    path(
        "mandatperioder/<int:pk>/organ/<int:organization_pk>/ersattarordning/",
        seat_views.substitute_order,
        name="substitute_order",
    ),
    path(
        "mandatperioder/<int:pk>/uppdrag/<int:seat_pk>/avsluta/",
        seat_views.seat_end,
        name="seat_end",
    ),
]
