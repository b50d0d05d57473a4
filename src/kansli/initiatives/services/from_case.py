"""A motion or citizen proposal registered in the registry as a case of its type, not on the
motions page: it enters the register of motions at once, received the day the case was
registered, so its one-year limit (KL 5 kap. 35 §) is watched from the start. What the
registry does not know — a motion's authors, a proposal's proposer — is asked for on the
initiative's page ("uppgifter saknas") and given with initiative_complete."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Person
from kansli.registry.models import Case, CaseType
from kansli.registry.selectors import SECRET_TITLE

from ..models import Initiative, InitiativeKind
from ..permissions import KEEP_INITIATIVES
from ..rules import Step
from ..selectors import missing_facts, next_steps_of
from ._common import scope_of
from .register import names_in

KINDS = {
    CaseType.COUNCIL_MOTION: InitiativeKind.MOTION,
    CaseType.CITIZEN_PROPOSAL: InitiativeKind.CITIZEN_PROPOSAL,
}
TITLE_LIMIT = 400


def title_from_case(case: Case) -> str:
    """The initiative's title: the case title (a secret case's is withheld), within the
    limit."""
    title = SECRET_TITLE if case.is_secret else one_line(case.title)
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


@transaction.atomic
def initiative_from_case(*, actor: User | None, case: Case) -> Initiative | None:
    """The initiative of a case of type motion or citizen proposal, made when the case is
    registered (registry.hooks); None for other case types. Run again, it makes nothing."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    kind = KINDS.get(CaseType(case.case_type)) if case.case_type in CaseType.values else None
    if kind is None:
        return None
    existing = Initiative.objects.filter(case=case).first()
    if existing is not None:
        return existing
    initiative = Initiative(
        body_id=case.body_id,
        case=case,
        kind=kind,
        title=title_from_case(case),
        received_on=case.registered_on,
    )
    initiative.full_clean()
    initiative.save()
    missing = " och ".join(missing_facts(initiative))
    audit_record(
        actor=actor,
        action="initiative_from_case",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"{initiative.get_kind_display()} {case.number} registrerades i diariet och "
        f"inkom {case.registered_on.isoformat()}; {missing} saknas.",
    )
    return initiative


@transaction.atomic
def initiative_complete(
    *,
    actor: User | None,
    initiative: Initiative,
    title: str,
    authors: list[Person] | None = None,
    proposer_name: str = "",
    publish_name: bool = False,
) -> Initiative:
    """Give an initiative registered in the registry what it lacks: a motion its authors, a
    citizen proposal its proposer (and whether the name may be published); the title may be
    put right at the same time. Refused whole, with a message per field."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    initiative = (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("case")
        .get(pk=initiative.pk)
    )
    if Step.COMPLETE not in next_steps_of(initiative):
        raise ValidationError(f"Uppgifterna om {initiative.noun} är redan kompletta.")
    errors: dict[str, str] = {}
    title = one_line(title)
    if not title:
        errors["title"] = "Ange en rubrik, till exempel ”Motion om fler vårdplatser”."
    elif len(title) > TITLE_LIMIT:
        errors["title"] = f"Rubriken får vara högst {TITLE_LIMIT} tecken."
    proposer_name = one_line(proposer_name)
    if initiative.is_motion:
        if not authors:
            errors["authors"] = "En motion har minst en motionär."
    elif not proposer_name:
        errors["proposer_name"] = "Ange förslagsställarens namn."
    elif len(proposer_name) > 200:
        errors["proposer_name"] = "Namnet får vara högst 200 tecken."
    elif not publish_name and names_in(proposer_name, title):
        errors["title"] = (
            "Rubriken innehåller förslagsställarens namn, som inte får publiceras utan "
            "samtycke. Skriv rubriken utan namnet, t.ex. ”Medborgarförslag om …”."
        )
    if errors:
        raise ValidationError(errors)
    initiative.title = title
    if initiative.is_motion:
        initiative.save(update_fields=["title"])
        initiative.authors.set(authors or [])
        given = "motionärer: " + ", ".join(str(p) for p in authors or [])
    else:
        initiative.proposer_name = proposer_name
        initiative.publish_name = publish_name
        initiative.full_clean()
        initiative.save(update_fields=["title", "proposer_name", "publish_name"])
        given = "förslagsställare" + (
            " (namnet får publiceras)" if publish_name else " (namnet publiceras inte)"
        )
    audit_record(
        actor=actor,
        action="initiative_complete",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"Kompletterade {initiative.noun} {initiative.case.number} med {given}.",
    )
    return initiative
