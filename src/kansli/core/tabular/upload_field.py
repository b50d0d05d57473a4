"""What an upload field for a table accepts and says: CSV always, Excel workbooks when this
installation reads them (excel.available()). Forms call `offer_formats` on their FileField so
that every import page offers and describes the same formats."""

from django import forms

from . import excel

CSV_TYPES = ".csv,.txt,text/csv,text/plain"
XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TEXT = "CSV (UTF-8, Windows-1252 eller UTF-16; semikolon, komma eller tabb mellan fälten)"
XLSX_TEXT = "Excel-arbetsbok (.xlsx, det första bladet)"


def formats_text() -> str:
    """ "CSV (…) eller Excel-arbetsbok (.xlsx, det första bladet)", for help texts."""
    return f"{CSV_TEXT} eller {XLSX_TEXT}" if excel.available() else CSV_TEXT


def offer_formats(field: forms.Field, *, limits: str = "") -> None:
    """The file input's accepted types, its label and its help text: the formats and, if
    given, the limits ("högst 1 MB och 1000 rader")."""
    field.widget.attrs["accept"] = CSV_TYPES
    if excel.available():
        field.widget.attrs["accept"] = f"{CSV_TYPES},{XLSX_TYPES}"
        if field.label == "CSV-fil":
            field.label = "CSV-fil eller Excel-arbetsbok"
    field.help_text = f"{formats_text()}; {limits}." if limits else f"{formats_text()}."
