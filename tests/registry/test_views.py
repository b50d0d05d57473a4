"""The registry pages through Django's test client: forms, bad input, visibility."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.registry import services
from kansli.registry.models import Case, Document, DocumentKind, Visibility

from .helpers import pdf_bytes

TODAY = datetime.date(2020, 8, 26)


@pytest.fixture
def case(registrar, body, series):
    return services.case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS6617",
        title="Motion om gröna obligationer",
        today=TODAY,
    )


def test_pages_require_login(client, case):
    for url in (reverse("registry:case_list"), reverse("registry:case_detail", args=[case.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/logga-in/" in response["Location"]


def test_register_case_through_the_form(client, registrar, series):
    client.force_login(registrar)
    response = client.post(
        reverse("registry:case_register"),
        {"series": series.pk, "title": "Ansökan om statsbidrag", "case_type": "ekonomi"},
    )
    case = Case.objects.get(title="Ansökan om statsbidrag")
    assert response.status_code == 302
    assert response["Location"] == reverse("registry:case_detail", args=[case.pk])
    page = client.get(response["Location"]).content.decode()
    assert case.number in page and "Registrerade ärende" in page


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("KS 2018/124", "är inte ett diarienummer"),
        ("<script>alert(1)</script>", "är inte ett diarienummer"),
    ],
)
def test_register_case_with_bad_number_shows_swedish_message(
    client, registrar, series, number, message
):
    client.force_login(registrar)
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("registry:case_register"),
        {"series": series.pk, "title": "X", "case_type": "allmant", "number": number},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert not Case.objects.exists() and AuditEntry.objects.count() == before


def test_register_document_with_file_and_download(client, registrar, case):
    client.force_login(registrar)
    upload = SimpleUploadedFile("motion.pdf", pdf_bytes("Motion"), content_type="application/pdf")
    response = client.post(
        reverse("registry:document_register", args=[case.pk]),
        {
            "kind": "inkommen",
            "date": "2020-06-16",
            "counterpart": "Willhelm Sundman (L)",
            "description": "Motion",
            "visibility": "offentlig",
            "secrecy": "",
            "file": upload,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.number == "20RS6617-1"
    download = client.get(reverse("registry:document_file", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "2999-01-01"}, "ligger i framtiden"),
        ({"date": "igår"}, "Fyll i ett giltigt datum"),
        (
            {"file": SimpleUploadedFile("beslut.pdf", b"<html><script>x</script></html>")},
            "innehållet är inte en PDF",
        ),
        ({"visibility": "sekretess"}, "måste ange lagrum"),
    ],
)
def test_register_document_bad_input(client, registrar, case, fields, message):
    client.force_login(registrar)
    data = {
        "kind": "inkommen",
        "date": "2020-06-16",
        "description": "Skrivelse",
        "visibility": "offentlig",
        "secrecy": "",
    }
    data.update(fields)
    response = client.post(reverse("registry:document_register", args=[case.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_elected_member_cannot_register(client, elected, case, series):
    client.force_login(elected)
    assert client.get(reverse("registry:case_register")).status_code == 403
    response = client.post(reverse("registry:document_register", args=[case.pk]), {})
    assert response.status_code == 403
    assert "behörighet" in response.content.decode()


def test_secret_document_is_neither_listed_nor_downloadable_for_others(
    client, registrar, elected, case
):
    secret = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Hemlig bilaga",
        visibility=Visibility.SECRET,
        secrecy="OSL 18 kap. 8 §",
        file=__import__("io").BytesIO(pdf_bytes()),
        file_name="bilaga.pdf",
        today=TODAY,
    )
    client.force_login(elected)
    page = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert "Hemlig bilaga" not in page and "1 handling i ärendet omfattas av sekretess" in page
    assert client.get(reverse("registry:document_file", args=[secret.pk])).status_code == 404
    client.force_login(registrar)
    assert client.get(reverse("registry:document_file", args=[secret.pk])).status_code == 200


def test_case_search(client, elected, case):
    client.force_login(elected)
    page = client.get(reverse("registry:case_list"), {"q": "20rs6617"}).content.decode()
    assert "Motion om gröna obligationer" in page
    fragment = client.get(
        reverse("registry:case_list"), {"q": "ingenting"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in fragment and "Inga ärenden matchar" in fragment


def test_the_same_file_twice_in_a_case_is_asked_about(client, registrar, case):
    client.force_login(registrar)
    url = reverse("registry:document_register", args=[case.pk])
    pdf = pdf_bytes("Motion")

    def post(description: str, **extra: str):
        return client.post(
            url,
            {
                "kind": "inkommen",
                "date": "2020-06-16",
                "description": description,
                "visibility": "offentlig",
                "file": SimpleUploadedFile("motion.pdf", pdf, content_type="application/pdf"),
                **extra,
            },
        )

    assert post("Motion").status_code == 302
    asked = post("Motion igen")
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Ärendet har redan samma fil: handling 20RS6617-1 (Motion)" in page
    assert 'type="checkbox" name="confirmed"' in page
    assert Document.objects.count() == 1  # asking wrote nothing
    assert post("Motion igen", confirmed="on").status_code == 302
    assert Document.objects.count() == 2
