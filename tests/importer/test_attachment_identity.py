"""An attachment is the same document when its content is the same (SHA-256), whatever
the notice calls it; a changed text is a new document of the case."""

import datetime

import pytest
from django.db import transaction

from kansli.importer.parsing.parsed import Attachment
from kansli.importer.writing.cases import attachments
from kansli.importer.writing.log import Log
from kansli.registry.models import Document
from kansli.registry.services import case_register

DAY = datetime.date(2020, 8, 12)
TEXT = "Motion om gröna obligationer. Vi föreslår att regionen ger ut gröna obligationer."


@pytest.fixture
def case(body, series):
    return case_register(actor=None, body=body, series=series, title="Motion om obligationer")


def imported(case, *items: Attachment) -> Log:
    log = Log()
    with transaction.atomic():
        attachments(None, case, list(items), DAY, log)
    return log


def test_the_same_content_under_another_name_is_recognised(case):
    imported(case, Attachment("Motion från Willhelm Sundman (L)", TEXT, 10))
    log = imported(case, Attachment("Motion, Sundman", TEXT, 12))
    assert Document.objects.filter(case=case).count() == 1
    assert log.created_lines == []
    assert log.existing_lines == [f"Handling ”Motion, Sundman” i {case.number} ({case.number}-1)"]


def test_a_changed_text_under_the_same_name_is_a_new_document(case):
    imported(case, Attachment("Motion från Willhelm Sundman (L)", TEXT, 10))
    log = imported(case, Attachment("Motion från Willhelm Sundman (L)", TEXT + " Rättad.", 10))
    assert Document.objects.filter(case=case).count() == 2
    assert log.created_lines == [f"Handling ”Motion från Willhelm Sundman (L)” i {case.number}"]
