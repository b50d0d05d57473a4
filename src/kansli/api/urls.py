from django.urls import path, re_path
from django.views.generic import RedirectView

from .api import api
from .errors import unknown_path

urlpatterns = [
    # The root leads to the OParl entry point, the System object.
    path("v1/", RedirectView.as_view(pattern_name="api_v1:system")),
    path("v1/", api.urls),
    re_path(r"^(?P<rest>.*)$", unknown_path),
]
