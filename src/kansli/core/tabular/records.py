"""CSV text to records: the cells of each non-empty row with the line the row starts on.

Quotes are read strictly, so a quote that never closes, or a quoted value followed by more
text, is a problem on its line rather than a guess that swallows the rest of the file."""

import csv
import io

from .problem import Problem

Record = tuple[int, list[str]]  # the line a row starts on, its cells


def read_records(text: str, delimiter: str, first_line: int = 1) -> list[Record] | Problem:
    """The rows of `text` that have any value; `first_line` is the line `text` starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[Record] = []
    while True:
        line = reader.line_num + first_line
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as error:
            return Problem(line, _message(str(error), delimiter))
        if any(cell.strip() for cell in cells):
            records.append((line, cells))


def _message(error: str, delimiter: str) -> str:
    if "unexpected end of data" in error:
        return (
            "Raden kan inte läsas som CSV: ett citattecken på raden stängs aldrig, så resten av "
            "filen skulle bli ett enda värde. Kontrollera citattecknen."
        )
    if "field larger than field limit" in error:
        return (
            f"Raden kan inte läsas som CSV: ett värde är längre än {csv.field_size_limit()} "
            "tecken. Kontrollera citattecknen."
        )
    shown = "tabb" if delimiter == "\t" else delimiter
    return (
        "Raden kan inte läsas som CSV: ett värde inom citattecken ska följas av avgränsaren "
        f'({shown}) eller radslut, och ett citattecken i ett värde skrivs dubbelt (""). '
        "Kontrollera citattecknen."
    )


def records_text(records: list[Record], delimiter: str = ";") -> str:
    """Records as CSV text in which each starts on its own line again: a workbook's rows
    carried as text keep their row numbers (cells must hold no line breaks)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    line = 1
    for start, cells in records:
        buffer.write("\n" * (start - line))
        writer.writerow(cells)
        line = start + 1
    return buffer.getvalue()
