from .assignment import Assignment, AssignmentStatus
from .followup import FollowUp

__all__ = ["Assignment", "AssignmentStatus", "FollowUp"]
