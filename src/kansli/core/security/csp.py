"""Security headers on every response: Content-Security-Policy, Permissions-Policy and
Cross-Origin-Opener-Policy.

Django 5.2 has no CSP of its own. The policy allows scripts, styles, fonts and connections
from Kansli itself only, images also as data: URIs (the QR code of two-factor login), and
no framing, plugins or <base>. So templates hold no inline <script>, no style="…" and no
on…= handlers: behaviour lives in static files under kansli/.
"""

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_CSP: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}

DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


def content_security_policy(directives: Mapping[str, str] | None = None) -> str:
    """The header value for a mapping of directive to sources (KANSLI_CSP by default)."""
    if directives is None:
        directives = getattr(settings, "KANSLI_CSP", DEFAULT_CSP)
    return "; ".join(f"{name} {value}".strip() for name, value in directives.items())


class SecurityHeadersMiddleware:
    """Adds the headers to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": content_security_policy(),
            "Permissions-Policy": getattr(
                settings, "KANSLI_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY
            ),
            "Cross-Origin-Opener-Policy": getattr(
                settings, "SECURE_CROSS_ORIGIN_OPENER_POLICY", None
            )
            or "same-origin",
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response
