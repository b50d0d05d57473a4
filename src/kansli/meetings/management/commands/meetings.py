"""python -m kansli meetings: the meetings with their ids."""

import json
from typing import Any

from django.core.management.base import BaseCommand

from kansli.meetings.selectors import meeting_list


class Command(BaseCommand):
    help = "Listar sammanträdena med id, organ, datum, tid och plats."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--json", action="store_true", help="Skriv ut som JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        meetings = list(meeting_list(viewer=None).order_by("date", "start_time"))
        rows = [
            {
                "id": m.pk,
                "organization": m.organization.name,
                "date": m.date.isoformat(),
                "start": m.start_time.strftime("%H:%M"),
                "end": m.end_time.strftime("%H:%M") if m.end_time else None,
                "place": m.place,
                "items": m.items.count(),
            }
            for m in meetings
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("Inga sammanträden.")
            return
        for row in rows:
            time = f"{row['start']}" + (f"–{row['end']}" if row["end"] else "")
            self.stdout.write(
                f"{row['id']:>5}  {row['date']}  kl. {time}  {row['organization']}  "
                f"({row['items']} punkter)  {row['place']}"
            )
