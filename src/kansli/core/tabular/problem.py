"""A problem found in an uploaded table, with the line it is on."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong, in Swedish, and the line of the file it is on (None: the whole file).
    A line is the line a text editor shows, or the row number in Excel."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Rad {self.line}: {self.message}" if self.line else self.message
