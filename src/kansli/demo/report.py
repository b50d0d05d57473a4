"""What a demo load created, counted per kind."""

from dataclasses import dataclass, field


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, amount: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + amount

    @property
    def total(self) -> int:
        return sum(self.created.values())
