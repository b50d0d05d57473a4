"""The comparison as a PDF: the same tables and charts as the page, through Typst with the
data as JSON (kansli.core.pdf); the charts go in as SVG text and are drawn as images."""

import datetime
from typing import Any

from kansli.core.pdf import render_pdf

from .report import Report

TEMPLATE = "finsam/typst/report.typ"
TITLE = "Jämförelse mellan samordningsförbunden"


def years_text(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def intro(report: Report) -> str:
    if report.is_empty:
        return "Inga uppföljningar är införda ännu."
    which = (
        f"för {report.federation_filter.name}"
        if report.federation_filter
        else f"för {len(report.federations)} samordningsförbund"
    )
    return (
        f"Uppföljningens nyckeltal {which} år {years_text(report.years)}. Staplarna per "
        f"förbund visar {report.chart_year}; linjerna visar alla år. Ett saknat värde står "
        "som ”uppgift saknas” och ritas inte."
    )


def report_pdf_data(report: Report, *, body_name: str, today: datetime.date) -> dict[str, Any]:
    """Everything the template places, as strings already formatted the Swedish way."""
    years = [str(year) for year in report.years]
    return {
        "title": TITLE,
        "body": body_name,
        "intro": intro(report),
        "generated": f"Sammanställd {today.isoformat()} ur Kansli.",
        "federations": [{"name": f.name, "short_name": f.short_name} for f in report.federations],
        "sections": [
            {
                "label": s.label,
                "definition": s.definition,
                "bar_title": s.bar_title,
                "bar_svg": s.bar_chart,
                "bar_alt": f"Stapeldiagram: {s.bar_title}. Värdena står i tabellen nedan.",
                "line_title": s.line_title,
                "line_svg": s.line_chart,
                "line_alt": f"Linjediagram: {s.line_title}. Värdena står i tabellen nedan.",
                "table_title": f"{s.label} per förbund och år ({s.unit})",
                "table": {
                    "header": ["Förbund", *years],
                    "rows": [[row.federation.short_name, *row.texts] for row in s.rows],
                },
            }
            for s in (report.sections if not report.is_empty else ())
        ],
        "figures_note": "Uppgifterna som förbunden har lämnat och som nyckeltalen räknas "
        "fram ur. Ett streck betyder att uppgiften saknas.",
        "year_tables": [
            {
                "title": f"Uppgifter {t.year}",
                "header": ["Uppgift", *(f.short_name for f in t.federations)],
                "rows": [[label, *texts] for label, texts in t.rows],
            }
            for t in report.year_tables
        ],
        "no_problems": "Kontrollen hittade inga fel i uppgifterna.",
        "problems_note": "Uppgifter som saknas eller inte går ihop. Nyckeltal som bygger på "
        "dem kan vara missvisande.",
        "problems": [str(problem) for problem in report.problems],
    }


def report_pdf(report: Report, *, body_name: str, today: datetime.date) -> bytes:
    return render_pdf(TEMPLATE, report_pdf_data(report, body_name=body_name, today=today))
