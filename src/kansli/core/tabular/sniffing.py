"""The separator of a CSV file, read from its header line: semicolon (Excel in Swedish),
comma, or tab (pasted from a spreadsheet), or the one an Excel "sep=;" first line names.
Separators inside quotes do not count."""

# In the order a tie is settled: Excel in Swedish writes semicolons.
DELIMITERS = (";", "\t", ",")
DEFAULT = ";"


def count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(line: str) -> str:
    """The separator the line holds most of, outside quotes; a semicolon when it has none
    (a table of one column)."""
    counts = {d: count_outside_quotes(line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else DEFAULT


def sniff_lines(lines: list[str]) -> str:
    """The separator of the first line that holds one outside quotes (title lines above a
    table, as SCB writes them, hold none); a semicolon when none does."""
    for line in lines:
        delimiter = sniff_delimiter(line)
        if count_outside_quotes(line, delimiter):
            return delimiter
    return DEFAULT


def separator_line(line: str) -> str | None:
    """The separator an Excel "sep=;" first line names, or None when the line is not one."""
    text = line.strip(" \r\n")  # not a tab: "sep=<tab>" names it
    if len(text) == 5 and text[:4].casefold() == "sep=" and text[4] in DELIMITERS:
        return text[4]
    return None
