"""Writes of authorisations: granted (one row per holder), how one was given corrected, a
revocation decided and the event that makes it take effect recorded (then or later), each
with an audit row; the audit rows are the authorisation's history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Organization
from kansli.registry.models import Case

from . import rules
from .models import EVENT_FIELDS, Authorisation, GivenBy, event_field
from .permissions import KEEP_AUTHORISATIONS

UNKNOWN_WAY = "Okänt sätt att ge en fullmakt. Välj i listan."


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
    given_by: str = GivenBy.THIRD_PARTY,
) -> list[Authorisation]:
    """Record a decision granting `holders` (name, title) the right to `scope`, valid from
    `valid_from` until revoked; `given_by` (GivenBy) says how it was made known, which decides
    how it is revoked. All rows or none."""
    if actor is not None:
        require(actor, KEEP_AUTHORISATIONS)
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
    if given_by not in GivenBy.values:
        errors["given_by"] = UNKNOWN_WAY
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
            given_by=given_by,
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
            + f". Hur den gavs: {GivenBy(given_by).label}.",
        )
        granted.append(authorisation)
    return granted


def _label(field: str) -> str:
    return str(event_field(field).verbose_name)


def _effect_text(authorisation: Authorisation) -> str:
    """ " Fullmakten upphörde 2021-03-04 (avtalslagen 13 §)." or "" while the revocation has
    no effect."""
    effective = rules.revocation_effective_on(
        authorisation.given_by, **authorisation.revocation_events()
    )
    if effective is None:
        return ""
    paragraph = rules.PARAGRAPH[authorisation.given_by]
    return f" Fullmakten upphörde {effective.isoformat()} (avtalslagen {paragraph})."


def _record_events(
    authorisation: Authorisation,
    decided_on: datetime.date,
    events: dict[str, datetime.date | None],
) -> dict[str, list[str | None]]:
    """Check the event days given (None: not given) against the authorisation and set them;
    returns the changes for the audit row. Raises ValidationError, nothing set, when one is
    refused: an event that does not revoke an authorisation given this way (telling the holder
    is always allowed: it is the 18 § event, and otherwise worth knowing, 20 §), one already
    recorded, or a day rules.revocation_event_problem refuses."""
    given = {field: day for field, day in events.items() if day is not None}
    allowed = {rules.revoking_event(authorisation.given_by), "holder_told_on"}
    errors: dict[str, str] = {}
    for field, day in given.items():
        if field not in allowed:
            errors[field] = (
                f"Fullmakten ({authorisation.get_given_by_display()}) återkallas "
                f"{rules.HOW_REVOKED[authorisation.given_by]} "
                f"(avtalslagen {rules.PARAGRAPH[authorisation.given_by]})."
            )
        elif (recorded := getattr(authorisation, field)) is not None:
            errors[field] = f"Redan antecknat: {_label(field)} {recorded.isoformat()}."
        elif problem := rules.revocation_event_problem(
            field,
            day,
            valid_from=authorisation.valid_from,
            decided_on=decided_on,
            today=timezone.localdate(),
        ):
            errors[field] = problem
    if errors:
        raise ValidationError(errors)
    for field, day in given.items():
        setattr(authorisation, field, day)
    return {field: [None, day.isoformat()] for field, day in given.items()}


def _events_text(changes: dict[str, list[str | None]]) -> str:
    return "".join(f" {_label(field).capitalize()} {new}." for field, (_, new) in changes.items())


@transaction.atomic
def authorisation_set_given_by(
    *, actor: User | None, authorisation: Authorisation, given_by: str
) -> Authorisation:
    """Correct how an authorisation was given (registered before Kansli asked, or wrongly), as
    long as no revocation has taken effect: changing it afterwards would undo the revocation
    or make it take effect on another event."""
    if actor is not None:
        require(actor, KEEP_AUTHORISATIONS)
    authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
    if given_by not in GivenBy.values:
        raise ValidationError({"given_by": UNKNOWN_WAY})
    events = authorisation.revocation_events()
    if rules.revocation_effective_on(authorisation.given_by, **events) is not None:
        raise ValidationError(
            "Återkallelsen har redan fått verkan; då kan sättet fullmakten gavs inte ändras."
        )
    before = authorisation.given_by
    if given_by == before:
        return authorisation
    authorisation.given_by = given_by
    authorisation.full_clean()
    authorisation.save(update_fields=["given_by"])
    audit_record(
        actor=actor,
        action="authorisation_given_by",
        obj=authorisation,
        scope=f"authorisation:{authorisation.pk}",
        summary=f"Hur fullmakten gavs ändrat till {authorisation.get_given_by_display()} "
        f"(tidigare antecknat: {GivenBy(before).label}).{_effect_text(authorisation)}",
        changes={"given_by": [before, given_by]},
    )
    return authorisation


@transaction.atomic
def authorisation_revoke(
    *,
    actor: User | None,
    authorisation: Authorisation,
    decided_on: datetime.date,
    reason: str = "",
    third_party_told_on: datetime.date | None = None,
    revocation_announced_on: datetime.date | None = None,
    left_position_on: datetime.date | None = None,
    document_returned_on: datetime.date | None = None,
    holder_told_on: datetime.date | None = None,
) -> Authorisation:
    """Record the decision, on `decided_on`, to revoke an authorisation, with the day of the
    event that makes it take effect when that has already happened (the others may be recorded
    later, authorisation_record_revocation). Until then it stays in force (rules.valid_on).
    It stays in the register with its history."""
    if actor is not None:
        require(actor, KEEP_AUTHORISATIONS)
    authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
    reason = one_line(reason)
    if authorisation.revocation_decided_on is not None:
        raise ValidationError(
            "Återkallelsen av fullmakten är redan beslutad "
            f"({authorisation.revocation_decided_on.isoformat()})."
        )
    if decided_on < authorisation.valid_from:
        raise ValidationError(
            {
                "decided_on": "Fullmakten kan inte återkallas före den dag den började gälla "
                f"({authorisation.valid_from.isoformat()})."
            }
        )
    if decided_on > timezone.localdate():
        raise ValidationError(
            {
                "decided_on": f"Beslutsdagen {decided_on.isoformat()} ligger i framtiden; för in "
                "återkallelsen när den är beslutad."
            }
        )
    if len(reason) > 500:
        raise ValidationError({"reason": "Högst 500 tecken."})
    authorisation.revocation_decided_on = decided_on
    authorisation.revocation_reason = reason
    changes = _record_events(
        authorisation,
        decided_on,
        {
            "third_party_told_on": third_party_told_on,
            "revocation_announced_on": revocation_announced_on,
            "left_position_on": left_position_on,
            "document_returned_on": document_returned_on,
            "holder_told_on": holder_told_on,
        },
    )
    authorisation.full_clean()
    authorisation.save(update_fields=["revocation_decided_on", "revocation_reason", *EVENT_FIELDS])
    audit_record(
        actor=actor,
        action="authorisation_revoke",
        obj=authorisation,
        scope=f"authorisation:{authorisation.pk}",
        summary=f"Återkallelse av fullmakten beslutad {decided_on.isoformat()}"
        + (f": {reason}." if reason else ".")
        + _events_text(changes)
        + _effect_text(authorisation),
        changes={"revocation_decided_on": [None, decided_on.isoformat()], **changes},
    )
    return authorisation


@transaction.atomic
def authorisation_record_revocation(
    *,
    actor: User | None,
    authorisation: Authorisation,
    third_party_told_on: datetime.date | None = None,
    revocation_announced_on: datetime.date | None = None,
    left_position_on: datetime.date | None = None,
    document_returned_on: datetime.date | None = None,
    holder_told_on: datetime.date | None = None,
) -> Authorisation:
    """Record, after the decision to revoke, the day of the event that makes the revocation
    take effect (the bank told, the document taken back, ...), or the day the holder was told.
    A day once recorded is not changed."""
    if actor is not None:
        require(actor, KEEP_AUTHORISATIONS)
    authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
    decided_on = authorisation.revocation_decided_on
    if decided_on is None:
        raise ValidationError("Fullmakten har inte återkallats; för in beslutet först.")
    changes = _record_events(
        authorisation,
        decided_on,
        {
            "third_party_told_on": third_party_told_on,
            "revocation_announced_on": revocation_announced_on,
            "left_position_on": left_position_on,
            "document_returned_on": document_returned_on,
            "holder_told_on": holder_told_on,
        },
    )
    if not changes:
        raise ValidationError("Ange en dag.")
    authorisation.full_clean()
    authorisation.save(update_fields=list(changes))
    audit_record(
        actor=actor,
        action="authorisation_revocation_event",
        obj=authorisation,
        scope=f"authorisation:{authorisation.pk}",
        summary=_events_text(changes).strip() + _effect_text(authorisation),
        changes=changes,
    )
    return authorisation
