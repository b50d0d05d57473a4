"""Cases by their number, and the attachments registered as their documents."""

import datetime
import hashlib
import io

from django.core.exceptions import ValidationError

from kansli.core.models import User
from kansli.people.case_numbers import CaseNumberFormat
from kansli.people.models import Body, Organization
from kansli.registry.models import Case, DocumentKind, Series
from kansli.registry.selectors import default_series_or_none, document_with_content
from kansli.registry.services import case_register, document_register, series_create

from ..parsing.parsed import Attachment
from .log import Log


class ImportRefused(Exception):
    """A problem that stops the import; its message is Swedish."""


def case(
    actor: User | None,
    body: Body,
    number: str,
    title: str,
    organization: Organization,
    day: datetime.date,
    log: Log,
) -> Case:
    """The case of this number; registered under it (efterregistrering) when missing."""
    fmt = CaseNumberFormat(body.case_number_format)
    try:
        parsed = fmt.parse(number, today=day)
    except ValueError:
        raise ImportRefused(
            f"Diarienumret {number} följer inte {body}s format (till exempel {fmt.example()}). "
            "Ändra huvudmannens diarienummerformat eller importera till en annan huvudman."
        ) from None
    formatted = fmt.format(parsed)
    found = Case.objects.filter(body=body, number=formatted).first()
    if found is not None:
        log.existing(f"Ärende {formatted}")
        return found
    series = _series(actor, body, parsed.series, log)
    log.created(f"Ärende {formatted} {title}")
    return case_register(
        actor=actor,
        body=body,
        series=series,
        title=title,
        organization=organization,
        registered_on=day,
        number=formatted,
        today=max(day, datetime.date.today()),
    )


def _series(actor: User | None, body: Body, code: str, log: Log) -> Series:
    if not code:  # the body's format has no series: its default series numbers the case
        default = default_series_or_none(body)
        if default is None:
            raise ImportRefused(
                f"Ingen diarieserie är vald som standard för {body}. Välj en standardserie "
                "under Administration → Diarieserier först."
            )
        return default
    found = Series.objects.filter(body=body, code=code).first()
    if found is not None:
        return found
    log.created(f"Diarieserie {code}")
    return series_create(actor=actor, body=body, code=code, name=code)


def attachments(
    actor: User | None, case_: Case, items: list[Attachment], day: datetime.date, log: Log
) -> None:
    """Register each attachment as a document of the case (its text as a .txt file), unless
    the case already holds a document with the same content (by SHA-256, whatever its
    description): a second import of the same attachment is recognised, a changed one is
    a new document."""
    for position, attachment in enumerate(items, start=1):
        data = attachment.text.encode("utf-8")
        same = document_with_content(case=case_, sha256=hashlib.sha256(data).hexdigest())
        if same is not None:
            log.existing(
                f"Handling ”{attachment.description[:60]}” i {case_.number} ({same.number})"
            )
            continue
        try:
            document = document_register(
                actor=actor,
                case=case_,
                kind=DocumentKind.INCOMING,
                date=day,
                description=attachment.description,
                file=io.BytesIO(data),
                file_name=f"bilaga-{position}.txt",
                file_size=len(data),
                today=max(day, datetime.date.today()),
            )
        except ValidationError as error:
            raise ImportRefused(
                f"Bilagan ”{attachment.description[:60]}” kan inte registreras: "
                + "; ".join(error.messages)
            ) from None
        if document.file:
            log.stored(document.file.storage, document.file.name)
        log.created(f"Handling ”{attachment.description[:60]}” i {case_.number}")
