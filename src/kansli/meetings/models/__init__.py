from .book import BookEdition, BookStatus, MeetingBook
from .meeting import AgendaItem, Meeting

__all__ = ["AgendaItem", "BookEdition", "BookStatus", "Meeting", "MeetingBook"]
