"""One paragraph of the minutes: record the decision and the vote; its extract."""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required, require
from kansli.core.roles import request_actor
from kansli.memos.rules import split_clauses
from kansli.people.models import Person

from . import selectors, services
from .announced import CONSENT_SENTENCE, Announced
from .composition import ItemComposition, Roll
from .document import IntegrityError, extract_pdf
from .models import Choice, Paragraph
from .permissions import KEEP_MINUTES
from .services.signing import may_sign
from .views import int_or_none, meeting_of, minutes_of, run

PROPOSAL_ROWS = 4
RESERVATION_ROWS = 3
ALL_YES = "alla_ja"  # the name of the vote form's "Alla ja" button


@dataclass(frozen=True)
class VoteDraft:
    """A vote form being filled in: what was typed, and each serving member's choice by
    person id. Nothing of it is recorded."""

    yes_label: str = ""
    no_label: str = ""
    election: bool = False
    lot: str = ""
    ballots: dict[int, str] = field(default_factory=dict)
    status: str = ""

    @classmethod
    def all_yes(cls, post: QueryDict, composition: ItemComposition) -> "VoteDraft":
        serving = composition.serving
        return cls(
            yes_label=post.get("yes_label", "")[:300],
            no_label=post.get("no_label", "")[:300],
            election=post.get("election") == "on",
            lot=post.get("lot", "") if post.get("lot") in ("ja", "nej") else "",
            ballots={s.person.pk: Choice.YES.value for s in serving},
            status=f"Alla {len(serving)} tjänstgörande ledamöter har ja. Ändra dem som röstade "
            "annorlunda och registrera omröstningen; inget är registrerat ännu.",
        )


def _paragraph(request: HttpRequest, pk: int, paragraph_pk: int) -> Paragraph:
    minutes = minutes_of(request, meeting_of(request, pk))
    return found_or_404(
        lambda: selectors.paragraph_get(viewer=request.user, minutes=minutes, pk=paragraph_pk)
    )


def _entries(
    request: HttpRequest, prefix: str, rows: int, people: dict[int, Person]
) -> list[services.Entry]:
    entries = []
    for index in range(rows):
        text = request.POST.get(f"{prefix}_text_{index}", "")
        who = int_or_none(request.POST.get(f"{prefix}_person_{index}"))
        if who is None and not text.strip():
            continue
        if who is None or who not in people:
            raise ValidationError("Välj vem som yrkar eller reserverar sig.")
        entries.append(services.Entry(people[who], text))
    return entries


@login_required
def paragraph_edit(request: HttpRequest, pk: int, paragraph_pk: int) -> HttpResponse:
    paragraph = _paragraph(request, pk, paragraph_pk)
    roll = Roll.of(paragraph.minutes)
    people = roll.people
    if request.method == "POST":
        require(request.user, KEEP_MINUTES)
        post = request.POST

        def save() -> None:
            disqualified = []
            for value in post.getlist("disqualified"):
                number = int_or_none(value)
                if number is None or number not in people:
                    raise ValidationError("Okänd person markerad som jävig.")
                disqualified.append(people[number])
            services.paragraph_update(
                actor=request_actor(request),
                paragraph=paragraph,
                decision_formula=post.get("decision_formula", ""),
                decision_clauses=split_clauses(post.get("decision_clauses", "")),
                summary=post.get("summary", ""),
                proposition_order=post.get("proposition_order", ""),
                proposals=_entries(request, "proposal", PROPOSAL_ROWS, people),
                reservations=_entries(request, "reservation", RESERVATION_ROWS, people),
                notes=[
                    services.Entry(None, line)
                    for line in post.get("notes", "").splitlines()
                    if line.strip()
                ],
                disqualified=disqualified,
                urgent_consent=post.get("urgent_consent") == "on",
            )

        if run(request, save, f"{paragraph.label} är sparad."):
            return redirect("minutes:minutes_detail", pk=pk)
    return _render_edit(request, paragraph, roll)


def _render_edit(
    request: HttpRequest, paragraph: Paragraph, roll: Roll, vote: VoteDraft | None = None
) -> HttpResponse:
    """The paragraph page; `vote` is a vote form being filled in (after "Alla ja")."""
    minutes = paragraph.minutes
    disqualified = set(paragraph.disqualifications.values_list("person_id", flat=True))
    composition = roll.at_paragraph(paragraph)
    proposals = list(paragraph.proposals.all())
    reservations = list(paragraph.reservations.all())
    announced = Announced.of(minutes.meeting)
    return render(
        request,
        "minutes/paragraph_edit.html",
        {
            "meeting": minutes.meeting,
            "minutes": minutes,
            "paragraph": paragraph,
            "composition": composition,
            "ballot_rows": [
                (s, (vote.ballots if vote else {}).get(s.person.pk, ""))
                for s in composition.serving
            ],
            "vote": vote or VoteDraft(),
            "seated": roll.seated,
            "disqualified": disqualified,
            "proposal_rows": [
                proposals[i] if i < len(proposals) else None for i in range(PROPOSAL_ROWS)
            ],
            "reservation_rows": [
                reservations[i] if i < len(reservations) else None for i in range(RESERVATION_ROWS)
            ],
            "clauses": "\n".join(paragraph.decision_clauses),
            "notes": "\n".join(n.text for n in paragraph.notes.all()),
            "votes": paragraph.votes.prefetch_related("ballots__person"),
            "choices": Choice.choices,
            "may_manage": KEEP_MINUTES(request.user) and not paragraph.is_locked,
            # KL 5 kap. 52 §: the box for the decision of every member present, offered for
            # a council item that no announcement recorded in Kansli named (or for any item
            # while none is recorded: Kansli cannot tell).
            "urgent": {
                "offered": announced.unannounced(paragraph),
                "recorded": announced.recorded,
                "sentence": CONSENT_SENTENCE,
            },
            "may_sign": may_sign(
                minutes,
                Person.objects.filter(user=request_actor(request)).first(),
                paragraph,
            ),
            "nav": "meetings",
        },
    )


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def vote_record(request: HttpRequest, pk: int, paragraph_pk: int) -> HttpResponse:
    paragraph = _paragraph(request, pk, paragraph_pk)
    roll = Roll.of(paragraph.minutes)
    composition = roll.at_paragraph(paragraph)
    post = request.POST
    if ALL_YES in post:  # without JavaScript: the form again, every serving member at ja
        return _render_edit(request, paragraph, roll, VoteDraft.all_yes(post, composition))
    ballots = {
        s.person: post.get(f"ballot_{s.person.pk}", "")
        for s in composition.serving
        if post.get(f"ballot_{s.person.pk}")
    }
    run(
        request,
        lambda: services.vote_record(
            actor=request_actor(request),
            paragraph=paragraph,
            yes_label=post.get("yes_label", ""),
            no_label=post.get("no_label", ""),
            ballots=ballots,
            election=post.get("election") == "on",
            lot=post.get("lot", ""),
        ),
        "Omröstningen är registrerad.",
    )
    return redirect("minutes:paragraph_edit", pk=pk, paragraph_pk=paragraph_pk)


@login_required
def extract_view(request: HttpRequest, pk: int, paragraph_pk: int) -> HttpResponse:
    paragraph = _paragraph(request, pk, paragraph_pk)
    try:
        pdf = extract_pdf([paragraph])
    except IntegrityError as error:
        return render(
            request,
            "minutes/integrity_error.html",
            {"meeting": paragraph.minutes.meeting, "message": str(error), "nav": "meetings"},
            status=409,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="protokollsutdrag-{paragraph.year}-{paragraph.number}.pdf"'
    )
    return response
