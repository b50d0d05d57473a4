from django.urls import path, re_path

from .api import api
from .errors import unknown_path

urlpatterns = [
    path("v1/", api.urls),
    re_path(r"^(?P<rest>.*)$", unknown_path),
]
