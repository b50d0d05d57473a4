from .book import BookEdition, BookStatus, MeetingBook
from .meeting import AgendaItem, Meeting
from .step import CaseStep, StepStatus

__all__ = [
    "AgendaItem",
    "BookEdition",
    "BookStatus",
    "CaseStep",
    "Meeting",
    "MeetingBook",
    "StepStatus",
]
