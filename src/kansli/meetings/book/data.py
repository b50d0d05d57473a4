"""The document model of a meeting book: plain JSON-ready data for both renderers.

The edition decides what goes in. The members' edition holds every item; a document under
secrecy, and everything of a case under secrecy, is named as withheld and handed out
separately (the registry, not the book, gives access to secrets). The public edition holds
only public items and public documents, and does not mention the rest.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from kansli.core.formatting import format_date
from kansli.core.pdf import template_fingerprint
from kansli.memos.document import memo_data, proposal_data, summary_blocks
from kansli.memos.models import MemoStatus
from kansli.people.models import MembershipRole
from kansli.people.selectors import memberships_on
from kansli.registry.models import Document
from kansli.registry.selectors import documents_for_distribution

from ..models import AgendaItem, BookEdition, Meeting
from ..selectors import agenda_for_book
from .public_edition import public_data

WITHHELD = "Handlingen omfattas av sekretess och delas ut separat."
SECRET_CASE = "Ärendet omfattas av sekretess. Handlingarna delas ut separat."  # noqa: S105 - a notice, not a password

_ROLE_LABELS = {
    MembershipRole.CHAIR: "ordförande",
    MembershipRole.FIRST_VICE_CHAIR: "vice ordförande",
    MembershipRole.SECOND_VICE_CHAIR: "2:e vice ordförande",
}


@dataclass(frozen=True)
class Attachment:
    """An uploaded PDF merged unchanged into the book after its item's memo."""

    item_number: int
    document: Document
    title: str


@dataclass
class BookData:
    meeting: Meeting
    edition: str
    data: dict[str, Any]
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Everything the book is made of: its data, each attachment's bytes (by their
        SHA-256) and the templates."""
        digest = hashlib.sha256()
        digest.update(json.dumps(self.data, sort_keys=True, ensure_ascii=False).encode())
        for attachment in self.attachments:
            document = attachment.document
            digest.update(f"{document.pk}:{document.sha256}".encode())
            if self.edition == BookEdition.PUBLIC:
                # the public edition carries the published version: a new review is new content
                publication = getattr(document, "publication", None)
                reviewed = (
                    publication.reviewed_at.isoformat()
                    if publication and publication.reviewed_at
                    else ""
                )
                digest.update(f":{reviewed}".encode())
        digest.update(template_fingerprint().encode())
        return digest.hexdigest()


def _person(membership: Any) -> dict[str, str]:
    person = membership.person
    return {
        "name": person.name,
        "party": person.party.code if person.party else "",
        "role": _ROLE_LABELS.get(membership.role, ""),
    }


def _cover(meeting: Meeting) -> dict[str, Any]:
    members, substitutes = memberships_on(
        viewer=None, organization=meeting.organization, day=meeting.date
    )
    time = f"kl. {meeting.start_time:%H:%M}"
    if meeting.end_time:
        time += f"–{meeting.end_time:%H:%M}"
    return {
        "organization": meeting.organization.name,
        "body": meeting.organization.body.name,
        "date": format_date(meeting.date),
        "time": time,
        "place": meeting.place,
        "absence_contact": meeting.absence_contact,
        "members": [_person(m) for m in members],
        "substitutes": [_person(m) for m in substitutes],
    }


def _item(item: AgendaItem, edition: str) -> tuple[dict[str, Any], list[Attachment]]:
    case = item.case
    secret_case = case is not None and case.is_secret
    memo = item.memo
    if edition == BookEdition.PUBLIC and memo is not None and memo.status != MemoStatus.READY:
        memo = None  # a draft memo is never published
    clauses = [clause.text for clause in item.proposal.clauses.all()] if item.proposal else []
    data: dict[str, Any] = {
        "number": item.number,
        "title": item.title,
        "case_number": case.number if case else "",
        "proposal": proposal_data(item.proposal.formula, clauses) if item.proposal else None,
        "summary": [],
        "basis": [],
        "memo": None,
        "notes": [],
        "attachments": [],
    }
    attachments: list[Attachment] = []
    if secret_case:
        data["notes"].append(SECRET_CASE)
        return data, attachments
    if memo is not None:
        shown = set(
            documents_for_distribution(public=edition == BookEdition.PUBLIC)
            .filter(basis_entries__memo=memo)
            .values_list("pk", flat=True)
        )

        def _shows(document: Document) -> bool:
            return document.pk in shown

        data["memo"] = memo_data(memo, shows_document=_shows)
        data["summary"] = summary_blocks(memo)
        data["basis"] = data["memo"]["basis"]
        for entry in memo.basis.select_related("document__case").all():
            document = entry.document
            if document is None:
                continue
            if _shows(document):
                attachments.append(Attachment(item.number, document, entry.text))
            elif edition == BookEdition.MEMBERS:
                # named by number only: a secret document's description is withheld too
                data["notes"].append(f"Handling {document.number}: {WITHHELD}")
    data["attachments"] = [{"title": a.title} for a in attachments]
    return data, attachments


def book_data(meeting: Meeting, edition: str) -> BookData:
    """The book of a meeting in one edition."""
    book = BookData(meeting=meeting, edition=edition, data={})
    rendered = []
    for item in agenda_for_book(meeting=meeting, public_only=edition == BookEdition.PUBLIC):
        data, attachments = _item(item, edition)
        rendered.append(data)
        book.attachments.extend(attachments)
    book.data = {
        "edition": edition,
        "edition_label": BookEdition(edition).label,
        "cover": _cover(meeting),
        "items": rendered,
    }
    if edition == BookEdition.PUBLIC:
        # personal data of private persons masked, as everywhere the public reads
        book.data = public_data(book.data)
    return book
