import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.registry import services
from kansli.registry.models import Case, CaseNumberCounter, Document, DocumentKind, Visibility
from kansli.registry.permissions import REGISTER_CASES

from .helpers import docx_bytes, pdf_bytes

TODAY = datetime.date(2020, 8, 26)


def register(actor, body, series, **kwargs):
    kwargs.setdefault("title", "Motion om gröna obligationer")
    kwargs.setdefault("today", TODAY)
    return services.case_register(actor=actor, body=body, series=series, **kwargs)


def test_case_register_allocates_next_number_of_series_and_year(registrar, body, series):
    first = register(registrar, body, series)
    second = register(registrar, body, series, title="Delårsrapport 2020")
    assert (first.number, second.number) == ("20RS1", "20RS2")
    next_year = register(
        registrar,
        body,
        series,
        title="Budget",
        registered_on=datetime.date(2021, 1, 4),
        today=datetime.date(2021, 1, 4),
    )
    assert next_year.number == "21RS1"


def test_existing_number_is_kept_and_allocation_skips_it(registrar, body, series):
    legacy = register(registrar, body, series, number="20RS2")
    assert legacy.number == "20RS2"
    assert [register(registrar, body, series, title=t).number for t in "ab"] == ["20RS1", "20RS3"]


def test_ks_format_body(registrar, db):
    from kansli.people.services import body_create

    municipality = body_create(
        actor=None, name="Exempel kommun", case_number_format="{SERIES} {YYYY}/{N}"
    )
    ks = services.series_create(actor=None, body=municipality, code="KS", name="Kommunstyrelsen")
    case = register(registrar, municipality, ks)
    assert case.number == "KS 2020/1"
    doc = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Skrivelse",
        today=TODAY,
    )
    assert doc.number == "KS 2020/1-1"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"number": "2020-RS-6617"}, "number", "inte ett diarienummer"),
        ({"number": "KS 2018/124"}, "number", "inte ett diarienummer"),
        ({"number": "20OLL17"}, "number", "hör till serien OLL"),
        ({"title": "   "}, "title", "Ange ärendemening"),
        ({"registered_on": datetime.date(2020, 8, 27)}, "registered_on", "framtiden"),
        ({"secrecy": "hemligt"}, "secrecy", "OSL 21 kap. 1 §"),
    ],
)
def test_case_register_refuses_bad_input_without_writing(
    registrar, body, series, kwargs, field, message
):
    before = (Case.objects.count(), AuditEntry.objects.count(), CaseNumberCounter.objects.count())
    with pytest.raises(ValidationError) as caught:
        register(registrar, body, series, **kwargs)
    assert message in " ".join(caught.value.message_dict[field])
    after = (Case.objects.count(), AuditEntry.objects.count(), CaseNumberCounter.objects.count())
    assert after == before


def test_taken_number_is_refused(registrar, body, series):
    register(registrar, body, series, number="20RS6617")
    with pytest.raises(ValidationError, match="redan registrerat"):
        register(registrar, body, series, number="20rs6617")


def test_elected_member_may_not_register(elected, body, series):
    with pytest.raises(PermissionDenied, match=re.escape(REGISTER_CASES.refusal)):
        register(elected, body, series)
    assert not Case.objects.exists()


def test_documents_are_numbered_per_case_and_audited(registrar, body, series):
    case = register(registrar, body, series, number="20RS8413")
    incoming = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 18),
        counterpart="Jihad Menhem (V)",
        description="Motion om avgiftsfritt TBE-vaccin",
        file=io.BytesIO(pdf_bytes("Motion")),
        file_name="motion.pdf",
        today=TODAY,
    )
    memo = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.DRAWN_UP,
        date=TODAY,
        description="Föredragnings-PM",
        today=TODAY,
    )
    assert (incoming.number, memo.number) == ("20RS8413-1", "20RS8413-2")
    assert incoming.content_type == "application/pdf"
    assert len(incoming.sha256) == 64
    assert incoming.file.read().startswith(b"%PDF-")
    history = list(AuditEntry.objects.filter(scope=f"case:{case.pk}").order_by("id"))
    assert [e.action for e in history] == [
        "case_register",
        "document_register",
        "document_register",
    ]
    assert all(e.actor == registrar for e in history)
    assert "20RS8413-1" in history[1].summary


def test_secret_document_summary_withholds_description(registrar, body, series):
    case = register(registrar, body, series)
    services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Läkarintyg för namngiven person",
        visibility=Visibility.SECRET,
        secrecy="OSL 21 kap. 1 §",
        today=TODAY,
    )
    entry = AuditEntry.objects.get(action="document_register")
    assert "Läkarintyg" not in entry.summary
    assert "OSL 21 kap. 1 §" in entry.summary


def test_a_secrecy_marking_states_provision_date_and_authority(registrar, body, series):
    """OSL 5 kap. 5 §: the marking names the provision applied, the date it was made and the
    authority that made it."""
    case = register(registrar, body, series)
    document = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 20),
        description="Läkarintyg",
        visibility=Visibility.SECRET,
        secrecy="OSL 21 kap. 1 §",
        today=TODAY,
    )
    document.refresh_from_db()
    assert document.secrecy_marked_on == TODAY  # the day it was marked, not the letter's date
    assert document.secrecy_authority == body.name
    assert document.secrecy_marking == f"OSL 21 kap. 1 §, markerad 2020-08-26 av {body.name}"
    secret_case = register(registrar, body, series, secrecy="OSL 26 kap. 1 §")
    assert secret_case.secrecy_marked_on == TODAY
    assert secret_case.secrecy_marking.startswith("OSL 26 kap. 1 §, markerad 2020-08-26 av ")
    public = register(registrar, body, series, title="Öppet ärende")
    assert public.secrecy_marked_on is None and public.secrecy_authority == ""


def test_a_marking_of_a_case_names_its_responsible_organization(registrar, body, series, board):
    case = register(registrar, body, series, organization=board, secrecy="OSL 21 kap. 1 §")
    assert case.secrecy_authority == board.name


def _document_kwargs(**overrides):
    kwargs = {
        "kind": DocumentKind.INCOMING,
        "date": TODAY,
        "description": "Skrivelse",
        "today": TODAY,
    }
    kwargs.update(overrides)
    return kwargs


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date": datetime.date(2020, 8, 27)}, "date", "ligger i framtiden"),
        ({"description": " "}, "description", "kort beskrivning"),
        ({"kind": "okänd"}, "kind", "inkommen, upprättad eller utgående"),
        ({"visibility": Visibility.SECRET}, "secrecy", "måste ange lagrum"),
        ({"secrecy": "OSL 21 kap. 1 §"}, "secrecy", "bara för handlingar med sekretess"),
        ({"visibility": Visibility.SECRET, "secrecy": "<script>"}, "secrecy", "Ange lagrum"),
        (
            {"file": io.BytesIO(b"MZ\x90\x00 not a pdf"), "file_name": "beslut.pdf"},
            "file",
            "innehållet är inte en PDF",
        ),
        (
            {"file": io.BytesIO(pdf_bytes()), "file_name": "beslut.docx"},
            "file",
            "inte en Word-dokument",
        ),
        ({"file": io.BytesIO(docx_bytes()), "file_name": "beslut.pdf"}, "file", "(Word-dokument)"),
        (
            {"file": io.BytesIO(b"#!/bin/sh\nrm -rf /\n"), "file_name": "run.sh"},
            "file",
            "Filtypen .sh tas inte emot",
        ),
        ({"file": io.BytesIO(b""), "file_name": "tom.pdf"}, "file", "tom"),
    ],
)
def test_document_register_refuses_bad_input_without_writing(
    registrar, body, series, overrides, field, message
):
    case = register(registrar, body, series)
    before = (Document.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as caught:
        services.document_register(actor=registrar, case=case, **_document_kwargs(**overrides))
    assert message in " ".join(caught.value.message_dict[field])
    assert (Document.objects.count(), AuditEntry.objects.count()) == before
    case.refresh_from_db()
    assert case.next_document_number == 1


def test_upload_over_the_limit_is_refused(registrar, body, series, settings):
    settings.KANSLI_MAX_UPLOAD_BYTES = 1000
    case = register(registrar, body, series)
    data = pdf_bytes("x" * 50)
    assert len(data) > 1000
    with pytest.raises(ValidationError, match="för stor"):
        services.document_register(
            actor=registrar,
            case=case,
            **_document_kwargs(file=io.BytesIO(data), file_name="stor.pdf"),
        )
    assert not Document.objects.exists()
    assert not list(settings.MEDIA_ROOT.glob("**/*.pdf"))


def test_other_accepted_types(registrar, body, series):
    case = register(registrar, body, series)
    docx = services.document_register(
        actor=registrar,
        case=case,
        **_document_kwargs(file=io.BytesIO(docx_bytes()), file_name="Yttrande.DOCX"),
    )
    text = services.document_register(
        actor=registrar,
        case=case,
        **_document_kwargs(
            file=io.BytesIO("Åäö, en rad text\n".encode()), file_name="anteckning.txt"
        ),
    )
    assert docx.content_type.endswith("wordprocessingml.document")
    assert text.content_type == "text/plain"


def test_closed_case_takes_no_documents(registrar, body, series):
    case = register(registrar, body, series)
    services.case_close(actor=registrar, case=case, today=TODAY)
    with pytest.raises(ValidationError, match="avslutat"):
        services.document_register(actor=registrar, case=case, **_document_kwargs())
