"""Writes of the Finsam module, one concept per file; each with actor and audit row in one
transaction, bad input refused whole with a Swedish ValidationError."""

from ._guard import MAX_AMOUNT
from .board import board_appointment_add, board_appointment_remove, board_term_create
from .charters import charter_adopt, charter_propose
from .contribution import contribution_case_create
from .federations import (
    federation_create,
    federation_member_add,
    federation_member_update,
    federation_update,
    fixed_shares_problem,
)
from .figures import (
    FOLLOW_UP_FIELDS,
    FOLLOW_UP_LABELS,
    ExtraFundsInput,
    follow_up_record,
    state_allocations_record,
)
from .populations import MAX_INHABITANTS, population_record, populations_record

__all__ = [
    "FOLLOW_UP_FIELDS",
    "FOLLOW_UP_LABELS",
    "MAX_AMOUNT",
    "MAX_INHABITANTS",
    "ExtraFundsInput",
    "board_appointment_add",
    "board_appointment_remove",
    "board_term_create",
    "charter_adopt",
    "charter_propose",
    "contribution_case_create",
    "federation_create",
    "federation_member_add",
    "federation_member_update",
    "federation_update",
    "fixed_shares_problem",
    "follow_up_record",
    "population_record",
    "populations_record",
    "state_allocations_record",
]
