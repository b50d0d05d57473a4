"""The interactive documentation at /api/v1/docs works under the site's Content-Security-
Policy: Swagger UI from Kansli's own static files, nothing inline, no CDN."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_runs_under_the_csp(page, live_server):
    violations: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto("/api/v1/docs")
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", name="Kansli öppet API")).to_be_visible()
    expect(page.get_by_text("/api/v1/bodies/{id}/meetings").first).to_be_visible()
    # Open an operation and run it: the response is fetched and shown, still within the CSP.
    page.locator("#operations-System-system").get_by_role("button").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table")).to_contain_text("oparlVersion")
    assert violations == []
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requests)
