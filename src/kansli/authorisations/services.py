"""Writes of authorisations: granted (one row per holder) and revoked, each with an audit row;
the audit rows are the authorisation's history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_meetings
from kansli.people.models import Organization
from kansli.registry.models import Case

from . import rules
from .models import Authorisation

DENIED = (
    "Bara nämndsekreterare, registratorer och administratörer kan föra in och återkalla fullmakter."
)


@transaction.atomic
def authorisation_grant(
    *,
    actor: User | None,
    organization: Organization,
    holders: list[tuple[str, str]],
    scope: str,
    valid_from: datetime.date,
    countersign: str = "",
    decision_reference: str = "",
    case: Case | None = None,
) -> list[Authorisation]:
    """Record a decision granting `holders` (name, title) the right to `scope`, valid from
    `valid_from` until revoked; all rows or none."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
    errors: dict[str, str] = {}
    scope, countersign = one_line(scope), one_line(countersign)
    decision_reference = one_line(decision_reference)
    holders = [(one_line(name), one_line(title)) for name, title in holders if one_line(name)]
    if not holders:
        errors["holders"] = "Ange minst en innehavare."
    elif len(holders) > 20:
        errors["holders"] = "Högst 20 innehavare i ett beslut."
    for name, title in holders:
        if len(name) > 200 or len(title) > 300:
            errors["holders"] = "Namn högst 200 tecken, befattning högst 300."
        elif rules.countersigned_by_holder(name, countersign):
            errors["countersign"] = f"{name} kan inte kontrasignera sin egen fullmakt."
    if not scope:
        errors["scope"] = "Ange vad fullmakten ger rätt att göra."
    elif len(scope) > 1000:
        errors["scope"] = "Högst 1000 tecken."
    if len(countersign) > 500:
        errors["countersign"] = "Högst 500 tecken."
    if len(decision_reference) > 200:
        errors["decision_reference"] = "Högst 200 tecken."
    if case is not None and case.body_id != organization.body_id:
        errors["case"] = f"Ärende {case.number} hör till en annan huvudman."
    if valid_from > timezone.localdate() + datetime.timedelta(days=366):
        errors["valid_from"] = "En fullmakt kan inte börja gälla mer än ett år fram i tiden."
    if errors:
        raise ValidationError(errors)
    granted = []
    for name, title in holders:
        authorisation = Authorisation(
            body=organization.body,
            organization=organization,
            holder_name=name,
            holder_title=title,
            scope=scope,
            countersign=countersign,
            valid_from=valid_from,
            decision_reference=decision_reference,
            case=case,
        )
        authorisation.full_clean()
        authorisation.save()
        audit_record(
            actor=actor,
            action="authorisation_grant",
            obj=authorisation,
            scope=f"authorisation:{authorisation.pk}",
            summary=f"{organization} gav {name} fullmakt från {valid_from.isoformat()}: {scope}"
            + (f", i förening med {countersign}" if countersign else "")
            + ".",
        )
        granted.append(authorisation)
    return granted


@transaction.atomic
def authorisation_revoke(
    *,
    actor: User | None,
    authorisation: Authorisation,
    revoked_on: datetime.date,
    reason: str = "",
) -> Authorisation:
    """Revoke an authorisation from a day on; it stays in the register with its history."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
    authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
    reason = one_line(reason)
    if authorisation.revoked_on is not None:
        raise ValidationError(
            f"Fullmakten är redan återkallad från {authorisation.revoked_on.isoformat()}."
        )
    if revoked_on < authorisation.valid_from:
        raise ValidationError(
            {
                "revoked_on": "Fullmakten kan inte återkallas före den dag den började gälla "
                f"({authorisation.valid_from.isoformat()})."
            }
        )
    if len(reason) > 500:
        raise ValidationError({"reason": "Högst 500 tecken."})
    authorisation.revoked_on = revoked_on
    authorisation.revocation_reason = reason
    authorisation.full_clean()
    authorisation.save(update_fields=["revoked_on", "revocation_reason"])
    audit_record(
        actor=actor,
        action="authorisation_revoke",
        obj=authorisation,
        scope=f"authorisation:{authorisation.pk}",
        summary=f"Återkallade fullmakten från {revoked_on.isoformat()}"
        + (f": {reason}" if reason else "."),
        changes={"revoked_on": [None, revoked_on.isoformat()]},
    )
    return authorisation
