"""A vote's counts and result as the minutes state them (rules.vote_outcome decides)."""

from typing import Any

from . import rules
from .models import Choice, Paragraph, Vote
from .wording import ELECTION

CHOICE_LABELS = {c.value: c.label for c in Choice}


def vote_counts(vote: Vote) -> tuple[int, int, int]:
    choices = [b.choice for b in vote.ballots.all()]
    return choices.count(Choice.YES), choices.count(Choice.NO), choices.count(Choice.ABSTAIN)


def vote_result(vote: Vote) -> rules.VoteOutcome:
    yes, no, _ = vote_counts(vote)
    return rules.vote_outcome(yes, no, casting=vote.casting, election=vote.election, lot=vote.lot)


def result_text(paragraph: Paragraph, vote: Vote, outcome: rules.VoteOutcome) -> str:
    organization = paragraph.organization.name
    if outcome.result == "lika":
        return "Lika röstetal; omröstningen är inte avgjord."
    label = vote.yes_label if outcome.result == "ja" else vote.no_label
    how = ""
    if outcome.casting_used:
        how = " genom ordförandens utslagsröst"
    elif outcome.by_lot:
        how = " efter lottning"
    return f"{organization} har beslutat{how}: {label}."


def vote_summary(paragraph: Paragraph, vote: Vote) -> dict[str, Any]:
    yes, no, abstain = vote_counts(vote)
    outcome = vote_result(vote)
    ballots = sorted(vote.ballots.all(), key=lambda b: (b.person.last_name, b.person.first_name))
    return {
        # Marks an election; a vote adds nothing the meeting did not record: what ja and nej
        # mean is worded from the labels when the minutes are shown (wording.py).
        "question": ELECTION if vote.election else "",
        "yes_label": vote.yes_label,
        "no_label": vote.no_label,
        "ballots": [
            {
                "name": b.person.name,
                "party": b.person.party.code if b.person.party else "",
                "choice": CHOICE_LABELS[b.choice],
            }
            for b in ballots
        ],
        "yes": yes,
        "no": no,
        "abstain": abstain,
        "result": result_text(paragraph, vote, outcome),
        "casting": outcome.casting_used,
        "lot": (CHOICE_LABELS.get(vote.lot, "") if outcome.by_lot else ""),
    }
