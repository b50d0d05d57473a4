"""Writes of the delegation workflow: the delegation order, decisions taken under it, incoming
communications, and the report of both to the body's meeting."""

from .order import delegation_point_create, delegation_point_update
from .posting import delegated_decision_post
from .register import communication_register, delegated_decision_register
from .report import REPORT_TITLE, report_item_compile, report_row_remove, report_summary

__all__ = [
    "REPORT_TITLE",
    "communication_register",
    "delegated_decision_post",
    "delegated_decision_register",
    "delegation_point_create",
    "delegation_point_update",
    "report_item_compile",
    "report_row_remove",
    "report_summary",
]
