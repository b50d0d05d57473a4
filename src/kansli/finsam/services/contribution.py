"""The yearly contribution case with its memo."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.meetings.models import Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create
from kansli.memos.models import Memo
from kansli.memos.services import (
    BasisInput,
    RecipientInput,
    memo_create,
    memo_update,
    proposal_create,
)
from kansli.people.models import Body, Official, Organization
from kansli.registry.models import Case, Series
from kansli.registry.selectors import default_series
from kansli.registry.services import case_register

from ..funding.contributions import contributions, totals
from ..funding.memo import contribution_memo_content
from ..models import (
    Federation,
)
from ._guard import require_finsam
from .figures import state_allocations_record


@transaction.atomic
def contribution_case_create(
    *,
    actor: User | None,
    body: Body,
    series: Series | None = None,
    year: int,
    amounts: dict[Federation, int],
    organization: Organization,
    meeting_date: datetime.date,
    official: Official | None = None,
    meeting: Meeting | None = None,
    previous: dict[Federation, int] | None = None,
) -> tuple[Case, Memo]:
    """The year's contribution case: record the state's amounts, register the case and write
    its memo (a draft) through the registry and memo services, in `series` (by default the
    body's default series). With `meeting` (the organ's
    meeting that day) the case also goes on its agenda, the memo as the item's. Refused when
    the year's case already exists, so a form sent twice makes one case."""
    require_finsam(actor)
    rows = contributions(year, amounts, previous)
    content = contribution_memo_content(year, rows, organization)
    if series is None:
        series = default_series(body)
    if organization.body_id != body.pk or series.body_id != body.pk:
        raise ValidationError("Organet och diarieserien ska höra till huvudmannen.")
    if meeting is not None and (
        meeting.organization_id != organization.pk or meeting.date != meeting_date
    ):
        raise ValidationError("Sammanträdet är inte organets sammanträde den dagen.")
    earlier = (
        Memo.objects.filter(case__body=body, title=content.title).select_related("case").first()
    )
    if earlier is not None:
        raise ValidationError(
            f"Ärendet om bidragen {year} finns redan ({earlier.case.number}). Ändra dess "
            "föredragnings-PM i stället för att skapa ett nytt."
        )
    state_allocations_record(actor=actor, year=year, amounts=amounts)
    case = case_register(
        actor=actor,
        body=body,
        series=series,
        title=content.title,
        organization=organization,
        official=official,
    )
    proposal = proposal_create(
        actor=actor, formula=content.formula, clauses=content.clauses, scope=f"case:{case.pk}"
    )
    memo = memo_create(
        actor=actor,
        case=case,
        organization=organization,
        meeting_date=meeting_date,
        proposal=proposal,
        title=content.title,
        official=official,
    )
    memo_update(
        actor=actor,
        memo=memo,
        title=content.title,
        formula=content.formula,
        clauses=content.clauses,
        sections=content.sections,
        basis=[BasisInput(text=text) for text in content.basis],
        recipients=[RecipientInput(kind="text", text=name) for name in content.recipients],
        signatory_name=official.name if official else "",
        signatory_title=official.title if official else "",
        unit=official.unit if official else "",
        official_name=official.name if official else "",
    )
    if meeting is not None:
        item = agenda_item_add(actor=actor, meeting=meeting, title=content.title, case=case)
        memo = agenda_item_memo_create(actor=actor, item=item)
    audit_record(
        actor=actor,
        action="contribution_case_create",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Skapade ärendet om bidragen till samordningsförbunden {year}: "
        f"{len(rows)} förbund, regionens bidrag {totals(rows).region} kr.",
    )
    return case, memo
