import datetime
from decimal import Decimal

import pytest
from django.db import transaction

from kansli.core import formatting
from kansli.core.audit import audit_record
from kansli.core.models import AuditEntry


def test_swedish_numbers_and_dates():
    assert formatting.format_number(1305500) == "1\xa0305\xa0500"
    assert formatting.format_number(Decimal("5689.45"), 1) == "5\xa0689,5"
    assert formatting.format_number(-1200) == "−1\xa0200"
    assert formatting.format_amount(1250000) == "1\xa0250\xa0000\xa0kr"
    assert formatting.format_date(datetime.date(2020, 8, 26)) == "2020-08-26"
    assert (
        formatting.format_date_range(datetime.date(2020, 8, 26), datetime.date(2022, 12, 31))
        == "2020-08-26 – 2022-12-31"
    )


@pytest.mark.django_db(transaction=True)
def test_audit_outside_a_transaction_is_refused(body):
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        audit_record(actor=None, action="x", obj=body, summary="x")


@pytest.mark.django_db(transaction=True)
def test_audit_row_rolls_back_with_the_change(body):
    before = AuditEntry.objects.count()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit_record(actor=None, action="x", obj=body, summary="x")
        1 / 0  # noqa: B018
    assert AuditEntry.objects.count() == before
