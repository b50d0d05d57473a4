from .case import Case, CaseStatus, CaseType
from .counter import CaseNumberCounter
from .document import Document, DocumentKind, Visibility
from .series import Series

__all__ = [
    "Case",
    "CaseNumberCounter",
    "CaseStatus",
    "CaseType",
    "Document",
    "DocumentKind",
    "Series",
    "Visibility",
]
