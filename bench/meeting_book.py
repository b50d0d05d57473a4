"""Benchmark: the demo meeting's book padded to 300+ pages, by Kansli (Typst + merge) and,
for comparison, by WeasyPrint from the HTML edition of the same content.

`python -m bench.meeting_book kansli|weasyprint` runs one engine in this process (so each
process's peak memory is its own) and prints JSON; bench/__main__.py runs both and prints
the ratios.
"""

import io
import json
import os
import resource
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.test")

RUNS = 5
PADDING_ITEMS = 24  # each: a divider, a memo of about three pages, an eight-page attachment
ATTACHMENT_PAGES = 8

PARAGRAPH = (
    "Förvaltningen har gått igenom underlaget och bedömer att förslaget kan genomföras inom "
    "befintlig ram. Uppföljningen sker i delårsrapporten och i årsredovisningen, där "
    "resultatet jämförs med målen i verksamhetsplanen och med tidigare år."
)


def _pad(meeting) -> None:  # type: ignore[no-untyped-def]
    """Synthetic items with long memos, tables and multi-page attachments."""
    import typst

    from kansli.meetings import services
    from kansli.memos.models import RecipientKind
    from kansli.memos.services import BasisInput, RecipientInput, memo_update
    from kansli.registry.models import Series
    from kansli.registry.services import case_register, document_register

    series = Series.objects.get(body=meeting.organization.body, code="RS")
    attachment = typst.compile(
        ("Bilaga, sida " + "#pagebreak() Bilaga, sida ".join(["x"] * ATTACHMENT_PAGES)).encode(),
        pdf_standards=["a-2b"],
    )
    table = "| År | Kostnad (tkr) | Intäkt (tkr) |\n|---|--:|--:|\n" + "".join(
        f"| {2010 + y} | {1000 + 37 * y},0 | {900 + 41 * y},5 |\n" for y in range(12)
    )
    long_text = "\n\n".join([PARAGRAPH] * 6)
    for index in range(PADDING_ITEMS):
        case = case_register(
            actor=None, body=meeting.organization.body, series=series, title=f"Utredning {index}"
        )
        document = document_register(
            actor=None,
            case=case,
            kind="upprattad",
            date=meeting.date,
            description=f"Utredningsrapport {index}",
            file=io.BytesIO(attachment),
            file_name="rapport.pdf",
        )
        item = services.agenda_item_add(
            actor=None,
            meeting=meeting,
            title=f"Utredning nummer {index} om verksamhetens utveckling",
            case=case,
            formula="Regionstyrelsen beslutar",
            clauses=["att godkänna rapporten, samt", "att lägga rapporten till handlingarna."],
        )
        memo = services.agenda_item_memo_create(actor=None, item=item)
        memo_update(
            actor=None,
            memo=memo,
            title=memo.title,
            formula="Regionstyrelsen beslutar",
            clauses=["att godkänna rapporten, samt", "att lägga rapporten till handlingarna."],
            sections={
                "sammanfattning": long_text,
                "arendebeskrivning": long_text + "\n\n" + table,
                "bedomning": "- en punkt\n- en andra punkt\n- en tredje punkt\n\n" + long_text,
                "konsekvenser": "Inga.",
                "ekonomi": table,
                "uppfoljning": PARAGRAPH,
            },
            basis=[BasisInput("FöredragningsPM"), BasisInput(document.description, document)],
            recipients=[RecipientInput(RecipientKind.TEXT, text="Akten")],
            signatory_name="Rickard Simonsson",
            signatory_title="Regiondirektör",
            unit="Regionkansliet",
            official_name="Maria Persson",
        )


def _median_run(work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """Median seconds of RUNS runs, each with a fresh Typst compiler (Typst's own memoised
    layout may still be reused within the process, as it is in the long-running worker)."""
    from kansli.core import pdf

    times = []
    result = None
    for _ in range(RUNS):
        pdf._local.compiler = None
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(engine: str) -> None:
    import django

    django.setup()
    import tempfile

    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="kansli-bench-")
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from pypdf import PdfReader

        from kansli.demo.loader import demo_load
        from kansli.meetings.book.data import book_data
        from kansli.meetings.book.render import render_book
        from kansli.meetings.models import BookEdition, Meeting

        demo_load()
        meeting = Meeting.objects.get()
        _pad(meeting)
        baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if engine == "kansli":
            # the first build in a fresh process: fonts loaded, nothing cached
            start = time.perf_counter()
            render_book(book_data(meeting, BookEdition.MEMBERS))
            first_seconds = time.perf_counter() - start
            # the whole build: gather the data, compile the frame, merge the attachments
            seconds, result = _median_run(
                lambda: render_book(book_data(meeting, BookEdition.MEMBERS))
            )
            pdf, pages = result  # type: ignore[misc]
            from kansli.core.pdf import render_pdf
            from kansli.meetings.book.render import TEMPLATE

            data = book_data(meeting, BookEdition.MEMBERS).data
            frame_seconds, frame = _median_run(lambda: render_pdf(TEMPLATE, _sized(data)))
            frame_pages = len(PdfReader(io.BytesIO(frame)).pages)  # type: ignore[arg-type]
            extra = {
                "first_seconds": first_seconds,
                "frame_seconds": frame_seconds,
                "frame_pages": frame_pages,
            }
        else:
            from django.template.loader import render_to_string
            from weasyprint import HTML

            data = book_data(meeting, BookEdition.MEMBERS).data
            html = render_to_string("meetings/book_print.html", {"book": data, "print": True})
            seconds, pdf = _median_run(lambda: HTML(string=html).write_pdf())
            pages = len(PdfReader(io.BytesIO(pdf)).pages)  # type: ignore[arg-type]
            extra = {}
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {
                    "engine": engine,
                    "pages": pages,
                    "seconds": seconds,
                    "runs": RUNS,
                    "peak_mb": peak_kb / 1024,
                    "baseline_mb": baseline_kb / 1024,
                    **extra,
                }
            )
        )
    finally:
        teardown_databases(old, verbosity=0)


def _sized(data: dict) -> dict:
    """The frame alone: the generated pages, no placeholders for attachments."""
    return {
        **data,
        "items": [{**item, "attachments": []} for item in data["items"]],
    }


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "kansli")
