from .finding import Finding, FindingKind
from .publication import Publication, ReviewStatus

__all__ = ["Finding", "FindingKind", "Publication", "ReviewStatus"]
