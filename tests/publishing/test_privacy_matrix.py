"""Nothing that may not be published reaches the public — by any route.

The anonymous public crawls everything it can reach from the portal, the notice board,
the bodies, search (one query per marker word), the feeds and the API (following every
link in every HTML page and JSON document), and asks directly for each non-public object
by its address. Each response — HTML, JSON, iCal, RSS or PDF text — must hold none of the
marker words of the secret case, the secret, internal and unreviewed documents, the
non-public agenda item, the draft minutes and the private phone number; the public markers
must be found."""

import io
import json
import re
from collections import deque
from urllib.parse import quote, urljoin, urlsplit

import pytest
from pypdf import PdfReader

from .world import (
    MASKED_DOCUMENT,
    NON_PUBLIC_ITEM,
    PUBLIC_DECISION,
    PUBLIC_DOCUMENT,
    SECRET_MARKERS,
    build,
)

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
SKIP = ("/admin/", "/logga-in/", "/logga-ut/", "/granskning/", "/static/", "/konto/")
LIMIT = 1500
HREF = re.compile(r'(?:href|src)="([^"#]+)')


def links(content_type: str, body: str) -> list[str]:
    if "json" in content_type:
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str) and value.startswith(HOST):
                found.append(value)
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(json.loads(body))
        return found
    if "html" in content_type:
        return [m.replace("&amp;", "&") for m in HREF.findall(body)]
    return []


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"%PDF"):
        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("cache", [False, True], ids=["direct", "through-the-page-cache"])
def test_nothing_secret_is_reachable_by_the_public(client, body, series, settings, cache):
    settings.KANSLI_PUBLIC_CACHE = cache
    settings.KANSLI_PUBLIC_CACHE_SECONDS = 0
    world = build(body, series)
    secret_case = world.board.meeting.items.get(title=NON_PUBLIC_ITEM).case
    hidden_item = world.board.meeting.items.get(title=NON_PUBLIC_ITEM)
    direct = [
        f"/insyn/arenden/{secret_case.pk}/",
        f"/api/v1/papers/{secret_case.pk}",
        f"/api/v1/agenda-items/{hidden_item.pk}",
        f"/insyn/sammantraden/{world.draft_meeting_pk}/protokoll/",
        f"/insyn/sammantraden/{world.draft_meeting_pk}/protokoll.pdf",
        f"/sammantraden/{world.draft_meeting_pk}/protokoll.pdf",
    ]
    for document in (world.secret_document, world.internal_document, world.unreviewed_document):
        direct += [
            f"/insyn/handlingar/{document.pk}/fil/",
            f"/api/v1/files/{document.pk}",
            f"/arenden/handlingar/{document.pk}/fil/",
        ]
    start = [
        "/insyn/",
        "/insyn/kalender/?ar=2020",
        "/anslagstavla/",
        "/organ/",
        "/fortroendevalda/",
        "/insyn/kalender.ics",
        "/insyn/protokoll.rss",
        "/api/v1/system",
        "/api/v1/openapi.json",
        f"/sammantraden/{world.board.meeting.pk}/kallelse/offentlig/",
        *(f"/sok/?q={quote(marker)}" for marker in (*SECRET_MARKERS, PUBLIC_DOCUMENT)),
    ]
    seen: set[str] = set()
    queue = deque(start + direct)
    corpus = []
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        parts = urlsplit(urljoin(HOST + "/", url))
        if parts.netloc != "testserver" or parts.path.startswith(SKIP):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200:
            continue
        body_text = text_of(response)
        shown = body_text
        if parts.path.startswith("/sok/"):
            # the form and the title repeat the query; the results are what search shows
            shown = body_text.partition('id="search-results-heading"')[2]
        leaked = [marker for marker in SECRET_MARKERS if marker in shown]
        assert not leaked, f"{path} visar {leaked}"
        corpus.append(body_text)
        base = urljoin(HOST, path)
        for link in links(response.get("Content-Type", ""), body_text):
            queue.append(urljoin(base, link))
    assert len(seen) > 30
    print(f"{len(seen)} addresses read")
    everything = "\n".join(corpus)
    assert PUBLIC_DOCUMENT in everything and PUBLIC_DECISION in everything
    assert MASKED_DOCUMENT in everything and "[telefonnummer]" in everything
    for path in direct:
        assert client.get(path).status_code in (302, 404), path
    # search finds the published things, in another word form too
    for query, expected in (
        ("solrosrapporter", PUBLIC_DOCUMENT),
        ("kastanjebeslut", PUBLIC_DECISION),
    ):
        results = client.get(f"/sok/?q={query}").content.decode()
        assert expected in results.partition('id="search-results-heading"')[2], query
