"""Finding and masking personal data of private persons in a document's text (pure functions).

>>> redact("Ring 070-123 45 67.").text
'Ring [telefonnummer].'
"""

from .findings import Finding, Kind
from .masking import mask
from .normalise import normalise_contact
from .scan import AllowList, Redaction, find_personal_data, redact

__all__ = [
    "AllowList",
    "Finding",
    "Kind",
    "Redaction",
    "find_personal_data",
    "mask",
    "normalise_contact",
    "redact",
]
