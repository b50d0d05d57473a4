"""Reads of the registry. Who may see what is decided here and nowhere else.

- The registry (registrator) sees everything.
- A case's official (handläggare) sees everything in that case.
- Other staff and elected members see public and unpublished documents, never secret ones.
- The anonymous public sees public documents of cases that are not secret.
A secret case's title is withheld from everyone who may not see its secret documents.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from kansli.core.models import AuditEntry
from kansli.core.roles import Role, Viewer, has_role, is_member_or_staff, roles_of
from kansli.people.case_numbers import CaseNumberFormat, normalise
from kansli.people.models import Body

from .models import Case, Document, Series, Visibility
from .permissions import CLASSIFY_CASES, REGISTER_CASES

SECRET_TITLE = "Ärendemening omfattas av sekretess"  # noqa: S105 - not a password


def default_series_or_none(body: Body) -> Series | None:
    """The body's default series (Series.is_default), or None when it has chosen none."""
    return Series.objects.filter(body=body, is_default=True).first()


def default_series(body: Body) -> Series:
    """The series used wherever a series is chosen for the user: the meeting's own case, a
    new motion, a compiled item. A ValidationError in Swedish when the body has none."""
    series = default_series_or_none(body)
    if series is None:
        raise ValidationError(
            f"Ingen diarieserie är vald som standard för {body}. Välj en standardserie under "
            "Administration → Diarieserier."
        )
    return series


def _official_id(viewer: Viewer | None) -> int | None:
    if viewer is None or not viewer.is_authenticated:
        return None
    official = getattr(viewer, "official", None)
    return official.pk if official is not None else None


def sees_all_secrets(viewer: Viewer | None) -> bool:
    return has_role(viewer, Role.REGISTRAR)


def may_see_secrets_of(viewer: Viewer | None, case: Case) -> bool:
    """The registry, and the case's own official (when they hold a staff role)."""
    if sees_all_secrets(viewer):
        return True
    official_id = _official_id(viewer)
    return (
        official_id is not None
        and case.official_id == official_id
        and has_role(viewer, Role.OFFICIAL, Role.SECRETARY)
    )


def may_change_case(viewer: Viewer | None, case: Case) -> bool:
    """Change, close or reopen a case: whoever may register, and for a secret case only
    those who may see its secrets (so no one takes a secret case over or lifts its
    secrecy without seeing it)."""
    return REGISTER_CASES(viewer) and (not case.is_secret or may_see_secrets_of(viewer, case))


def may_classify_case(viewer: Viewer | None, case: Case) -> bool:
    """Classify a case (also a closed one): CLASSIFY_CASES, and for a secret case only those
    who may see its secrets."""
    return CLASSIFY_CASES(viewer) and (not case.is_secret or may_see_secrets_of(viewer, case))


def change_refusal(case: Case) -> str:
    """Why may_change_case says no to someone who may register: the case is secret."""
    return f"Ärende {case.number} omfattas av sekretess, och du får inte ändra det."


def _case_filter(viewer: Viewer | None) -> Q:
    if is_member_or_staff(viewer):
        return Q()
    return Q(secrecy="")


# Public, in a case not under secrecy, and let out by the privacy step (kansli.publishing).
_PUBLIC_DOCUMENTS = Q(
    visibility=Visibility.PUBLIC, case__secrecy="", publication__status="granskad"
)
_MEMBER_DOCUMENTS = Q(visibility__in=[Visibility.PUBLIC, Visibility.INTERNAL])


def _document_filter(viewer: Viewer | None) -> Q:
    if sees_all_secrets(viewer):
        return Q()
    if not roles_of(viewer):
        return _PUBLIC_DOCUMENTS
    visible = _MEMBER_DOCUMENTS
    official_id = _official_id(viewer)
    if official_id is not None and has_role(viewer, Role.OFFICIAL, Role.SECRETARY):
        visible |= Q(case__official_id=official_id)
    return visible


def case_list(*, viewer: Viewer | None, query: str = "", status: str = "") -> QuerySet[Case]:
    """Cases the viewer may know of, newest first; `query` matches number or title."""
    cases = Case.objects.filter(_case_filter(viewer)).select_related(
        "series", "official", "organization"
    )
    if status:
        cases = cases.filter(status=status)
    query = query.strip()
    if query:
        number = normalise(query)
        by_title = Q(title__icontains=query)
        if not sees_all_secrets(viewer):
            by_title &= Q(secrecy="")
        cases = cases.filter(Q(number__icontains=number) | by_title)
    return cases.order_by("-year", "-sequence")


def case_get(*, viewer: Viewer | None, pk: int) -> Case:
    """One case, or Case.DoesNotExist when it does not exist or the viewer may not see it."""
    return (
        Case.objects.filter(_case_filter(viewer))
        .select_related("series", "official", "organization", "body")
        .get(pk=pk)
    )


def case_get_by_number(*, viewer: Viewer | None, body: Body, number: str) -> Case:
    """A case by its number in the Body's format; ValueError for a malformed number."""
    parsed = CaseNumberFormat(body.case_number_format).parse(number)
    return Case.objects.filter(_case_filter(viewer)).get(
        body=body, year=parsed.year, series__code=parsed.series, sequence=parsed.number
    )


def case_title_for(*, viewer: Viewer | None, case: Case) -> str:
    if case.is_secret and not may_see_secrets_of(viewer, case):
        return SECRET_TITLE
    return case.title


def documents_visible(*, viewer: Viewer | None) -> QuerySet[Document]:
    """Every document the viewer may see (the admin's document list)."""
    return Document.objects.filter(_document_filter(viewer))


def documents_for_distribution(*, public: bool) -> QuerySet[Document]:
    """Documents that may go out in a distributed edition (a meeting book): to everyone, or
    to the members. Secret documents never do; they are handed out separately."""
    return Document.objects.filter(_PUBLIC_DOCUMENTS if public else _MEMBER_DOCUMENTS)


def document_list(*, viewer: Viewer | None, case: Case) -> QuerySet[Document]:
    return (
        Document.objects.filter(_document_filter(viewer), case=case)
        .select_related("case", "disposal__decision")
        .order_by("sequence")
    )


def documents_of_cases(*, viewer: Viewer | None, cases: list[Case]) -> dict[int, list[Document]]:
    """The documents the viewer may see of several cases at once, by case id, in order."""
    found: dict[int, list[Document]] = {case.pk: [] for case in cases}
    documents = (
        Document.objects.filter(_document_filter(viewer), case__in=cases)
        .select_related("case")
        .order_by("case_id", "sequence")
    )
    for document in documents:
        found[document.case_id].append(document)
    return found


def document_with_content(*, case: Case, sha256: str) -> Document | None:
    """The case's first document whose file has this SHA-256: the same document, whatever
    its description (for the writes that recognise it; not a read shown to a viewer)."""
    return Document.objects.filter(case=case, sha256=sha256).order_by("sequence").first()


def document_get(*, viewer: Viewer | None, pk: int) -> Document:
    """One document, or Document.DoesNotExist when the viewer may not see it."""
    return Document.objects.filter(_document_filter(viewer)).select_related("case").get(pk=pk)


def document_count_hidden(*, viewer: Viewer | None, case: Case) -> int:
    """How many of the case's documents the viewer may not see (shown as a count only)."""
    total = Document.objects.filter(case=case).count()
    return total - Document.objects.filter(_document_filter(viewer), case=case).count()


def case_history(*, viewer: Viewer | None, case: Case) -> QuerySet[AuditEntry]:
    """Who did what in the case, newest first: staff and elected members only; for a secret
    case only those who may see its secrets (rows written before it was marked secret name
    its title and its documents)."""
    if not is_member_or_staff(viewer):
        return AuditEntry.objects.none()
    if case.is_secret and not may_see_secrets_of(viewer, case):
        return AuditEntry.objects.none()
    return _case_rows(case).select_related("actor")


def case_record(case: Case) -> QuerySet[AuditEntry]:
    """The case's whole history, oldest first, as the system reads it: for the e-archive
    package, which carries the case's restriction with it (not for a page)."""
    return _case_rows(case).order_by("created_at", "pk")


def _case_rows(case: Case) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(scope=f"case:{case.pk}")
