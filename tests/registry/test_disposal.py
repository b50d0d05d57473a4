"""Disposal (gallring, Arkivlagen 10 §): what the plan lets go is listed, an archivist's
decision removes the files and keeps a record of what went, when and by which decision; the
register entries remain, also a secret document's; nothing the plan keeps, nothing of an
open case and nothing before its period is disposed of."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.registry import plan_csv, services
from kansli.registry.models import ClassNode, DisposalRecord, Document, DocumentKind, Visibility
from kansli.registry.retention import SECRET_DESCRIPTION, disposal_due
from kansli.registry.services.disposal import disposal_decide
from kansli.registry.services.plan import plan_import

D = datetime.date
TODAY = D(2026, 3, 17)
PLAN = """klass;benämning;handlingstyp;åtgärd;gallringsfrist
1;Styra och leda;;;
1.1;Politisk styrning;;;
1.1.1;Bereda ärenden;;Bevaras;
1.1.1;;Kallelse;Gallras;2 år
1.1.1;;Minnesanteckning;Gallras;vid inaktualitet
"""


def planned_case(body, series, title, registered_on):
    """The plan read in, and a case of its process 1.1.1 registered on that day."""
    plan_import(actor=None, body=body, sheet=plan_csv.read_text(PLAN, known={}))
    return services.case_register(
        actor=None,
        body=body,
        series=series,
        title=title,
        registered_on=registered_on,
        process=ClassNode.objects.get(body=body, code="1.1.1"),
    )


def dispose(actor, case, reference):
    """The case's notice disposed of today by `actor`, with `reference`."""
    notice = case.documents.get(document_type="Kallelse")
    return disposal_decide(
        actor=actor, body=case.body, documents=[notice], reference=reference, today=TODAY
    )


@pytest.fixture
def world(body, series):
    case = planned_case(body, series, "Budget 2023", D(2023, 1, 10))

    def document(description, document_type, **extra):
        return services.document_register(
            actor=None,
            case=case,
            kind=DocumentKind.DRAWN_UP,
            date=D(2023, 1, 12),
            description=description,
            document_type=document_type,
            file=io.BytesIO(f"{description}\n".encode()),
            file_name=f"{document_type or 'handling'}.txt",
            **extra,
        )

    docs = {
        "notice": document("Kallelse till sammanträdet", "Kallelse"),
        "minutes": document("Protokoll", "Protokoll"),
        "note": document(
            "Minnesanteckning om vårdplats",
            "Minnesanteckning",
            visibility=Visibility.SECRET,
            secrecy="OSL 25 kap. 1 §",
        ),
    }
    services.case_close(actor=None, case=case, closed_on=D(2023, 6, 1), decision="RS § 9")
    return case, docs


def test_the_due_list_holds_what_the_plan_lets_go(world, registrar, archivist):
    case, docs = world
    due = disposal_due(viewer=archivist, body=case.body, today=TODAY)
    assert [item.document for item in due] == [docs["notice"], docs["note"]]
    assert due[0].due_on == D(2025, 6, 1)  # two years after the case was closed
    assert due[1].due_on == D(2023, 6, 1)  # vid inaktualitet: once the case is closed
    assert due[1].description == SECRET_DESCRIPTION  # the archivist does not read it
    assert disposal_due(viewer=registrar, body=case.body, today=TODAY)[1].description == (
        "Minnesanteckning om vårdplats"
    )
    # before the period has run, the notice is not due
    early = disposal_due(viewer=archivist, body=case.body, today=D(2025, 5, 31))
    assert [item.document for item in early] == [docs["note"]]


def test_a_disposal_removes_the_files_and_keeps_the_entries_and_a_record(
    world, archivist, django_capture_on_commit_callbacks
):
    case, docs = world
    names = [docs["notice"].file.name, docs["note"].file.name]
    with django_capture_on_commit_callbacks(execute=True):
        decision = disposal_decide(
            actor=archivist,
            body=case.body,
            documents=[docs["notice"], docs["note"]],
            reference="Informationshanteringsplan RS 2025-12",
            today=TODAY,
        )
    for key in ("notice", "note"):
        document = Document.objects.get(pk=docs[key].pk)  # the register entry remains
        assert not document.file and document.text == ""
        record = DisposalRecord.objects.get(document=document)
        assert record.decision == decision and record.sha256 == docs[key].sha256
    assert Document.objects.get(pk=docs["note"].pk).secrecy == "OSL 25 kap. 1 §"
    assert not any(default_storage.exists(name) for name in names)
    assert default_storage.exists(Document.objects.get(pk=docs["minutes"].pk).file.name)
    history = AuditEntry.objects.filter(scope=f"case:{case.pk}", action="document_dispose")
    assert history.count() == 2
    assert "Informationshanteringsplan RS 2025-12" in history.first().summary
    assert disposal_due(viewer=archivist, body=case.body, today=TODAY) == []


@pytest.mark.parametrize(
    ("key", "today", "message"),
    [
        ("minutes", TODAY, "ska bevaras"),
        ("notice", D(2025, 5, 31), "inte gallras förrän 2025-06-01"),
    ],
)
def test_what_the_plan_keeps_or_is_not_yet_due_is_refused_and_nothing_goes(
    world, archivist, key, today, message
):
    case, docs = world
    with pytest.raises(ValidationError) as error:
        disposal_decide(
            actor=archivist,
            body=case.body,
            documents=[docs["note"], docs[key]],
            reference="Plan",
            today=today,
        )
    assert docs[key].number in str(error.value) and message in str(error.value)
    assert not DisposalRecord.objects.exists()
    assert all(Document.objects.get(pk=d.pk).file for d in docs.values())


def test_an_open_case_and_an_unclassified_case_are_not_disposed_of(world, archivist, series):
    case, _docs = world
    services.case_reopen(actor=None, case=case, reason="Ny skrivelse")
    with pytest.raises(ValidationError, match="ärendet är inte avslutat"):
        dispose(archivist, case, "P")
    services.case_classify(actor=None, case=case, process=None)
    services.case_close(actor=None, case=case, closed_on=TODAY)
    with pytest.raises(ValidationError, match="står inte i informationshanteringsplanen"):
        dispose(archivist, case, "P")


def test_a_disposal_needs_a_reference_an_archivist_and_is_not_done_twice(
    world, archivist, registrar
):
    case, docs = world
    with pytest.raises(ValidationError, match="Ange vilket beslut"):
        dispose(archivist, case, " ")
    with pytest.raises(PermissionDenied):
        dispose(registrar, case, "P")
    disposal_decide(
        actor=archivist, body=case.body, documents=[docs["notice"]], reference="P", today=TODAY
    )
    with pytest.raises(ValidationError, match="redan gallrad"):
        dispose(archivist, case, "P")


def test_the_disposal_page(client, world, archivist):
    case, docs = world
    client.force_login(archivist)
    url = reverse("registry:disposal")
    page = client.get(url).content.decode()
    assert docs["notice"].number in page and SECRET_DESCRIPTION in page
    assert "Minnesanteckning om vårdplats" not in page
    refused = client.post(url, {"documents": [str(docs["notice"].pk)], "reference": ""})
    assert refused.status_code == 200 and "Ange vilket beslut" in refused.content.decode()
    forged = client.post(url, {"documents": [str(docs["minutes"].pk)], "reference": "P"})
    assert forged.status_code == 200 and not DisposalRecord.objects.exists()
    done = client.post(url, {"documents": [str(docs["notice"].pk)], "reference": "Plan RS"})
    assert done.status_code == 302
    detail = client.get(done["Location"]).content.decode()
    assert docs["notice"].number in detail and "Plan RS" in detail
    case_page = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert "Gallrad 2026-03-17" in case_page  # the entry stays, its file is gone
    assert "Bevaras" in case_page and "Gallras efter 2 år" in case_page  # by the plan


def test_a_published_document_leaves_the_portal_and_the_search_with_its_file(
    body, series, registrar, client, django_capture_on_commit_callbacks
):
    from kansli.publishing.models import Publication
    from kansli.publishing.services import publication_approve
    from kansli.search.models import SearchEntry

    from .helpers import inspected, pdf_bytes

    case = planned_case(body, series, "Sammanträdesplanering", D(2020, 8, 1))
    text = "Kallelse till sammanträdet om pendeltåg. Kontakt: Anna Andersson, 070-123 45 67."
    with django_capture_on_commit_callbacks(execute=True):
        document, publication = inspected(case, pdf_bytes(text), "kallelse.pdf", "Kallelse")
        Document.objects.filter(pk=document.pk).update(document_type="Kallelse")
        publication_approve(actor=registrar, publication=publication)
    publication.refresh_from_db()
    assert publication.masked_file and "pendeltåg" in publication.masked_text
    masked_name = publication.masked_file.name
    url = reverse("publishing:document_file", args=[document.pk])
    assert client.get(url).status_code == 200
    assert "pendeltåg" in SearchEntry.objects.get(key=f"document:{document.pk}").text
    services.case_close(actor=None, case=case, closed_on=D(2020, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        dispose(None, case, "Informationshanteringsplan RS 2020-10")
    publication = Publication.objects.get(pk=publication.pk)
    assert not publication.masked_file and publication.masked_text == ""
    assert not default_storage.exists(masked_name)
    assert client.get(url).status_code == 404
    entry = SearchEntry.objects.get(key=f"document:{document.pk}")
    assert "pendeltåg" not in entry.text  # the register entry remains, findable by its title


def test_a_secret_documents_file_name_is_withheld_on_the_record(world, archivist, client):
    case, docs = world
    decision = disposal_decide(
        actor=archivist, body=case.body, documents=[docs["note"]], reference="P", today=TODAY
    )
    client.force_login(archivist)
    page = client.get(reverse("registry:disposal_detail", args=[decision.pk])).content.decode()
    assert docs["note"].number in page
    assert "Minnesanteckning.txt" not in page and "vårdplats" not in page
    assert "Filnamnet omfattas av sekretess" in page


def test_only_archivists_open_the_disposal_pages(world, registrar, client):
    client.force_login(registrar)
    assert client.get(reverse("registry:disposal")).status_code == 403
    assert client.post(reverse("registry:disposal"), {"reference": "P"}).status_code == 403
    assert not DisposalRecord.objects.exists()


def test_the_list_and_the_rule_agree_on_the_last_day_of_february(body, series, archivist):
    case = planned_case(body, series, "Skottår", D(2020, 2, 1))
    notice = services.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.DRAWN_UP,
        date=D(2020, 2, 3),
        description="Kallelse",
        document_type="kallelse",  # the plan's type, written in other case
        file=io.BytesIO(b"Kallelse\n"),
        file_name="kallelse.txt",
    )
    services.case_close(actor=None, case=case, closed_on=D(2020, 2, 29))
    before = disposal_due(viewer=archivist, body=body, today=D(2022, 2, 27))
    on_the_day = disposal_due(viewer=archivist, body=body, today=D(2022, 2, 28))
    assert before == [] and [item.document for item in on_the_day] == [notice]
