"""Errors as JSON with a Swedish message: malformed parameters (422), objects that do not
exist or that the viewer may not see (404, the two indistinguishable), bad combinations (400)."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

NOT_FOUND = "Det finns inget sådant objekt."
UNKNOWN_PATH = (
    "Adressen finns inte i API:et. Börja vid /api/v1/system; beskrivningen finns på "
    "/api/v1/openapi.json."
)

_DATE = "måste vara ett datum i formen ÅÅÅÅ-MM-DD"
_INTEGER = "måste vara ett heltal"
_MESSAGES = {
    "int_parsing": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": _INTEGER,
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_future": _DATE,
    "date_past": _DATE,
    "missing": "saknas",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "måste vara minst {}"),
    "greater_than": ("gt", "måste vara större än {}"),
    "less_than_equal": ("le", "får vara högst {}"),
    "less_than": ("lt", "måste vara mindre än {}"),
}


def error_message(error: dict[str, Any]) -> tuple[str, str]:
    """(parameter, Swedish message) for one of pydantic's errors as ninja reports them."""
    location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
    parameter = location[-1] if location else "?"
    kind = str(error.get("type", ""))
    if kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        return parameter, template.format((error.get("ctx") or {}).get(key, "?"))
    if kind == "value_error":  # raised by our own validators, with a Swedish message
        return parameter, str((error.get("ctx") or {}).get("error", "har ett ogiltigt värde"))
    return parameter, _MESSAGES.get(kind, "har ett ogiltigt värde")


def validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
    """ninja's ValidationError: the parameters did not validate."""
    items = [error_message(error) for error in exc.errors]
    text = "; ".join(f"{parameter} {message}" for parameter, message in items)
    prefix = "Ogiltig parameter" if len(items) == 1 else "Ogiltiga parametrar"
    return _json(
        {
            "detail": f"{prefix}: {text}.",
            "errors": [{"parameter": p, "message": m} for p, m in items],
        },
        status=422,
    )


def not_found(request: HttpRequest, exc: Any = None) -> HttpResponse:
    return _json({"detail": NOT_FOUND}, status=404)


def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
    return _json({"detail": exc.message}, status=exc.status_code)


def unknown_path(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any address under /api/ that is not an operation: a JSON 404, not the site's page."""
    return _json({"detail": UNKNOWN_PATH}, status=404)


def install(api: NinjaAPI) -> None:
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ObjectDoesNotExist, not_found)
    api.add_exception_handler(HttpError, http_error)


def _json(data: dict[str, Any], *, status: int) -> HttpResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
