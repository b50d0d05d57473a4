"""Exporting closed cases to a directory of E-ARK SIPs, one package per case.

A package is written into a hidden `.…partial` directory and renamed when complete
(package.writer), so an interrupted export leaves no package that looks complete; a resumed
export (`resume=True`) removes the partial ones and skips the packages already there."""

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from kansli.registry.models import Case

from .gather import package_id, submission_for
from .package.writer import PackageError, write_package
from .services import case_packaged

Progress = Callable[[int, int, str], None]


class ExportRefused(Exception):
    """The export cannot start (the directory); the message is Swedish."""


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (case number, why)
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (document, format note)
    secret: list[str] = field(default_factory=list)  # documents packed with their restriction
    documents: int = 0
    bytes: int = 0


def prepare_target(target: Path, *, resume: bool) -> None:
    if target.exists() and not target.is_dir():
        raise ExportRefused(f"{target} finns redan och är ingen katalog.")
    if target.exists() and not resume and any(target.iterdir()):
        raise ExportRefused(
            f"Katalogen {target} finns redan och är inte tom. Välj en ny katalog, eller "
            "fortsätt en avbruten export med --resume."
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target, prefix=".kansli-write-test-"):
            pass
    except OSError as error:
        raise ExportRefused(
            f"Katalogen {target} går inte att skriva i ({error.strerror or error})."
        ) from error
    for partial in target.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)


def export_cases(
    cases: Iterable[Case],
    target: Path,
    *,
    resume: bool = False,
    progress: Progress | None = None,
) -> ExportReport:
    prepare_target(target, resume=resume)
    chosen = list(cases)
    report = ExportReport()
    named: dict[str, Case] = {}  # package id → the case it was given to in this run
    for position, case in enumerate(chosen, start=1):
        identifier = package_id(case)
        if named.setdefault(identifier, case).pk != case.pk:
            message = (
                f"Ärende {case.number} skulle få samma paketnamn ({identifier}) som ärende "
                f"{named[identifier].number}; exportera det för sig till en annan katalog."
            )
            report.refused.append((case.number, message))
            if progress:
                progress(position, len(chosen), message)
            continue
        if (target / identifier).exists():
            # Written by the interrupted run; its history row may not have been.
            case_packaged(actor=None, case=case, package_id=identifier, once=True)
            report.skipped.append(case.number)
            if progress:
                progress(position, len(chosen), f"{case.number}: fanns redan, hoppades över")
            continue
        try:
            submission = submission_for(case)
            write_package(submission, target)
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise ExportRefused(
                    f"Disken är full i {target}; exporten avbröts vid ärende {case.number}. "
                    "Frigör utrymme och fortsätt med --resume."
                ) from error
            message = f"Ärende {case.number} kunde inte skrivas ({error.strerror or error})."
            report.refused.append((case.number, message))
            if progress:
                progress(position, len(chosen), message)
            continue
        except (ValidationError, PackageError) as error:
            message = (
                "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            )
            report.refused.append((case.number, message))
            if progress:
                progress(position, len(chosen), f"{case.number}: {message}")
            continue
        case_packaged(actor=None, case=case, package_id=identifier)
        report.written.append(case.number)
        for document in submission.case.documents:
            report.documents += 1
            if document.restriction is not None:
                report.secret.append(document.identifier)
            if document.file is not None:
                report.bytes += document.file.size
                if document.file.format_note:
                    report.flagged.append((document.identifier, document.file.format_note))
        if progress:
            progress(position, len(chosen), f"{case.number}: klart")
    return report


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not os.path.islink(f))
