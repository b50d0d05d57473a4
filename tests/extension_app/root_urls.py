"""The test settings' URLs: the project's, and the test module's under /testmodul/."""

from django.urls import include, path

from kansli.config.urls import handler403
from kansli.config.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("testmodul/", include("tests.extension_app.urls"))]

__all__ = ["handler403", "urlpatterns"]
