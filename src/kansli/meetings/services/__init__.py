"""Writes for meetings, their agendas, memos, notices and announcements."""

from .agenda import agenda_item_add, agenda_item_retitle, agenda_item_update
from .agenda_order import agenda_item_move, agenda_reorder
from .agenda_removal import agenda_item_remove, agenda_item_withdraw
from .announcement import announcement_plan, announcement_post
from .item_memo import (
    agenda_item_memo_create,
    agenda_item_memo_mark_ready,
    earlier_memos,
    earlier_memos_of,
    memo_context,
    organization_route,
    preparation_text,
)
from .meeting import meeting_cancel, meeting_create, meeting_update
from .notice import notice_change_send, notice_send

__all__ = [
    "agenda_item_add",
    "agenda_item_memo_create",
    "agenda_item_memo_mark_ready",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_item_retitle",
    "agenda_item_update",
    "agenda_item_withdraw",
    "agenda_reorder",
    "announcement_plan",
    "announcement_post",
    "earlier_memos",
    "earlier_memos_of",
    "meeting_cancel",
    "meeting_create",
    "meeting_update",
    "memo_context",
    "notice_change_send",
    "notice_send",
    "organization_route",
    "preparation_text",
]
