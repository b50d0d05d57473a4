"""python -m kansli meeting-book --meeting ID --edition members|public -o FILE.pdf"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kansli.meetings.book.data import book_data
from kansli.meetings.book.render import BookError, render_book
from kansli.meetings.models import BookEdition, Meeting

EDITIONS = {"members": BookEdition.MEMBERS, "public": BookEdition.PUBLIC}


class Command(BaseCommand):
    help = (
        "Skapar kallelse med handlingar för ett sammanträde som PDF-fil. "
        "Filen skrivs bara till disk; den registreras inte i diariet."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--meeting", type=int, required=True, help="Sammanträdets id.")
        parser.add_argument("--edition", choices=sorted(EDITIONS), default="members")
        parser.add_argument("-o", "--output", required=True, help="PDF-filen som skapas.")

    def handle(self, *args: Any, **options: Any) -> None:
        meeting = Meeting.objects.filter(pk=options["meeting"]).first()
        if meeting is None:
            raise CommandError(
                f"Det finns inget sammanträde med id {options['meeting']}. "
                "Se id:na med: python -m kansli meetings"
            )
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"Mappen {output.parent} finns inte.")
        try:
            pdf, pages = render_book(book_data(meeting, EDITIONS[options["edition"]]))
        except BookError as error:
            raise CommandError(str(error)) from error
        output.write_bytes(pdf)
        self.stdout.write(f"{output}: {pages} sidor, {meeting}, {options['edition']}.")
