"""The privacy step: what is found, what waits, what the public gets."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from kansli.core.models import AuditEntry
from kansli.publishing import services
from kansli.publishing.models import FindingKind, Publication, ReviewStatus
from kansli.publishing.selectors import public_file, review_queue
from kansli.registry.models import DocumentKind, Visibility
from kansli.registry.selectors import document_list
from kansli.registry.services import case_register, document_register
from kansli.registry.tasks import document_inspect

from ..minutes.helpers import D
from ..registry.helpers import pdf_bytes
from .world import PRIVATE_PHONE, register

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "19811218-9876"  # a valid check digit, made up


@pytest.fixture
def case(body, series, board):
    return case_register(
        actor=None,
        body=body,
        series=series,
        title="Skrivelse",
        organization=board,
        registered_on=D(2020, 8, 1),
    )


def public_pdf_text(document) -> str:
    file, _ = public_file(document)
    with file.open("rb") as handle:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_a_document_without_personal_data_is_published_at_once(case):
    document = register(case, "Yttrande", text="Nämnden tillstyrker förslaget.")
    publication = Publication.objects.get(document=document)
    assert publication.status == ReviewStatus.APPROVED
    assert publication.reviewed_by is None
    assert list(document_list(viewer=None, case=case)) == [document]
    file, _ = public_file(document)
    assert file.name == document.file.name  # nothing masked: the original


def test_a_document_with_personal_data_waits_and_is_not_public(case, registrar):
    document = register(
        case, "Skrivelse", text=f"Jag nås på {PRIVATE_PHONE}, personnummer {PERSONAL_NUMBER}."
    )
    publication = Publication.objects.get(document=document)
    assert publication.status == ReviewStatus.WAITING
    kinds = sorted(f.kind for f in publication.findings.all())
    assert kinds == [FindingKind.PERSONAL_NUMBER, FindingKind.PHONE]
    assert list(document_list(viewer=None, case=case)) == []
    assert list(review_queue(viewer=registrar)) == [publication]

    services.publication_approve(actor=registrar, publication=publication)
    publication.refresh_from_db()
    assert publication.status == ReviewStatus.APPROVED
    assert publication.reviewed_by == registrar
    assert list(document_list(viewer=None, case=case)) == [document]
    text = public_pdf_text(document)
    assert "[telefonnummer]" in text and "[personnummer]" in text
    assert "123 45 67" not in text and "9876" not in text
    assert AuditEntry.objects.filter(action="publication_approve", actor=registrar).exists()


def test_a_released_finding_is_published_as_written(case, registrar):
    document = register(case, "Skrivelse", text=f"Växeln har nummer {PRIVATE_PHONE}.")
    publication = Publication.objects.get(document=document)
    finding = publication.findings.get()
    services.finding_set_masked(actor=registrar, finding=finding, masked=False)
    services.publication_approve(actor=registrar, publication=publication)
    publication.refresh_from_db()
    assert not publication.masked_file  # nothing masked: the original is published
    assert PRIVATE_PHONE in publication.masked_text


def test_the_reviewer_masks_what_kansli_did_not_find(case, registrar):
    document = register(case, "Skrivelse", text="Sven Svensson skriver. Hälsningar, Sven Svensson")
    publication = Publication.objects.get(document=document)
    assert publication.status == ReviewStatus.APPROVED  # nothing found: published
    services.publication_reopen(actor=registrar, publication=publication)
    assert list(document_list(viewer=None, case=case)) == []
    added = services.finding_add(actor=registrar, publication=publication, text=" sven  svensson ")
    assert len(added) == 2
    services.publication_approve(actor=registrar, publication=publication)
    text = public_pdf_text(document)
    assert "Svensson" not in text and text.count("[maskerat]") == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Skriv den text"), ("finns inte", "finns inte i handlingen"), ("x" * 501, "högst 500")],
)
def test_bad_manual_masks_are_refused_and_change_nothing(case, registrar, text, message):
    document = register(case, "Skrivelse", text=f"Ring {PRIVATE_PHONE}.")
    publication = Publication.objects.get(document=document)
    with pytest.raises(ValidationError, match=message):
        services.finding_add(actor=registrar, publication=publication, text=text)
    assert publication.findings.count() == 1


def test_only_the_registry_secretaries_and_the_cases_official_may_review(
    case, elected, other_official_user
):
    document = register(case, "Skrivelse", text=f"Ring {PRIVATE_PHONE}.")
    publication = Publication.objects.get(document=document)
    for outsider in (elected, other_official_user):
        with pytest.raises(PermissionDenied):
            services.publication_approve(actor=outsider, publication=publication)
    publication.refresh_from_db()
    assert publication.status == ReviewStatus.WAITING
    assert list(review_queue(viewer=elected)) == []


def test_an_approved_publication_cannot_be_changed_until_reopened(case, registrar):
    document = register(case, "Skrivelse", text=f"Ring {PRIVATE_PHONE}.")
    publication = Publication.objects.get(document=document)
    services.publication_approve(actor=registrar, publication=publication)
    with pytest.raises(ValidationError, match="redan publicerad"):
        services.finding_set_masked(
            actor=registrar, finding=publication.findings.get(), masked=False
        )
    with pytest.raises(ValidationError, match="redan godkänd"):
        services.publication_approve(actor=registrar, publication=publication)


@pytest.mark.parametrize(
    ("visibility", "secrecy"),
    [(Visibility.INTERNAL, ""), (Visibility.SECRET, "OSL 21 kap. 1 §")],
)
def test_documents_that_are_not_public_never_get_a_publication(case, visibility, secrecy):
    document = register(case, "Handling", visibility=visibility, secrecy=secrecy)
    assert not Publication.objects.filter(document=document).exists()
    assert list(document_list(viewer=None, case=case)) == []


def test_a_file_without_readable_text_waits_for_a_person(case, registrar):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
        b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 8, 10),
        description="Inskannat brev",
        file=io.BytesIO(png),
        file_name="brev.png",
    )
    document_inspect.call(document.pk)
    publication = Publication.objects.get(document=document)
    assert not publication.has_text
    assert publication.status == ReviewStatus.WAITING
    assert list(document_list(viewer=None, case=case)) == []


def test_every_document_waits_when_the_operator_says_so(case, settings):
    settings.KANSLI_PUBLISH_CLEAN_DOCUMENTS = False
    document = register(case, "Yttrande", text="Nämnden tillstyrker förslaget.")
    assert Publication.objects.get(document=document).status == ReviewStatus.WAITING


def test_an_organizations_own_address_is_not_masked(case, board, registrar):
    board.email = "regionstyrelsen@example.se"
    board.save()
    document = register(
        case, "Yttrande", text="Svar till regionstyrelsen@example.se senast fredag."
    )
    assert Publication.objects.get(document=document).status == ReviewStatus.APPROVED


def test_documents_registered_before_the_privacy_step_can_be_prepared_later(case):
    from django.core.management import call_command

    from kansli.registry.models import Document

    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 8, 10),
        description="Äldre skrivelse",
        file=io.BytesIO(pdf_bytes(f"Ring {PRIVATE_PHONE}")),
        file_name="gammal.pdf",
    )
    clean = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 8, 10),
        description="Äldre yttrande",
        file=io.BytesIO(pdf_bytes("Inget personligt")),
        file_name="yttrande.pdf",
    )
    out = io.StringIO()
    call_command("prepare-publications", stdout=out)
    assert "2 handlingar kontrollerades" in out.getvalue()
    assert Publication.objects.get(document=document).status == ReviewStatus.WAITING
    assert list(document_list(viewer=None, case=case)) == [Document.objects.get(pk=clean.pk)]


def test_the_review_queue_holds_only_what_the_viewer_may_review(
    case, official_user, other_official_user, registrar
):
    register(case, "Skrivelse", text=f"Ring {PRIVATE_PHONE}.")
    assert review_queue(viewer=registrar).count() == 1
    assert review_queue(viewer=other_official_user).count() == 0
    case.official = official_user.official
    case.save()
    assert review_queue(viewer=official_user).count() == 1


def test_search_follows_the_publication(case, registrar):
    from kansli.search.selectors import search

    document = register(case, "Yttrande", text="Nämnden tillstyrker vindkraftsparken.")
    assert [h.key for h in search(viewer=None, query="vindkraftsparker").hits] == [
        f"document:{document.pk}"
    ]
    services.publication_reopen(actor=registrar, publication=document.publication)
    assert search(viewer=None, query="vindkraftsparker").hits == []
