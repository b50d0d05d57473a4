from .case import Case, CaseStatus, CaseType
from .classification import ClassLevel, ClassNode, RetentionAction, RetentionRule
from .counter import CaseNumberCounter
from .disposal import DisposalDecision, DisposalRecord
from .document import Document, DocumentKind, Visibility
from .series import Series

__all__ = [
    "Case",
    "CaseNumberCounter",
    "CaseStatus",
    "CaseType",
    "ClassLevel",
    "ClassNode",
    "DisposalDecision",
    "DisposalRecord",
    "Document",
    "DocumentKind",
    "RetentionAction",
    "RetentionRule",
    "Series",
    "Visibility",
]
