"""The search page's GET parameters, read without trusting any of them: what cannot be used is
left out and explained in Swedish."""

import datetime
from dataclasses import dataclass, field

from django.http import QueryDict

from .models import kind_values
from .query import MAX_QUERY_CHARS

MAX_PAGE = 10**6


@dataclass
class SearchParams:
    query: str = ""
    kinds: list[str] = field(default_factory=list)
    organization_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = 1
    problems: list[str] = field(default_factory=list)

    @property
    def asked(self) -> bool:
        """Whether the reader searched (or filtered) at all."""
        return bool(
            self.query.strip()
            or self.kinds
            or self.organization_id
            or self.date_from
            or self.date_to
        )


def _shown(value: str) -> str:
    return value[:20] + ("…" if len(value) > 20 else "")


def _date(raw: str, label: str, problems: list[str]) -> datetime.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        problems.append(
            f"”{_shown(raw)}” i fältet {label} är inget datum (ÅÅÅÅ-MM-DD); det ignorerades."
        )
        return None


def read_params(get: QueryDict, organization_ids: set[int]) -> SearchParams:
    params = SearchParams(query=get.get("q", "")[: MAX_QUERY_CHARS * 2])
    problems = params.problems
    for kind in get.getlist("typ"):
        if kind in kind_values():
            if kind not in params.kinds:
                params.kinds.append(kind)
        else:
            problems.append(f"Typen ”{_shown(kind)}” finns inte; den ignorerades.")
    organ = get.get("organ", "").strip()
    if organ:
        if organ.isascii() and organ.isdigit() and int(organ) in organization_ids:
            params.organization_id = int(organ)
        else:
            problems.append(f"Organet ”{_shown(organ)}” finns inte; sökningen gäller alla organ.")
    params.date_from = _date(get.get("fran", ""), "Från", problems)
    params.date_to = _date(get.get("till", ""), "Till", problems)
    if params.date_from and params.date_to and params.date_from > params.date_to:
        params.date_from, params.date_to = params.date_to, params.date_from
        problems.append("Från-datumet var senare än Till-datumet; de bytte plats.")
    page = get.get("sida", "").strip()
    if page:
        if page.isascii() and page.isdigit() and int(page[:12]) >= 1 and len(page) <= 12:
            params.page = min(int(page), MAX_PAGE)
        else:
            problems.append(f"”{_shown(page)}” är inget sidnummer; visar första sidan.")
    return params
