"""The archive's writes to the database: a case's history says when it was delivered."""

from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.registry.models import Case
from kansli.registry.selectors import case_record


@transaction.atomic
def case_packaged(*, actor: User | None, case: Case, package_id: str, once: bool = False) -> None:
    """Write in the case's history that it was exported to an e-archive package; with
    `once`, only when no row says so yet (a resumed export)."""
    summary = f"Exporterades till e-arkivpaketet {package_id} (FGS 2.0, E-ARK SIP)."
    if once and case_record(case).filter(action="case_packaged", summary=summary).exists():
        return
    audit_record(
        actor=actor,
        action="case_packaged",
        obj=case,
        scope=f"case:{case.pk}",
        summary=summary,
    )
