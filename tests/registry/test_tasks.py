import datetime
import io

import pytest
import typst
from django.core.management import call_command

from kansli.registry import services
from kansli.registry.models import Document, DocumentKind

from .helpers import pdf_bytes


@pytest.mark.django_db(transaction=True)
def test_worker_counts_the_pages_of_a_registered_pdf(registrar, body, series):
    case = services.case_register(
        actor=registrar, body=body, series=series, title="Rapport", today=datetime.date(2020, 8, 26)
    )
    three_pages = typst.compile(b"A\n#pagebreak()\nB\n#pagebreak()\nC")
    document = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.DRAWN_UP,
        date=datetime.date(2020, 8, 26),
        description="Rapport",
        file=io.BytesIO(three_pages),
        file_name="rapport.pdf",
        today=datetime.date(2020, 8, 26),
    )
    assert Document.objects.get(pk=document.pk).pages is None
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert Document.objects.get(pk=document.pk).pages == 3
    services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 26),
        description="Bild",
        today=datetime.date(2020, 8, 26),
        file=io.BytesIO(pdf_bytes()),
        file_name="bilaga.pdf",
    )
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert set(Document.objects.values_list("pages", flat=True)) == {3, 1}
