"""Generated PDF stand-ins for the demo's registered documents."""

import functools
import json
from pathlib import Path

import typst

TEMPLATE = Path(__file__).with_name("standin.typ")

PARAGRAPHS = [
    "Detta är en ersättningshandling i Kanslis demonstrationsdata. Den visar hur en "
    "registrerad handling ser ut i diariet: numrerad, daterad och kopplad till sitt ärende.",
    "Originalhandlingen finns hos huvudmannen. Innehållet här är skrivet för demonstrationen "
    "och återger inte originalets text.",
]


@functools.lru_cache(maxsize=64)
def standin_pdf(
    *,
    body: str,
    number: str,
    kind: str,
    date: str,
    counterpart: str,
    description: str,
    text: str = "",
) -> bytes:
    """The stand-in, compiled once per process for the same facts: a second load of the demo
    (a reset, each test that loads it) reuses the first one's bytes."""
    data = {
        "body": body,
        "number": number,
        "kind": kind,
        "date": date,
        "counterpart": counterpart,
        "description": description,
        "paragraphs": [*PARAGRAPHS, text] if text else PARAGRAPHS,
    }
    return typst.compile(
        str(TEMPLATE), sys_inputs={"data": json.dumps(data)}, pdf_standards=["a-2b"]
    )
