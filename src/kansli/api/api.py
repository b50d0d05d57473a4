"""The NinjaAPI instance: /api/v1/, its OpenAPI description and its documentation page."""

from typing import Any

from ninja import NinjaAPI

from . import errors
from .links import NAMESPACE
from .routers import (
    agenda_item,
    body,
    consultation,
    file,
    legislative_term,
    meeting,
    membership,
    organization,
    paper,
    person,
    system,
)


class KansliAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        """The operation's URL name (meeting, body_meetings …) rather than a module path."""
        return getattr(operation, "url_name", "") or super().get_openapi_operation_id(operation)


api = KansliAPI(
    title="Kansli öppet API",
    version="1",
    description=(
        "Huvudmannens offentliga uppgifter som JSON, efter OParl 1.1: organ, förtroendevalda, "
        "sammanträden, dagordningar, ärenden och handlingar. Allt som visas är det allmänheten "
        "får se."
    ),
    urls_namespace=NAMESPACE,
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.install(api)
for module in (
    system,
    body,
    organization,
    person,
    membership,
    meeting,
    agenda_item,
    paper,
    consultation,
    file,
    legislative_term,
):
    api.add_router("", module.router)
