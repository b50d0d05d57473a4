"""Writes to the registry: series, cases and documents.

Each function: keyword-only arguments, a required actor (None = the system itself, as in
the demo loader), one transaction, validation with Swedish messages before any write,
and an audit row in the same transaction.
"""

import datetime
import hashlib
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.uploads import check_upload
from kansli.people.case_numbers import CaseNumber, CaseNumberFormat
from kansli.people.models import Body, Official, Organization

from .. import hooks, rules
from ..allocation import allocate_sequence
from ..models import (
    Case,
    CaseStatus,
    CaseType,
    ClassNode,
    Document,
    DocumentKind,
    Series,
    Visibility,
)
from ..permissions import MANAGE_SERIES, REGISTER_CASES
from ..selectors import document_with_content, documents_visible
from .case_changes import case_classify, case_close, case_reopen, case_update
from .plan import process_refusal, proposed_process
from .secrecy import secrecy_authority_of, secrecy_marking_fields

__all__ = [
    "case_classify",
    "case_close",
    "case_register",
    "case_reopen",
    "case_update",
    "document_register",
    "secrecy_authority_of",
    "series_create",
    "series_set_default",
]


def _today() -> datetime.date:
    return timezone.localdate()


@transaction.atomic
def series_create(
    *, actor: User | None, body: Body, code: str, name: str, is_default: bool = False
) -> Series:
    """Add a series to the body. The body's first series becomes its default; a later one
    only when `is_default` is given (it then takes over from the previous default)."""
    series = Series(body=body, code=code.strip().upper(), name=name.strip())
    series.full_clean()
    series.save()
    audit_record(
        actor=actor, action="series_create", obj=series, summary=f"Skapade diarieserien {series}."
    )
    if is_default:
        series = series_set_default(actor=actor, series=series)
    elif not Series.objects.filter(body=body, is_default=True).exists():
        series = _make_default(actor, series)  # the body's only series: nothing is chosen
    return series


@transaction.atomic
def series_set_default(*, actor: User | None, series: Series) -> Series:
    """Make `series` its body's default series (Series.is_default), in place of the
    previous one. Nothing is written when it already is the default."""
    if actor is not None:
        require(actor, MANAGE_SERIES)
    return _make_default(actor, series)


def _make_default(actor: User | None, series: Series) -> Series:
    # Lock the body's series so two administrators choosing at once cannot leave two.
    current = list(Series.objects.select_for_update().filter(body_id=series.body_id))
    series = next(s for s in current if s.pk == series.pk)
    if series.is_default:
        return series
    previous = [s for s in current if s.is_default]
    Series.objects.filter(pk__in=[s.pk for s in previous]).update(is_default=False)
    series.is_default = True
    series.full_clean()
    series.save(update_fields=["is_default"])
    audit_record(
        actor=actor,
        action="series_set_default",
        obj=series,
        summary=f"Valde {series} som standardserie"
        + (f" i stället för {previous[0]}." if previous else "."),
        changes={"is_default": [False, True]},
    )
    return series


@transaction.atomic
def case_register(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    title: str,
    case_type: CaseType | str = CaseType.GENERAL,
    organization: Organization | None = None,
    official: Official | None = None,
    unit: str = "",
    registered_on: datetime.date | None = None,
    secrecy: str = "",
    number: str | None = None,
    today: datetime.date | None = None,
    start_workflow: bool = True,
    process: ClassNode | None = None,
) -> Case:
    """Register a case and give it the next free number of its series and year.

    With `number`, register a case under a number it already has (efterregistrering):
    the number is parsed by the Body's format and must be free. The workflow its case type
    starts (hooks: a motion enters the register of motions) starts with it, unless the
    caller is that workflow (`start_workflow=False`).
    """
    if actor is not None:
        require(actor, REGISTER_CASES)
    today = today or _today()
    registered_on = registered_on or today
    title = " ".join(title.split())
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "Ange ärendemening."
    if series.body_id != body.pk:
        errors["series"] = "Serien hör inte till huvudmannen."
    if not rules.registration_date_is_valid(registered_on, today):
        errors["registered_on"] = (
            f"Registreringsdatumet {registered_on.isoformat()} ligger i framtiden."
        )
    if secrecy and not rules.secrecy_reference_is_valid(secrecy):
        errors["secrecy"] = "Ange lagrum i formen ”OSL 21 kap. 1 §”."
    if official is not None and official.body_id != body.pk:
        errors["official"] = "Handläggaren hör inte till huvudmannen."
    if process is None:
        process = proposed_process(body, case_type)
    elif refusal := process_refusal(body, process):
        errors["process"] = refusal
    try:
        fmt = CaseNumberFormat(body.case_number_format)
    except ValueError as error:
        raise ValidationError(
            f"Huvudmannens diarienummerformat är felaktigt ({error}) Rätta det i administrationen."
        ) from error
    given: CaseNumber | None = None
    if number:
        try:
            given = fmt.parse(number, today=today)
        except ValueError as error:
            errors["number"] = str(error)
        else:
            if fmt.has_series and given.series != series.code:
                errors["number"] = (
                    f"Diarienumret {number.strip()} hör till serien {given.series}, "
                    f"inte {series.code}."
                )
            elif not 1900 <= given.year <= today.year:
                errors["number"] = (
                    f"Året i diarienumret {number.strip()} ({given.year}) är inte möjligt: "
                    f"det måste ligga mellan 1900 och {today.year}."
                )
            elif Case.objects.filter(body=body, number=fmt.format(given)).exists():
                errors["number"] = f"Diarienumret {fmt.format(given)} är redan registrerat."
    if errors:
        raise ValidationError(errors)

    if given is not None:
        year, sequence = given.year, given.number
    else:
        year = registered_on.year
        sequence = allocate_sequence(series=series, year=year, per_series=fmt.has_series)
    case = Case(
        body=body,
        series=series,
        year=year,
        sequence=sequence,
        number=fmt.format(CaseNumber(year, series.code, sequence)),
        title=title,
        case_type=case_type,
        organization=organization,
        official=official,
        unit=unit or (official.unit if official else ""),
        registered_on=registered_on,
        process=process,
        secrecy=secrecy.strip(),
        **secrecy_marking_fields(secrecy.strip(), today, body, organization),
    )
    case.full_clean()
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError as error:
        raise ValidationError(
            {"number": f"Diarienumret {case.number} är redan registrerat."}
        ) from error
    audit_record(
        actor=actor,
        action="case_register",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Registrerade ärende {case.number}"
        + ("." if case.is_secret else f": {case.title}."),
    )
    if start_workflow:
        hooks.case_registered(actor=actor, case=case)
    return case


@transaction.atomic
def document_register(
    *,
    actor: User | None,
    case: Case,
    kind: DocumentKind | str,
    date: datetime.date,
    description: str,
    counterpart: str = "",
    visibility: Visibility | str = Visibility.PUBLIC,
    secrecy: str = "",
    file: IO[bytes] | None = None,
    file_name: str = "",
    file_size: int | None = None,
    today: datetime.date | None = None,
    closing_act: bool = False,
    confirmed: bool = True,
    document_type: str = "",
) -> Document:
    """Register a document in a case as <case number>-N, with its file if any.

    The file is checked (size limit, content matching its name) before anything is
    written; a secret document must name its OSL paragraph. A closed case takes no more
    documents, except the acts that close it (`closing_act`: the adjusted decision's
    extract, the dispatch of it), which may follow its closing. A file the case already
    holds (the same SHA-256) is asked about (core.confirm) unless `confirmed`; the
    registry's form asks, programs that know their files do not.
    """
    if actor is not None:
        require(actor, REGISTER_CASES)
    today = today or _today()
    description = " ".join(description.split())
    errors: dict[str, str] = {}
    if kind not in DocumentKind.values:
        errors["kind"] = "Ange om handlingen är inkommen, upprättad eller utgående."
    if not description:
        errors["description"] = "Ange en kort beskrivning av handlingen."
    if not rules.registration_date_is_valid(date, today):
        errors["date"] = (
            f"Datumet {date.isoformat()} ligger i framtiden. En handling kan inte ha "
            "inkommit eller upprättats efter i dag."
        )
    if visibility not in Visibility.values:
        errors["visibility"] = "Okänd åtkomstnivå."
    secrecy = secrecy.strip()
    if visibility == Visibility.SECRET and not secrecy:
        errors["secrecy"] = "En sekretessbelagd handling måste ange lagrum (t.ex. OSL 21 kap. 1 §)."
    elif secrecy and visibility != Visibility.SECRET:
        errors["secrecy"] = "Lagrum anges bara för handlingar med sekretess."
    elif secrecy and not rules.secrecy_reference_is_valid(secrecy):
        errors["secrecy"] = "Ange lagrum i formen ”OSL 21 kap. 1 §”."
    content_type = ""
    digest = ""
    size: int | None = None
    if file is not None:
        size = file_size if file_size is not None else _stream_size(file)
        try:
            content_type = check_upload(file_name, size, file).content_type
        except ValidationError as error:
            errors["file"] = " ".join(error.messages)
        else:
            digest = _sha256(file)
    if errors:
        raise ValidationError(errors)

    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.CLOSED and not closing_act:
        raise ValidationError(
            f"Ärende {case.number} är avslutat. Återuppta det för att registrera handlingar."
        )
    same = document_with_content(case=case, sha256=digest) if digest else None
    if same is not None and not confirmed:
        seen = actor is None or documents_visible(viewer=actor).filter(pk=same.pk).exists()
        named = f"handling {same.number} ({same.description[:80]})" if seen else "en handling"
        raise NeedsConfirmation(
            f"Ärendet har redan samma fil: {named}. "
            "Kryssa i rutan och välj filen igen om den ska registreras en gång till."
        )
    document = Document(
        case=case,
        sequence=case.next_document_number,
        kind=kind,
        date=date,
        counterpart=" ".join(counterpart.split()),
        description=description,
        document_type=" ".join(document_type.split())[:100],
        visibility=visibility,
        secrecy=secrecy,
        **secrecy_marking_fields(secrecy, today, case.body, case.organization),
        file_name=file_name[-255:],
        content_type=content_type,
        size=size,
        sha256=digest,
    )
    document.full_clean(exclude=["file"])
    case.next_document_number += 1
    case.save(update_fields=["next_document_number"])
    stored = ""
    try:
        if file is not None:
            document.file.save(
                f"{case.number}-{document.sequence}{_suffix(file_name)}", File(file), save=False
            )
            stored = document.file.name
        document.save()
        audit_record(
            actor=actor,
            action="document_register",
            obj=document,
            scope=f"case:{case.pk}",
            summary=(
                f"Registrerade handling {document.number} "
                f"({document.get_kind_display().lower()})"
                + (f", sekretess enligt {secrecy}." if secrecy else f": {description}.")
            ),
        )
        from ..tasks import document_inspect

        # Pages, text and the privacy step before publication, in the background.
        transaction.on_commit(lambda: document_inspect.enqueue(document.pk))
    except BaseException:
        if stored:
            document.file.storage.delete(stored)
        raise
    return document


def _stream_size(stream: IO[bytes]) -> int:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def _sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:].lower() if dot >= 0 else ""
