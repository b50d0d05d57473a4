"""Motions and citizen proposals registered on arrival."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Body, Organization, Person
from kansli.registry.models import CaseType, Series
from kansli.registry.selectors import default_series
from kansli.registry.services import case_register

from ..models import Initiative, InitiativeKind
from ..permissions import KEEP_INITIATIVES
from ._common import (
    check_day,
    scope_of,
    today,
)

_CASE_TYPES = {
    InitiativeKind.MOTION: CaseType.COUNCIL_MOTION,
    InitiativeKind.CITIZEN_PROPOSAL: CaseType.CITIZEN_PROPOSAL,
}


def _register(
    *,
    actor: User | None,
    body: Body,
    series: Series | None,
    kind: str,
    title: str,
    received_on: datetime.date,
    council: Organization | None,
) -> Initiative:
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    title = one_line(title)
    if len(title) > 400:
        raise ValidationError({"title": "Rubriken får vara högst 400 tecken."})
    if not title:
        raise ValidationError(
            {"title": "Ange en rubrik, till exempel ”Motion om fler vårdplatser”."}
        )
    check_day(received_on, "inkomstdagen", today())
    case = case_register(
        actor=actor,
        body=body,
        series=series or default_series(body),
        title=title,
        case_type=CaseType.COUNCIL_MOTION
        if kind == InitiativeKind.MOTION
        else CaseType.CITIZEN_PROPOSAL,
        organization=council,
        registered_on=received_on,
        start_workflow=False,  # this is the workflow: the initiative is made here
    )
    initiative = Initiative(body=body, case=case, kind=kind, title=title, received_on=received_on)
    initiative.full_clean()
    initiative.save()
    return initiative


@transaction.atomic
def motion_register(
    *,
    actor: User | None,
    body: Body,
    title: str,
    received_on: datetime.date,
    authors: list[Person],
    series: Series | None = None,
    council: Organization | None = None,
) -> Initiative:
    """A council motion on arrival: its case is registered (in `series`, by default the
    body's default series), its authors recorded."""
    if not authors:
        raise ValidationError({"authors": "En motion har minst en motionär."})
    motion = _register(
        actor=actor,
        body=body,
        series=series,
        kind=InitiativeKind.MOTION,
        title=title,
        received_on=received_on,
        council=council,
    )
    motion.authors.set(authors)
    names = ", ".join(str(p) for p in authors)  # "Förnamn Efternamn (V)"
    audit_record(
        actor=actor,
        action="motion_register",
        obj=motion,
        scope=scope_of(motion),
        summary=f"Motion {motion.case.number} inkom {received_on.isoformat()} från {names}.",
    )
    return motion


@transaction.atomic
def citizen_proposal_register(
    *,
    actor: User | None,
    body: Body,
    title: str,
    received_on: datetime.date,
    proposer_name: str,
    series: Series | None = None,
    publish_name: bool = False,
    council: Organization | None = None,
) -> Initiative:
    """A citizen proposal on arrival. The proposer is a private person: the name is shown
    publicly only when they have consented (Initiative.public_proposer)."""
    proposer_name = one_line(proposer_name)
    if not proposer_name:
        raise ValidationError({"proposer_name": "Ange förslagsställarens namn."})
    if not publish_name and names_in(proposer_name, title):
        raise ValidationError(
            {
                "title": "Rubriken innehåller förslagsställarens namn, som inte får publiceras "
                "utan samtycke. Skriv rubriken utan namnet, t.ex. ”Medborgarförslag om …”."
            }
        )
    if len(proposer_name) > 200:
        raise ValidationError({"proposer_name": "Namnet får vara högst 200 tecken."})
    proposal = _register(
        actor=actor,
        body=body,
        series=series,
        kind=InitiativeKind.CITIZEN_PROPOSAL,
        title=title,
        received_on=received_on,
        council=council,
    )
    proposal.proposer_name = proposer_name
    proposal.publish_name = publish_name
    proposal.save(update_fields=["proposer_name", "publish_name"])
    audit_record(
        actor=actor,
        action="citizen_proposal_register",
        obj=proposal,
        scope=scope_of(proposal),
        summary=f"Medborgarförslag {proposal.case.number} inkom {received_on.isoformat()}"
        + (" (namnet får publiceras)." if publish_name else " (namnet publiceras inte)."),
    )
    return proposal


def names_in(name: str, text: str) -> bool:
    """Whether `text` holds the person's surname, alone or in the genitive ("Provnamns"), as
    a word (case, spacing and punctuation ignored): the case title is public, the name of a
    proposer without consent is not."""
    words = [w for w in name.casefold().split() if len(w) > 2]
    if not words:
        return False
    surname = re.escape(words[-1])
    return re.search(rf"(?<!\w){surname}s?(?!\w)", text.casefold()) is not None
