from .by_election import ByElection
from .resignation import Resignation, ResignationStatus

__all__ = ["ByElection", "Resignation", "ResignationStatus"]
