from .communication import Communication
from .decision import DelegatedDecision
from .point import DelegationPoint

__all__ = ["Communication", "DelegatedDecision", "DelegationPoint"]
