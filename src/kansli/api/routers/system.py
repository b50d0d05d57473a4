"""The entry point: OParl System."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from kansli.people import selectors as people

from ..links import OPARL, api_url, oparl_type, site_url
from ..schemas.system import SystemOut

router = Router(tags=["System"])


@router.get("/system", response=SystemOut, url_name="system", exclude_none=True, summary="Systemet")
def system_get(request: HttpRequest) -> dict[str, Any]:
    """Ingången till API:et: OParl-version, huvudmännen och webbplatsen."""
    first = people.body_list(viewer=request.user).first()
    name = f"Kansli – {first.name}" if first is not None else "Kansli"
    return {
        "id": api_url(request, "system"),
        "type": oparl_type("System"),
        "oparlVersion": OPARL,
        "name": name,
        "body": api_url(request, "body_list"),
        "website": site_url(request, "publishing:home"),
        "vendor": "Kansli",
        "product": "Kansli öppet API",
    }
