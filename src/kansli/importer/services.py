"""import_files: read files, and write what they hold — all of it or nothing.

The reading is pure (`parsing`); the writing calls the same services as the rest of Kansli
(`writing`), so every row it writes has its audit row, in one transaction. A file with an
error stops the whole import before anything is written; an error found while writing rolls
back everything written before it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Body

from .parsing.document import read_file
from .parsing.parsed import ParsedFile, Problem
from .permissions import IMPORT
from .writing.cases import ImportRefused
from .writing.log import Log
from .writing.minutes import write_minutes
from .writing.notice import write_memo, write_notice

# progress(done, total, step): called between units of work (files read, then the writing).
Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, step: str) -> None:
    pass


@dataclass
class ImportResult:
    files: list[ParsedFile]
    written: bool = False
    tried: bool = False
    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    write_problems: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        found = [problem for parsed in self.files for problem in parsed.problems]
        return [*found, *self.write_problems]

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)

    def as_dict(self) -> dict[str, Any]:
        """The dry-run JSON (docs/import.md)."""
        return {
            "meetings": [m.as_dict() for parsed in self.files for m in parsed.meetings],
            "memos": [m.as_dict() for parsed in self.files for m in parsed.memos],
            "minutes": [m.as_dict() for parsed in self.files for m in parsed.minutes],
            "problems": [problem.as_dict() for problem in self.problems],
        }


def import_read(
    files: list[tuple[str, bytes]],
    encoding: str | None = None,
    progress: Progress = _no_progress,
) -> ImportResult:
    """Read files without writing anything: the dry run. `progress` counts the files read, of
    the files and one unit for the writing that follows."""
    parsed = []
    total = len(files) + 1
    for position, (name, data) in enumerate(files):
        progress(position, total, f"Läser {name} (fil {position + 1} av {len(files)})")
        parsed.append(read_file(name, data, encoding))
    return ImportResult(parsed)


class _Rollback(Exception):
    pass


def import_files(
    *,
    actor: User | None,
    body: Body,
    files: list[tuple[str, bytes]],
    encoding: str | None = None,
    trial: bool = False,
    progress: Progress = _no_progress,
    finish: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Read the files and write what they hold, oldest meeting first. Nothing is written when
    any file has an error, or when writing meets one.

    With `trial` everything is written and then rolled back: the result tells what an import
    would create and what it would find already there, and the problems only writing finds
    (a case number outside the body's format, minutes that do not match their agenda).

    The reading happens before the write transaction opens. `finish`, when given, is called
    with the result inside the transaction once everything is written (not in a trial), so
    what it records commits with the import or not at all."""
    if actor is not None:
        require(actor, IMPORT)
    result = import_read(files, encoding, progress)
    if result.has_errors:
        return result
    progress(len(files), len(files) + 1, "Provar importen" if trial else "Skriver importen")
    return import_write(actor=actor, body=body, result=result, trial=trial, finish=finish)


def import_write(
    *,
    actor: User | None,
    body: Body,
    result: ImportResult,
    trial: bool = False,
    finish: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Write what `import_read` read, in one transaction (see `import_files`)."""
    log = Log()
    try:
        with transaction.atomic():
            for parsed, kind, _day, thing in _in_order(result.files):
                log.at(parsed.name, getattr(thing, "line", None))
                try:
                    if kind == "notice":
                        write_notice(actor, body, thing, parsed.memos, log)
                    elif kind == "memo":
                        write_memo(actor, body, thing, log)
                    else:
                        write_minutes(actor, body, thing, log)
                except ImportRefused as error:
                    log.error(str(error))
                except ValidationError as error:
                    log.error("; ".join(error.messages))
                except IntegrityError:
                    log.error(
                        "Importen krockade med något som skrevs samtidigt. Ingenting har "
                        "skrivits; försök igen."
                    )
                if any(problem.is_error for problem in log.problems):
                    raise _Rollback
            if trial:
                raise _Rollback
            result.written = True
            result.created, result.existing = log.created_lines, log.existing_lines
            result.write_problems = log.problems
            if finish is not None:
                finish(result)
    except _Rollback:
        log.discard_files()
        result.write_problems = log.problems
        if trial and not result.has_errors:
            result.tried = True
            result.created, result.existing = log.created_lines, log.existing_lines
        return result
    except BaseException:
        result.written = False
        log.discard_files()
        raise
    return result


def _in_order(files: list[ParsedFile]) -> list[tuple[ParsedFile, str, Any, Any]]:
    """Everything to write, the oldest date first: a later notice builds on earlier seats."""
    work: list[tuple[ParsedFile, str, Any, Any]] = []
    for parsed in files:
        for meeting in parsed.meetings:
            work.append((parsed, "notice", meeting.date, meeting))
        if not parsed.meetings:
            for memo in parsed.memos:
                work.append((parsed, "memo", memo.meeting_date, memo))
        for minutes in parsed.minutes:
            work.append((parsed, "minutes", minutes.date, minutes))
    order = {"notice": 0, "memo": 1, "minutes": 2}
    work.sort(key=lambda entry: (entry[2], order[entry[1]]))
    return work
