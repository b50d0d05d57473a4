"""python -m kansli deadlines --meeting-date D | --posting-date D | --motion-received D [--json]

The time limits that follow from a meeting, a posting of adjusted minutes or a motion.
"""

import datetime
import json
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kansli.initiatives.rules import deadlines_from

# Input option (argparse dest) -> keyword of deadlines_from and the "kind" in the JSON.
INPUTS = {
    "meeting_date": "--meeting-date",
    "posting_date": "--posting-date",
    "motion_received": "--motion-received",
}

# Key of deadlines_from -> (label, law paragraph), in the order they are printed.
LIMITS = {
    "adjustment_deadline": ("Justering senast", "KL 5 kap. 69 §"),
    "latest_posting": ("Anslag senast", "KL 8 kap. 12 §"),
    "last_day_to_appeal": ("Sista dag för överklagande", "KL 13 kap. 5 §"),
    "listed_until": ("Anslaget sitter uppe till och med", "KL 8 kap. 12 §"),
    "motion_deadline": ("Motionen ska vara beslutad senast", "KL 5 kap. 35 §"),
}

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> datetime.date:
    """A date written YYYY-MM-DD; only that form (Python 3.11 would also take "20200826")."""
    try:
        if not _ISO_DATE.fullmatch(text.strip()):
            raise ValueError(text)
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"Ogiltigt datum: ”{text}”. Ange datum som ÅÅÅÅ-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Räknar ut tidsfristerna som följer av ett sammanträdesdatum, ett anslagsdatum "
        "eller det datum en motion väcktes. Ange exakt ett av datumen."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        # Exactly one is required; checked in handle() so that the message is in Swedish.
        dates = parser.add_argument_group("datum (ange exakt ett)")
        dates.add_argument("--meeting-date", metavar="ÅÅÅÅ-MM-DD", help="Sammanträdets datum.")
        dates.add_argument(
            "--posting-date",
            metavar="ÅÅÅÅ-MM-DD",
            help="Dagen då justeringen av protokollet anslogs på anslagstavlan.",
        )
        dates.add_argument(
            "--motion-received", metavar="ÅÅÅÅ-MM-DD", help="Dagen då motionen väcktes."
        )
        parser.add_argument("--json", action="store_true", help="Skriv ut som JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        given = [kind for kind in INPUTS if options.get(kind) is not None]
        if len(given) != 1:
            raise CommandError(
                "Ange exakt ett av --meeting-date, --posting-date och --motion-received."
            )
        kind = given[0]
        day = parse_date(options[kind])
        limits = deadlines_from(**{kind: day})

        if options["json"]:
            data: dict[str, Any] = {key: value.isoformat() for key, value in limits.items()}
            data["input"] = {"kind": kind, "date": day.isoformat()}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return

        rows = [
            (f"{label}:", value.isoformat(), f"({WEEKDAYS[value.weekday()]})", paragraph)
            for key, (label, paragraph) in LIMITS.items()
            if (value := limits.get(key)) is not None
        ]
        label_width = max(len(row[0]) for row in rows)
        weekday_width = max(len(row[2]) for row in rows)
        for label, date, weekday, paragraph in rows:
            self.stdout.write(
                f"{label:<{label_width}} {date} {weekday:<{weekday_width}}  {paragraph}"
            )
        if kind == "meeting_date":
            self.stdout.write(
                "Överklagandetiden är räknad från sista dag för anslag. När anslaget är uppsatt: "
                "räkna om med --posting-date."
            )
