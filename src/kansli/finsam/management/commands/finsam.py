"""python -m kansli finsam federations | contributions | memo — docs/finsam.md.

finsam federations [--json]
finsam contributions --year Y --state FIL.csv [--previous FIL.csv] [--json]
finsam memo --year Y --state FIL.csv [--previous FIL.csv] [--dry-run] [--json]
            [--organ NAMN] [--sammantrade ÅÅÅÅ-MM-DD] [--serie KOD] [--handlaggare NAMN]
"""

import datetime
import json
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kansli.finsam import rules
from kansli.finsam.funding.contributions import Contribution, contributions, totals
from kansli.finsam.funding.memo import contribution_memo_content, table_rows
from kansli.finsam.funding.state_csv import read_state_amounts
from kansli.finsam.models import Federation, MemberKind
from kansli.finsam.selectors import federation_list
from kansli.finsam.services import contribution_case_create
from kansli.meetings.models import Meeting
from kansli.people.models import Body, Official, Organization
from kansli.people.selectors import body_named
from kansli.registry.models import Series
from kansli.registry.selectors import default_series


class Command(BaseCommand):
    help = "Samordningsförbund (Finsam): förbund, medlemmarnas bidrag och årets ärende."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--huvudman", default="", help="Huvudmannens namn.")
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("federations", help="Förbunden, medlemmarna och styrelserna.")
        listing.add_argument("--json", action="store_true")
        for name, text in (
            ("contributions", "Medlemmarnas bidrag ur statens belopp."),
            ("memo", "Skapa årets ärende med föredragnings-PM."),
        ):
            action = sub.add_parser(name, help=text)
            action.add_argument("--year", type=int, required=True)
            action.add_argument("--state", required=True, metavar="FIL.csv")
            action.add_argument("--previous", metavar="FIL.csv")
            action.add_argument("--json", action="store_true")
        memo = sub.choices["memo"]
        memo.add_argument("--dry-run", action="store_true", help="Visa, skapa ingenting.")
        memo.add_argument("--organ", default="", help="Organet som får PM:et.")
        memo.add_argument("--sammantrade", default="", help="Sammanträdesdatum ÅÅÅÅ-MM-DD.")
        memo.add_argument("--serie", default="", help="Diarieseriens kod.")
        memo.add_argument("--handlaggare", default="", help="Handläggarens namn.")

    def handle(self, *args: Any, **options: Any) -> None:
        body = _body(options["huvudman"])
        if options["action"] == "federations":
            self._federations(body, options["json"])
            return
        year = options["year"]
        if not 2000 <= year <= 2100:
            raise CommandError(f"Året {year} är inte rimligt.")
        state = _amounts(body, options["state"])
        previous = _amounts(body, options["previous"]) if options["previous"] else None
        rows = contributions(year, state, previous)
        if options["action"] == "contributions":
            self._contributions(year, rows, options["json"])
        else:
            self._memo(body, year, rows, state, previous, options)

    def _federations(self, body: Body, as_json: bool) -> None:
        today = timezone.localdate()
        data = [_federation_dict(f, today) for f in federation_list(viewer=None, body=body)]
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not data:
            self.stdout.write("Inga samordningsförbund är upplagda.")
        for entry in data:
            aliases = f" (även {', '.join(entry['aliases'])})" if entry["aliases"] else ""
            self.stdout.write(f"{entry['name']} – {entry['short_name']}{aliases}")
            for member in entry["members"]:
                self.stdout.write(
                    f"  {member['name']}: {member['board_members']} ledamot/ledamöter, "
                    f"{member['board_substitutes']} ersättare"
                )
            term = entry["board_term"]
            self.stdout.write(f"  Mandatperiod: {term['start']} – {term['end']}")

    def _contributions(self, year: int, rows: list[Contribution], as_json: bool) -> None:
        total = totals(rows)
        if as_json:
            payload = {
                "year": year,
                "federations": [row.as_dict() for row in rows],
                "totals": {
                    "state_amount": total.state,
                    "region_amount": total.region,
                    "municipalities_amount": total.municipalities,
                    "previous_region_amount": total.previous_region,
                    "change": total.change,
                },
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"Medlemmarnas bidrag {year} (kr)")
            for row in rows:
                change = "–" if row.change is None else f"{row.change:+d}"
                self.stdout.write(
                    f"{row.federation.short_name}: staten {row.state}, regionen {row.region}, "
                    f"kommunerna {row.municipalities}; regionen {year - 1}: "
                    f"{row.previous_region if row.previous_region is not None else '–'} "
                    f"(förändring {change})"
                )
                for part in row.split:
                    amount = "–" if part.amount is None else part.amount
                    self.stdout.write(f"    {part.name}: {amount}")
                for problem in row.problems:
                    self.stdout.write(f"    FEL: {problem}")
            self.stdout.write(
                f"Summa: staten {total.state}, regionen {total.region}, kommunerna "
                f"{total.municipalities}"
            )
        if any(row.problems for row in rows):
            sys.exit(1)

    def _memo(
        self,
        body: Body,
        year: int,
        rows: list[Contribution],
        state: dict[Federation, int],
        previous: dict[Federation, int] | None,
        options: Any,
    ) -> None:
        organization = _organization(body, options["organ"])
        try:
            content = contribution_memo_content(year, rows, organization)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        meeting_date = _meeting_date(organization, options["sammantrade"])
        summary = {
            "title": content.title,
            "organization": organization.name,
            "meeting_date": meeting_date.isoformat(),
            "formula": content.formula,
            "clauses": content.clauses,
            "table": [
                {"federation": a, "previous_tkr": b, "tkr": c, "change_tkr": d}
                for a, b, c, d in table_rows(rows)
            ],
            "case_number": None,
        }
        if not options["dry_run"]:
            try:
                case, _memo = contribution_case_create(
                    actor=None,
                    body=body,
                    series=_series(body, options["serie"]),
                    year=year,
                    amounts=state,
                    previous=previous,
                    organization=organization,
                    meeting_date=meeting_date,
                    official=_official(body, options["handlaggare"]),
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            summary["case_number"] = case.number
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        if summary["case_number"]:
            self.stdout.write(f"Skapade ärende {summary['case_number']}: {content.title}")
        else:
            self.stdout.write(f"Provkörning – ingenting skapat. {content.title}")
        self.stdout.write(f"{organization.name}, sammanträde {meeting_date.isoformat()}")
        self.stdout.write(content.formula)
        for text in content.clauses:
            self.stdout.write(f"  {text}")
        for name, before, now, change in table_rows(rows):
            self.stdout.write(f"  {name:<50} {before:>10} {now:>10} {change:>10}")


def _federation_dict(federation: Federation, today: datetime.date) -> dict[str, Any]:
    start, end = rules.board_term(today)
    return {
        "name": federation.name,
        "short_name": federation.short_name,
        "aliases": federation.aliases,
        "seat": federation.seat,
        "split_rule": federation.split_rule,
        "members": [
            {
                "name": m.name,
                "kind": m.kind,
                "board_members": m.board_members,
                "board_substitutes": m.board_substitutes,
            }
            for m in federation.members.all()
        ],
        "board_term": {"start": start.isoformat(), "end": end.isoformat()},
        "municipalities": [
            m.name for m in federation.members.all() if m.kind == MemberKind.MUNICIPALITY
        ],
    }


def _body(name: str) -> Body:
    try:
        return body_named(name)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _amounts(body: Body, name: str) -> dict[Federation, int]:
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"Filen {path} finns inte.")
    result = read_state_amounts(viewer=None, body=body, data=path.read_bytes())
    if result.problems:
        lines = "\n".join(f"  {path.name}: {problem}" for problem in result.problems)
        raise CommandError(f"Filen {path.name} kan inte läsas:\n{lines}")
    return result.amounts


def _organization(body: Body, name: str) -> Organization:
    organizations = Organization.objects.filter(body=body)
    if name:
        found = organizations.filter(name__iexact=name).first()
        if found is None:
            raise CommandError(f"Det finns inget organ som heter ”{name}”.")
        return found
    found = organizations.filter(name__icontains="arbetsutskott").order_by("pk").first()
    if found is None:
        raise CommandError("Ange organet som ska få PM:et med --organ NAMN.")
    return found


def _meeting_date(organization: Organization, text: str) -> datetime.date:
    if text:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"”{text}” är inget datum (ÅÅÅÅ-MM-DD).") from None
    upcoming = (
        Meeting.objects.filter(organization=organization, date__gte=timezone.localdate())
        .order_by("date")
        .first()
    )
    if upcoming is None:
        raise CommandError(
            f"{organization.name} har inget kommande sammanträde: ange --sammantrade ÅÅÅÅ-MM-DD."
        )
    return upcoming.date


def _series(body: Body, code: str) -> Series:
    """The series given by its code, else the body's default series."""
    if not code:
        try:
            return default_series(body)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
    found = Series.objects.filter(body=body, code__iexact=code).first()
    if found is None:
        raise CommandError(f"Det finns ingen diarieserie {code}.")
    return found


def _official(body: Body, name: str) -> Official | None:
    if not name:
        return None
    found = Official.objects.filter(body=body, name__iexact=name).first()
    if found is None:
        raise CommandError(f"Det finns ingen handläggare som heter ”{name}”.")
    return found
