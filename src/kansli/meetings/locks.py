"""When a meeting's agenda may no longer change in the meeting pages, and why.

The meetings app knows only its own reason (a cancelled meeting). Apps above it add theirs
with `register_agenda_lock` from their AppConfig.ready(): the minutes register that started
minutes take the agenda over (items are then added and withdrawn through the minutes) and that
adjusted minutes close it for good."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import Meeting


@dataclass(frozen=True)
class AgendaLock:
    reason: str  # Swedish, with the route to take
    minutes_may_change: bool  # the minutes may still add or withdraw items


LockProvider = Callable[[Meeting], AgendaLock | None]
_providers: list[LockProvider] = []

CANCELLED = "Sammanträdet är inställt och kan inte ändras."


def register_agenda_lock(provider: LockProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def agenda_lock(meeting: Meeting) -> AgendaLock | None:
    """The first reason the meeting's agenda is closed to the meeting pages, or None."""
    if Meeting.objects.filter(pk=meeting.pk, cancelled_at__isnull=False).exists():
        return AgendaLock(CANCELLED, minutes_may_change=False)
    for provider in _providers:
        lock = provider(meeting)
        if lock is not None:
            return lock
    return None


def agenda_open_check(meeting: Meeting, *, by_minutes: bool = False) -> None:
    """Refuse a change of the agenda the lock does not allow; `by_minutes` is the minutes'
    own change (an item added or withdrawn at the meeting)."""
    lock = agenda_lock(meeting)
    if lock is not None and not (by_minutes and lock.minutes_may_change):
        raise ValidationError(lock.reason)
