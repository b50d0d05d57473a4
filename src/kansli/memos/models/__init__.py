from .memo import (
    REQUIRED_SECTIONS,
    BasisEntry,
    Memo,
    MemoSection,
    MemoStatus,
    Recipient,
    RecipientKind,
    SectionKey,
)
from .proposal import Clause, DecisionProposal

__all__ = [
    "REQUIRED_SECTIONS",
    "BasisEntry",
    "Clause",
    "DecisionProposal",
    "Memo",
    "MemoSection",
    "MemoStatus",
    "Recipient",
    "RecipientKind",
    "SectionKey",
]
