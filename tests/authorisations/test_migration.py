"""The migration to revocation by the way an authorisation was given keeps what the register
showed: a row revoked before keeps its last day."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kansli.authorisations import selectors
from kansli.authorisations.models import Authorisation

D = datetime.date


@pytest.mark.django_db(transaction=True)
def test_a_revoked_row_keeps_its_day_and_is_a_bank_authorisation(body, board, elected):
    executor = MigrationExecutor(connection)
    before = [("authorisations", "0001_initial")]
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps.get_model(
            "authorisations", "Authorisation"
        )
        common = {"body_id": body.pk, "organization_id": board.pk, "scope": "betala"}
        old.objects.create(
            holder_name="Återkallad", valid_from=D(2017, 3, 1), revoked_on=D(2020, 8, 26), **common
        )
        old.objects.create(holder_name="Gäller", valid_from=D(2020, 8, 26), **common)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    revoked = Authorisation.objects.get(holder_name="Återkallad")
    assert revoked.given_by == "tredje_man"
    assert revoked.revocation_decided_on == revoked.third_party_told_on == D(2020, 8, 26)
    in_force = Authorisation.objects.get(holder_name="Gäller")
    assert in_force.given_by == "tredje_man" and in_force.revocation_decided_on is None
    assert in_force.third_party_told_on is None

    def names(day):
        found = selectors.authorisation_list(viewer=elected, body=body, on_day=day)
        return [a.holder_name for a in found]

    assert names(D(2020, 8, 25)) == ["Återkallad"]
    assert names(D(2020, 8, 26)) == ["Gäller"]
