"""What an import wrote, left alone and warned about, in Swedish lines."""

from dataclasses import dataclass, field

from django.core.files.storage import Storage

from ..parsing.parsed import Problem


@dataclass
class Log:
    file: str = ""
    line: int | None = None
    created_lines: list[str] = field(default_factory=list)
    existing_lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[tuple[Storage, str]] = field(default_factory=list)

    def at(self, file: str, line: int | None) -> None:
        self.file, self.line = file, line

    def created(self, what: str) -> None:
        self.created_lines.append(what)

    def existing(self, what: str) -> None:
        self.existing_lines.append(what)

    def stored(self, storage: Storage, name: str) -> None:
        """A file written to storage: a rollback leaves it behind unless `discard_files`."""
        self.files.append((storage, name))

    def discard_files(self) -> None:
        """Delete the files written, after the transaction that refers to them rolled back."""
        for storage, name in self.files:
            storage.delete(name)
        self.files.clear()

    def warn(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, message, "varning"))

    def error(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, message))
