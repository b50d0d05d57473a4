"""Writes for minutes. Every function takes an actor and writes its audit row."""

from .at_meeting import minutes_item_add, paragraph_withdraw
from .correction import correction_create
from .dispatch import dispatch_send
from .dispatch_all import DispatchRun, dispatch_send_all, known_address
from .minutes import AttendanceInput, attendance_record, minutes_create, minutes_set_adjustment
from .paragraph import Entry, composition_of, paragraph_update, quorum_problem, vote_record
from .signing import minutes_sign, signing_problems

__all__ = [
    "AttendanceInput",
    "DispatchRun",
    "Entry",
    "attendance_record",
    "composition_of",
    "correction_create",
    "dispatch_send",
    "dispatch_send_all",
    "known_address",
    "minutes_create",
    "minutes_item_add",
    "minutes_set_adjustment",
    "minutes_sign",
    "paragraph_update",
    "paragraph_withdraw",
    "quorum_problem",
    "signing_problems",
    "vote_record",
]
