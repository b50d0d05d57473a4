"""A problem found in an uploaded file, with the line it is on."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str  # Swedish

    def __str__(self) -> str:
        return f"Rad {self.line}: {self.message}" if self.line else self.message
