from .findings import finding_add, finding_set_masked
from .publication import publication_approve, publication_prepare, publication_reopen

__all__ = [
    "finding_add",
    "finding_set_masked",
    "publication_approve",
    "publication_prepare",
    "publication_reopen",
]
