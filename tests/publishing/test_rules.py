import pytest
from django.core.exceptions import ValidationError

from kansli.publishing import services
from kansli.publishing.models import FindingKind, Publication
from kansli.publishing.rules import may_be_released
from kansli.registry.services import case_register

from ..minutes.helpers import D
from .world import register


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        (FindingKind.PERSONAL_NUMBER, False),
        (FindingKind.PHONE, True),
        (FindingKind.EMAIL, True),
        (FindingKind.ADDRESS, True),
        (FindingKind.MANUAL, True),
    ],
)
def test_only_a_personal_number_may_never_be_released(kind, allowed):
    assert may_be_released(kind) is allowed


@pytest.mark.django_db
def test_the_review_refuses_to_release_a_personal_number(body, series, registrar):
    case = case_register(
        actor=None, body=body, series=series, title="Ansökan", registered_on=D(2020, 8, 1)
    )
    document = register(case, "Ansökan", text="Sökande 19811218-9876 ansöker om bidrag.")
    finding = Publication.objects.get(document=document).findings.get()
    with pytest.raises(ValidationError, match="publiceras aldrig"):
        services.finding_set_masked(actor=registrar, finding=finding, masked=False)
    finding.refresh_from_db()
    assert finding.masked
