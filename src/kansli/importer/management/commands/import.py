"""python -m kansli import [--dry-run] [--json] [--huvudman NAMN] [--encoding KOD] FIL…

Read notices, memos and minutes (text exported from PDF) into Kansli. With --dry-run nothing
is written: the command shows what the files hold and their problems. docs/import.md.
"""

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.importer.parsing.source import MAX_BYTES
from kansli.importer.services import ImportResult, import_files, import_read
from kansli.people.models import Body
from kansli.people.selectors import body_named


class Command(BaseCommand):
    help = "Läs in kallelser, föredragnings-PM och protokoll (text exporterad från PDF)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FIL")
        parser.add_argument("--dry-run", action="store_true", help="Visa, skriv ingenting.")
        parser.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")
        parser.add_argument("--huvudman", default="", help="Huvudmannens namn.")
        parser.add_argument("--encoding", default=None, help="Filernas teckenkodning.")

    def handle(self, *args: Any, **options: Any) -> None:
        files = [_read(Path(name)) for name in options["files"]]
        if options["dry_run"]:
            result = import_read(files, options["encoding"])
        else:
            result = import_files(
                actor=None,
                body=_body(options["huvudman"]),
                files=files,
                encoding=options["encoding"],
            )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(result, options["dry_run"]))
        if result.has_errors:
            sys.exit(1)


def _read(path: Path) -> tuple[str, bytes]:
    if not path.exists():
        raise CommandError(f"Filen {path} finns inte.")
    if path.is_dir():
        raise CommandError(f"{path} är en katalog, inte en fil.")
    if path.stat().st_size > MAX_BYTES:
        raise CommandError(f"Filen {path} är för stor: högst {MAX_BYTES // 1_048_576} MB.")
    try:
        return path.name, path.read_bytes()
    except OSError as error:
        raise CommandError(f"Filen {path} kan inte läsas: {error.strerror or error}.") from None


def _body(name: str) -> Body:
    try:
        return body_named(name)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _summary(result: ImportResult, dry_run: bool) -> str:
    lines = []
    for parsed in result.files:
        for meeting in parsed.meetings:
            lines.append(
                f"{parsed.name}: kallelse {meeting.organization} {meeting.date}, "
                f"{len(meeting.items)} ärenden, {len(meeting.members)} ledamöter, "
                f"{len(meeting.substitutes)} ersättare, {len(parsed.memos)} föredragnings-PM."
            )
        if not parsed.meetings:
            for memo in parsed.memos:
                lines.append(f"{parsed.name}: föredragnings-PM {memo.case_number} {memo.title}.")
        for minutes in parsed.minutes:
            lines.append(
                f"{parsed.name}: protokoll {minutes.organization} {minutes.date}, "
                f"{len(minutes.paragraphs)} paragrafer."
            )
    errors = [p for p in result.problems if p.is_error]
    warnings = [p for p in result.problems if not p.is_error]
    if errors:
        lines.append(f"{len(errors)} fel — ingenting har skrivits:")
        lines += [f"  {problem}" for problem in errors]
    if warnings:
        lines.append(f"{len(warnings)} varningar:")
        lines += [f"  {problem}" for problem in warnings]
    if result.written:
        lines.append(f"Skapat ({len(result.created)}):")
        lines += [f"  {line}" for line in result.created]
        if result.existing:
            lines.append(f"Fanns redan och lämnades orörda: {len(result.existing)}.")
    elif dry_run and not errors:
        lines.append("Provkörning: ingenting har skrivits.")
    return "\n".join(lines)
