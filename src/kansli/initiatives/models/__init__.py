from .initiative import (
    CitizenProposal,
    CouncilMotion,
    Initiative,
    InitiativeKind,
    InitiativeStatus,
    Outcome,
)

__all__ = [
    "CitizenProposal",
    "CouncilMotion",
    "Initiative",
    "InitiativeKind",
    "InitiativeStatus",
    "Outcome",
]
