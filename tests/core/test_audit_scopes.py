"""One write in several histories: audit_record's `also_in` repeats the row under each
further scope, once each, never twice under the same one."""

import pytest
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import AuditEntry


@pytest.mark.django_db
def test_a_write_is_in_each_history_it_belongs_to_once(body):
    with transaction.atomic():
        entry = audit_record(
            actor=None,
            action="dispatch_send",
            obj=body,
            scope="meeting:1",
            also_in=["case:7", "case:7", "meeting:1", ""],
            summary="Expedierade § 2.",
            changes={"x": [1, 2]},
        )
    rows = AuditEntry.objects.filter(action="dispatch_send").order_by("pk")
    assert [r.scope for r in rows] == ["meeting:1", "case:7"]
    assert rows[0] == entry
    assert {(r.summary, r.object_id, str(r.changes)) for r in rows} == {
        ("Expedierade § 2.", str(body.pk), "{'x': [1, 2]}")
    }
