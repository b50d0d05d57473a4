"""Writes of the Finsam module, one concept per file; each with actor and audit row in one
transaction, bad input refused whole with a Swedish ValidationError."""

from ._guard import MAX_AMOUNT
from .contribution import contribution_case_create
from .federations import (
    board_term_create,
    charter_adopt,
    charter_propose,
    federation_create,
    federation_member_add,
    population_record,
)
from .figures import (
    FOLLOW_UP_FIELDS,
    FOLLOW_UP_LABELS,
    ExtraFundsInput,
    follow_up_record,
    state_allocations_record,
)

__all__ = [
    "FOLLOW_UP_FIELDS",
    "FOLLOW_UP_LABELS",
    "MAX_AMOUNT",
    "ExtraFundsInput",
    "board_term_create",
    "charter_adopt",
    "charter_propose",
    "contribution_case_create",
    "federation_create",
    "federation_member_add",
    "follow_up_record",
    "population_record",
    "state_allocations_record",
]
