"""What an import wrote, left alone and warned about, in Swedish lines."""

from dataclasses import dataclass, field

from ..parsing.parsed import Problem


@dataclass
class Log:
    file: str = ""
    line: int | None = None
    created_lines: list[str] = field(default_factory=list)
    existing_lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def at(self, file: str, line: int | None) -> None:
        self.file, self.line = file, line

    def created(self, what: str) -> None:
        self.created_lines.append(what)

    def existing(self, what: str) -> None:
        self.existing_lines.append(what)

    def warn(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, message, "varning"))

    def error(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, message))
