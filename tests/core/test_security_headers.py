"""Security headers on every response, and templates that the CSP does not break: no inline
script, no style attribute, no on…= handler, no javascript: link."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import kansli
from kansli.core.security.csp import content_security_policy

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
SRC = Path(kansli.__file__).parent
# Rendered only to a PDF by the benchmark (WeasyPrint), never served.
NOT_SERVED = {"meetings/templates/meetings/book_print.html"}
INLINE = [
    (
        "an inline <script>",
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
    ),
    ("a <style> block", re.compile(r"<style\b", re.I)),
    ("a style attribute", re.compile(r"\sstyle\s*=", re.I)),
    ("an on…= handler", re.compile(r"\son[a-z]+\s*=", re.I)),
    ("a javascript: URL", re.compile(r"javascript:", re.I)),
    ("an hx-on attribute", re.compile(r"\shx-on", re.I)),
]


def test_the_policy_is_the_documented_one():
    assert content_security_policy() == CSP


@pytest.mark.parametrize("url", ["/", "/logga-in/", "/finns-inte/", "/admin/login/"])
def test_headers_on_every_response(client, db, url):
    response = client.get(url)
    assert response["Content-Security-Policy"] == CSP
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_headers_on_the_admin(client, administrator):
    administrator.is_staff = True
    administrator.save()
    client.force_login(administrator)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CSP


def test_session_cookie_is_lax(client, registrar):
    response = client.post(
        reverse("core:login"), {"username": "registrator", "password": "kansli-test-lösen"}
    )
    assert response.cookies["sessionid"]["samesite"] == "Lax"
    assert response.cookies["sessionid"]["httponly"]


def test_htmx_is_told_not_to_inject_its_styles(client, db):
    page = client.get("/").content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>""" in page
    css = (SRC / "core/static/kansli/kansli.css").read_text()
    assert ".htmx-indicator" in css and ".htmx-request .htmx-indicator" in css


def test_no_template_holds_inline_code_or_style():
    found = []
    for template in sorted(SRC.glob("*/templates/**/*.html")):
        name = str(template.relative_to(SRC))
        if name in NOT_SERVED:
            continue
        text = template.read_text()
        for what, pattern in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{name}:{line}: {what}")
    assert found == []
