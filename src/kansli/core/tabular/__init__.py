"""The shared import kit for tables: every reader of an uploaded CSV file or Excel workbook
reads it through `read_table` (table.py), so that all of them take the same encodings,
separators and header spellings, have a size and a row limit, parse Swedish numbers, and
refuse a file with line-numbered Swedish problems, all or nothing.

One concept per module: problem (a line and a message), limits, decoding (the encoding
policy), formats (CSV text, a workbook, or something else), sniffing (the separator), records
(CSV text to rows), excel (the first sheet of an .xlsx), sheet (a file to rows with their
lines), headers (columns and their labels), numbers (Swedish numbers), upload_field (what a
form's file input accepts and says) and table (the entry point: a sheet read against the
reader's columns)."""

from .headers import Column
from .numbers import NumberError, parse_decimal, parse_integer
from .problem import Problem
from .sheet import Sheet, read_sheet, read_sheet_text
from .table import Row, Table, read_table, read_table_text

__all__ = [
    "Column",
    "NumberError",
    "Problem",
    "Row",
    "Sheet",
    "Table",
    "parse_decimal",
    "parse_integer",
    "read_sheet",
    "read_sheet_text",
    "read_table",
    "read_table_text",
]
