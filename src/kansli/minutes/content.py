"""The minutes as data: one document model for the page, the PDF, the extract and the
content hash. `minutes_content` is what adjustment seals; `minutes_data` adds the
signatures, the posting and the hash."""

import datetime
import hashlib
import json
from typing import Any

from kansli.core.formatting import MONTHS
from kansli.memos import markup
from kansli.memos.rules import join_clauses
from kansli.people.models import MembershipRole, Person

from . import rules
from .announced import CONSENT_SENTENCE
from .composition import ItemComposition, Roll
from .models import Minutes, Paragraph, SignatureRole
from .outcome import vote_summary


def date_text(day: Any) -> str:
    """26 augusti 2020."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def person_label(person: Person | None) -> str:
    return str(person) if person is not None else ""


def paragraph_range(numbers: list[int]) -> str:
    """ "§ 150", "§§ 150–162", "§§ 150–153, 157"."""
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    parts, start, prev = [], numbers[0], numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(f"{start}–{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    prefix = "§" if len(numbers) == 1 else "§§"
    return f"{prefix} {', '.join(parts)}"


def digest(content: dict[str, Any]) -> str:
    """SHA-256 of the content in a canonical JSON form."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def paragraphs_of(minutes: Minutes) -> list[Paragraph]:
    return list(
        minutes.paragraphs.select_related("agenda_item", "case", "organization")
        .prefetch_related(
            "disqualifications__person__party",
            "proposals__person__party",
            "reservations__person__party",
            "notes__person__party",
            "votes__ballots__person__party",
        )
        .order_by("number")
    )


def paragraph_content(
    paragraph: Paragraph, composition: ItemComposition, roll: Roll | None = None
) -> dict[str, Any]:
    notes = []
    for person in composition.disqualified:
        notes.append(f"{person} deltar inte i handläggningen på grund av jäv.")
    if roll is not None:
        number = paragraph.agenda_item.number if paragraph.agenda_item else 0
        for attendance in roll.attendance.values():
            if attendance.from_item == number:
                notes.append(f"{attendance.person} ansluter till sammanträdet.")
            if attendance.to_item == number:
                notes.append(f"{attendance.person} lämnar sammanträdet efter denna paragraf.")
    return {
        "number": paragraph.number,
        "label": paragraph.label,
        "title": paragraph.title,
        "case_number": paragraph.case.number if paragraph.case else "",
        "public": paragraph.is_public,
        "summary": markup.parse(paragraph.summary),
        "attendance_notes": notes,
        "proposals": [
            {"name": p.person.name, "party": _party(p.person), "text": p.text}
            for p in paragraph.proposals.all()
        ],
        "proposition_order": paragraph.proposition_order,
        "votes": [vote_summary(paragraph, vote) for vote in paragraph.votes.all()],
        "decision_formula": paragraph.decision_formula,
        "clauses": join_clauses(list(paragraph.decision_clauses)),
        "reservations": [
            f"{r.person} reserverar sig mot beslutet" + (f": {r.text}" if r.text else ".")
            for r in paragraph.reservations.all()
        ],
        "notes": [(f"{n.person}: " if n.person else "") + n.text for n in paragraph.notes.all()],
        "immediately_adjusted": paragraph.immediately_adjusted_on is not None,
        "send_to": [entry["name"] for entry in paragraph.send_to],
        # Only a withdrawn paragraph carries the key, so the content sealed before it existed
        # reads the same.
        **({"withdrawn": True} if paragraph.withdrawn else {}),
        # Likewise only a paragraph with the decision of every member present to take an
        # unannounced item (KL 5 kap. 52 §): the sentence as the minutes say it, sealed with
        # them.
        **(
            {"urgent_consent": CONSENT_SENTENCE}
            if paragraph.urgent_consent and not paragraph.withdrawn
            else {}
        ),
    }


def _party(person: Person) -> str:
    return person.party.code if person.party else ""


def minutes_content(minutes: Minutes) -> dict[str, Any]:
    """Everything the minutes say; the part that adjustment seals with a hash."""
    meeting = minutes.meeting
    paragraphs = paragraphs_of(minutes)
    roll = Roll.of(minutes)
    by_paragraph = {p.pk: roll.at_paragraph(p) for p in paragraphs}
    numbers = [p.number for p in paragraphs]
    serving_at: dict[int, list[int]] = {}
    roles: dict[int, tuple[Person, str, Person | None]] = {}
    for p in paragraphs:
        for s in by_paragraph[p.pk].serving:
            serving_at.setdefault(s.person.pk, []).append(p.number)
            roles.setdefault(s.person.pk, (s.person, s.role, s.replaces))
    decision_makers = []
    for pid, (person, role, replaces) in roles.items():
        partly = "" if len(serving_at[pid]) == len(numbers) else paragraph_range(serving_at[pid])
        decision_makers.append(
            {
                "name": person.name,
                "party": _party(person),
                "role": _role_label(role),
                "replaces": person_label(replaces),
                "paragraphs": partly,
            }
        )
    serving_ever = set(roles)
    substitutes = [
        {"name": a.person.name, "party": _party(a.person)}
        for a in roll.attendance.values()
        if a.person_id not in serving_ever
        and a.person_id in {m.person_id for m in roll.substitutes}
    ]
    others = []
    for line in minutes.others_present.splitlines():
        name, _, title = line.partition(",")
        if name.strip():
            others.append({"name": name.strip(), "title": title.strip()})
    adjusters = [p for p in (minutes.adjuster, minutes.second_adjuster) if p is not None]
    return {
        "body": meeting.organization.body.name,
        "organization": meeting.organization.name,
        "date": meeting.date.isoformat(),
        "date_text": date_text(meeting.date),
        "time": f"{meeting.start_time:%H.%M}"
        + (f"–{meeting.end_time:%H.%M}" if meeting.end_time else ""),
        "place": meeting.place,
        "decision_makers": decision_makers,
        "substitutes": substitutes,
        "others": others,
        "chair": person_label(minutes.chair),
        "adjusters": [{"name": p.name, "party": _party(p)} for p in adjusters],
        "substitute_adjuster": (
            {"name": minutes.substitute_adjuster.name, "party": _party(minutes.substitute_adjuster)}
            if minutes.substitute_adjuster
            else None
        ),
        "adjustment": {
            "place": minutes.adjustment_place,
            "date_text": date_text(minutes.adjustment_date),
            "deadline_text": date_text(rules.adjustment_deadline(meeting.date)),
        },
        "kept_at": minutes.kept_at,
        "secretary": minutes.secretary_name,
        "paragraph_range": paragraph_range(numbers),
        "paragraphs": [paragraph_content(p, by_paragraph[p.pk], roll) for p in paragraphs],
    }


def _role_label(role: str) -> str:
    """ "ordförande", "2:e vice ordförande", "ersättare" … as the minutes write them."""
    return MembershipRole(role).label.lower()


def signatures_data(minutes: Minutes) -> list[dict[str, Any]]:
    signed = {s.person_id: s for s in minutes.signatures.filter(paragraph__isnull=True)}
    rows = [{"role": "Sekreterare", "name": minutes.secretary_name, "signed": None}]
    for role, person in (
        (SignatureRole.CHAIR, minutes.chair),
        (SignatureRole.ADJUSTER, minutes.adjuster),
        (SignatureRole.ADJUSTER, minutes.second_adjuster),
        (SignatureRole.ADJUSTER, minutes.substitute_adjuster),
    ):
        if person is None:
            continue
        signature = signed.get(person.pk)
        if person == minutes.substitute_adjuster and signature is None:
            continue  # the substitute adjuster appears only when they signed
        rows.append(
            {
                "role": role.label,
                "name": person.name,
                "signed": f"{signature.signed_at.astimezone():%Y-%m-%d %H:%M}"
                if signature
                else None,
            }
        )
    return rows


def posting_data(minutes: Minutes) -> dict[str, Any] | None:
    posting = minutes.postings.filter(paragraph__isnull=True).first()
    if posting is None:
        return None
    return {
        "organization": posting.organization_name,
        "meeting_date": posting.meeting_date.isoformat(),
        "adjusted_on": posting.adjusted_on.isoformat(),
        "posted_on": posting.posted_on.isoformat(),
        "taken_down": (posting.listed_until + datetime.timedelta(days=1)).isoformat(),
        "last_appeal_day": posting.last_appeal_day.isoformat(),
        "kept_at": posting.kept_at,
    }
