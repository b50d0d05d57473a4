"""Minutes: attendance, paragraphs, votes, adjustment, notice board, dispatch."""

from .attendance import Attendance
from .correction import Correction
from .dispatch import Channel, Dispatch
from .minutes import Minutes, MinutesStatus
from .paragraph import Disqualification, MinutesNote, Paragraph, Proposal, Reservation
from .posting import Posting
from .signature import Signature, SignatureRole
from .vote import Ballot, Choice, Vote

__all__ = [
    "Attendance",
    "Ballot",
    "Channel",
    "Choice",
    "Correction",
    "Dispatch",
    "Disqualification",
    "Minutes",
    "MinutesNote",
    "MinutesStatus",
    "Paragraph",
    "Posting",
    "Proposal",
    "Reservation",
    "Signature",
    "SignatureRole",
    "Vote",
]
