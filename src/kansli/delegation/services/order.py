"""The delegation order: the points an organization has delegated."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import text_field
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Organization

from ..models import DelegationPoint
from ..permissions import EDIT_ORDER
from ._common import check_organization


def _checked(code: str, title: str, delegate: str) -> tuple[str, str, str]:
    errors: dict[str, str] = {}
    code = text_field(errors, "code", code, 20, "Ange punktens nummer, till exempel ”3.2”.")
    title = text_field(errors, "title", title, 300, "Ange vilka ärenden punkten gäller.")
    delegate = text_field(
        errors, "delegate", delegate, 200, "Ange delegaten, till exempel ”Regiondirektören”."
    )
    if errors:
        raise ValidationError(errors)
    return code, title, delegate


@transaction.atomic
def delegation_point_create(
    *,
    actor: User | None,
    organization: Organization,
    code: str,
    title: str,
    delegate: str,
    reported: bool = True,
) -> DelegationPoint:
    """Add a point to an organization's delegation order, as the organization decided it."""
    if actor is not None:
        require(actor, EDIT_ORDER)
    check_organization(organization)
    code, title, delegate = _checked(code, title, delegate)
    if DelegationPoint.objects.filter(organization=organization, code=code).exists():
        raise ValidationError(
            {"code": f"Punkt {code} finns redan i delegationsordningen för {organization}."}
        )
    point = DelegationPoint(
        organization=organization, code=code, title=title, delegate=delegate, reported=reported
    )
    point.full_clean()
    point.save()
    audit_record(
        actor=actor,
        action="delegation_point_create",
        obj=point,
        scope=f"organization:{organization.pk}",
        summary=f"La till punkt {code} i delegationsordningen för {organization}: {title} "
        f"({delegate}{'' if reported else ', anmäls inte'}).",
    )
    return point


@transaction.atomic
def delegation_point_update(
    *,
    actor: User | None,
    point: DelegationPoint,
    title: str,
    delegate: str,
    reported: bool,
    is_active: bool,
) -> DelegationPoint:
    """Change a point (its number stays: decisions refer to it). A point no longer in force
    is kept, inactive, for the decisions taken under it."""
    if actor is not None:
        require(actor, EDIT_ORDER)
    point = DelegationPoint.objects.select_for_update().get(pk=point.pk)
    _, title, delegate = _checked(point.code, title, delegate)
    before = {
        "title": point.title,
        "delegate": point.delegate,
        "reported": point.reported,
        "is_active": point.is_active,
    }
    point.title, point.delegate = title, delegate
    point.reported, point.is_active = reported, is_active
    after = {
        "title": title,
        "delegate": delegate,
        "reported": reported,
        "is_active": is_active,
    }
    changes = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
    if not changes:
        return point
    point.full_clean()
    point.save()
    audit_record(
        actor=actor,
        action="delegation_point_update",
        obj=point,
        scope=f"organization:{point.organization_id}",
        summary=f"Ändrade punkt {point.code} i delegationsordningen.",
        changes=changes,
    )
    return point
