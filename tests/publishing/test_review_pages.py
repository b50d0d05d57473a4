"""The review pages with many findings and long texts: the queue never reads the documents'
texts, and the review page shows its findings a hundred at a time and the text a window at
a time, each finding linked to the window where it stands."""

import datetime
import io
import re
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansli.publishing.models import Publication
from kansli.publishing.review_pages import CHARACTERS_PER_PAGE, FINDINGS_PER_PAGE
from kansli.registry.services import case_register

from ..registry.helpers import inspected

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(number: int) -> str:
    # a made-up mobile number per paragraph, each one different
    return (
        f"<w:p><w:r><w:t>Stycke {number}: ring 070-{100 + number % 900:03d} "
        f"{number % 100:02d} {(number * 7) % 100:02d} om du har frågor om ansökan, som "
        "handläggs av förvaltningen under hösten.</w:t></w:r></w:p>"
    )


def docx(paragraphs: int) -> bytes:
    xml = f"<w:document {W}><w:body>{''.join(paragraph(n) for n in range(paragraphs))}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml + "</w:body></w:document>")
    return buffer.getvalue()


@pytest.fixture
def case(body, series, board):
    return case_register(
        actor=None,
        body=body,
        series=series,
        title="Ansökningar",
        organization=board,
        registered_on=datetime.date(2020, 8, 1),
    )


def waiting(case, paragraphs: int) -> Publication:
    return inspected(case, docx(paragraphs), "ansokan.docx", "Ansökan")[1]


@pytest.mark.django_db
def test_the_queue_reads_no_document_text_and_its_queries_do_not_grow(client, registrar, case):
    client.force_login(registrar)
    waiting(case, 30)
    with CaptureQueriesContext(connection) as one:
        first = client.get(reverse("review:queue"))
    for _ in range(3):
        waiting(case, 30)
    with CaptureQueriesContext(connection) as four:
        response = client.get(reverse("review:queue"))
    assert first.status_code == response.status_code == 200
    assert response.content.decode().count("30 av 30") == 4
    assert len(four) == len(one)
    text_column = re.compile(r'"registry_document"\."text"|"masked_text"')
    assert not [q["sql"] for q in four.captured_queries if text_column.search(q["sql"])]


def reads_whole_text(sql: str) -> bool:
    """A query that selects the text column itself, not its length or a window of it."""
    sql = re.sub(r'(LENGTH|SUBSTR|SUBSTRING)\("registry_document"\."text"', "", sql)
    return '"registry_document"."text"' in sql


@pytest.mark.django_db
def test_the_review_page_pages_its_findings_and_its_text(client, registrar, case):
    publication = waiting(case, 400)
    total = publication.findings.count()
    assert total == 400
    client.force_login(registrar)
    url = reverse("review:detail", args=[publication.pk])
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert not [q for q in queries.captured_queries if reads_whole_text(q["sql"])]
    assert page.count("<code>") == FINDINGS_PER_PAGE
    assert f"Fynd 1–100 av {total}" in page
    assert "Del 1 av" in page and 'rel="next"' in page
    first_window = page.split('role="region"')[1].split("</div>")[0]
    assert len(first_window) < CHARACTERS_PER_PAGE * 2

    # The last finding, on the last page of findings, links to the window where it stands.
    last = publication.findings.order_by("start").last()
    findings_page = client.get(url, {"fynd": 4}).content.decode()
    assert f"Fynd 301–400 av {total}" in findings_page
    link = re.search(rf'href="(\?text=(\d+)&amp;fynd=4#f{last.pk})"', findings_page)
    assert link is not None
    window = client.get(url, {"text": link.group(2), "fynd": 4}).content.decode()
    assert f'id="f{last.pk}"' in window and last.text in window
    assert f"Del {link.group(2)} av" in window


@pytest.mark.django_db
def test_page_numbers_out_of_range_or_not_numbers_show_a_page(client, registrar, case):
    publication = waiting(case, 5)
    client.force_login(registrar)
    url = reverse("review:detail", args=[publication.pk])
    for query in ({"fynd": "99"}, {"text": "-3"}, {"text": "<script>"}, {"fynd": "x"}):
        response = client.get(url, query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main")[-1]
