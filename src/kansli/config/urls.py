from django.contrib import admin
from django.urls import include, path

from kansli.core import urls as core_urls
from kansli.publishing.views import accessibility
from kansli.start import urls as start_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    # The start page (kansli.start) keeps its historic name core:home, so its pattern joins
    # the core namespace here; core itself imports no app above it.
    path("", include((start_urls.urlpatterns + core_urls.urlpatterns, core_urls.app_name))),
    path("", include("kansli.people.urls")),
    path("arenden/", include("kansli.registry.urls")),
    path("sammantraden/", include("kansli.meetings.urls")),
    path("", include("kansli.minutes.urls")),
    path("insyn/", include("kansli.publishing.urls")),
    path("sok/", include("kansli.search.urls")),
    path("importera/", include("kansli.importer.urls")),
    path("finsam/", include("kansli.finsam.urls")),
    path("motioner/", include("kansli.initiatives.urls")),
    path("delegation/", include("kansli.delegation.urls")),
    path("val/", include("kansli.elections.urls")),
    path("fullmakter/", include("kansli.authorisations.urls")),
    path("uppfoljning/", include("kansli.followups.urls")),
    path("api/", include("kansli.api.urls")),
    path("granskning/", include("kansli.publishing.review_urls")),
    path("tillganglighet/", accessibility, name="accessibility"),
]

handler403 = "kansli.core.views.error_403"
