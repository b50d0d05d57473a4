from .allocation import StateAllocation
from .board import BoardAppointment, BoardRole, BoardTerm
from .charter import CharterAdoption, CharterVersion
from .federation import Federation, SplitRule
from .followup import ExtraFunds, FollowUp
from .member import FederationMember, MemberKind
from .population import Population

__all__ = [
    "BoardAppointment",
    "BoardRole",
    "BoardTerm",
    "CharterAdoption",
    "CharterVersion",
    "ExtraFunds",
    "Federation",
    "FederationMember",
    "FollowUp",
    "MemberKind",
    "Population",
    "SplitRule",
    "StateAllocation",
]
