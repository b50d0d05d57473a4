"""Writes of the motion and citizen-proposal workflow. Each step checks its order (a step
cannot be dated before the one it follows, nor in the future), writes one audit row in the
same transaction, and refuses bad input whole with a Swedish message."""

from ._common import PREPARING_KINDS
from .announcement import (
    announcement_clauses,
    announcement_title,
    initiative_announce,
    initiative_announcement_record,
)
from .consent import citizen_proposal_consent
from .from_case import initiative_complete, initiative_from_case
from .register import citizen_proposal_register, motion_register
from .report import REPORT_TITLE, not_prepared_report_compile, report_summary
from .steps import citizen_proposal_delegate, initiative_decide, initiative_refer

__all__ = [
    "PREPARING_KINDS",
    "REPORT_TITLE",
    "announcement_clauses",
    "announcement_title",
    "citizen_proposal_consent",
    "citizen_proposal_delegate",
    "citizen_proposal_register",
    "initiative_announce",
    "initiative_announcement_record",
    "initiative_complete",
    "initiative_decide",
    "initiative_from_case",
    "initiative_refer",
    "motion_register",
    "not_prepared_report_compile",
    "report_summary",
]
