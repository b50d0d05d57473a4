from .announcement import Announcement
from .book import BookEdition, BookStatus, MeetingBook
from .meeting import AgendaItem, Meeting
from .notice import DeliveryStatus, NoticeDelivery, NoticeKind, NoticeSending
from .step import CaseStep, StepStatus

__all__ = [
    "AgendaItem",
    "Announcement",
    "BookEdition",
    "BookStatus",
    "CaseStep",
    "DeliveryStatus",
    "Meeting",
    "MeetingBook",
    "NoticeDelivery",
    "NoticeKind",
    "NoticeSending",
    "StepStatus",
]
