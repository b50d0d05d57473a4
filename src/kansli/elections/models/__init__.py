from .by_election import ByElection, VacancyReason
from .resignation import Resignation, ResignationStatus

__all__ = ["ByElection", "Resignation", "ResignationStatus", "VacancyReason"]
