"""The archive's writes to the database: a case's history says when it was delivered."""

from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.registry.models import Case


@transaction.atomic
def case_packaged(*, actor: User | None, case: Case, package_id: str) -> None:
    """Write in the case's history that it was exported to an e-archive package."""
    audit_record(
        actor=actor,
        action="case_packaged",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Exporterades till e-arkivpaketet {package_id} (FGS 2.0, E-ARK SIP).",
    )
