"""What an import job keeps of a reading or a write: what the preview and result pages show,
as JSON for the job's row. Long lists are cut (with their full count), so a row stays small
whatever the files hold."""

from typing import Any

from .parsing.parsed import ParsedFile, Problem
from .services import ImportResult

# At most this many problems of each severity, and lines of created and existing things.
MAX_LINES = 1000


def _cut(lines: list[Any]) -> dict[str, Any]:
    return {"count": len(lines), "shown": lines[:MAX_LINES]}


def _problem(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, "line": problem.line, "message": problem.message}


def _file(parsed: ParsedFile) -> dict[str, Any]:
    meetings = []
    for meeting in parsed.meetings:
        data = meeting.as_dict()
        data["members"] = len(meeting.members)
        data["substitutes"] = len(meeting.substitutes)
        data["item_count"] = len(meeting.items)
        data["items"] = data["items"][:MAX_LINES]
        meetings.append(data)
    memos = [
        {
            "title": memo.title,
            "organization": memo.organization,
            "meeting_date": memo.meeting_date.isoformat() if memo.meeting_date else None,
            "case_number": memo.case_number,
            "official": memo.official,
            "sections": len(memo.sections),
        }
        for memo in parsed.memos[:MAX_LINES]
    ]
    minutes = []
    for one in parsed.minutes:
        data = one.as_dict()
        data["present"] = len(one.present)
        data["paragraphs"] = [
            {"number": p.number, "title": p.title, "case_number": p.case_number}
            for p in one.paragraphs[:MAX_LINES]
        ]
        data["paragraph_count"] = len(one.paragraphs)
        minutes.append(data)
    return {
        "name": parsed.name,
        "meetings": meetings,
        "memos": memos,
        "memo_count": len(parsed.memos),
        "minutes": minutes,
    }


def summary_of(result: ImportResult) -> dict[str, Any]:
    """The result as the job keeps it (the preview's or the import's)."""
    problems = result.problems
    return {
        "files": [_file(parsed) for parsed in result.files],
        "errors": _cut([_problem(p) for p in problems if p.is_error]),
        "warnings": _cut([_problem(p) for p in problems if not p.is_error]),
        "tried": result.tried,
        "written": result.written,
        "created": _cut(result.created),
        "existing": _cut(result.existing),
    }
