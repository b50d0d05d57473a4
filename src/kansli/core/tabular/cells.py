"""Text cells of the tables Kansli writes for spreadsheets: a value that starts like a formula
(=, +, -, @, a tab or a carriage return) gets a leading apostrophe, so no spreadsheet runs
it; a reader of such a table takes the apostrophe off again (`read_text_cell`)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """A text cell that no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def read_text_cell(value: str) -> str:
    """A cell as `text_cell` wrote it: the protecting apostrophe taken off."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
