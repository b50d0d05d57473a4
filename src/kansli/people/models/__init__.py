from .body import Body
from .membership import Membership, MembershipRole
from .official import Official
from .organization import Organization, OrganizationKind
from .party import Party
from .person import Person
from .term import Term

__all__ = [
    "Body",
    "Membership",
    "MembershipRole",
    "Official",
    "Organization",
    "OrganizationKind",
    "Party",
    "Person",
    "Term",
]
