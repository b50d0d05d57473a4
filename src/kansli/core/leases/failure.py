"""How an app hears that one of its tasks failed for good, and where a long task may pause.

Core imports no app: each app registers, beside its task, what failing means for the object
the task works on (a book marked failed, a document sent to the review queue)."""

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django_tasks.base import Task

logger = logging.getLogger(__name__)

FailureHandler = Callable[..., None]
F = TypeVar("F", bound=FailureHandler)

_HANDLERS: dict[str, FailureHandler] = {}

# Shown to the user after the domain's own words (kept short; one sentence each).
TASK_ERROR = "Ett internt fel inträffade i bakgrundsarbetet."


def worker_lost(attempts: int) -> str:
    times = "en gång" if attempts == 1 else f"{attempts} gånger"
    return f"Bakgrundsarbetaren stannade {times} medan arbetet pågick."


def on_failure(task: Task[Any, Any]) -> Callable[[F], F]:
    """Register `handler(*args, message=..., **kwargs)`, called with the task's own arguments
    when the task has failed for good: its worker died more than KANSLI_TASK_RETRIES + 1
    times, or it raised an exception. It runs in the transaction that marks the task failed,
    so the two are written together; it must be safe to call more than once."""

    def register(handler: F) -> F:
        _HANDLERS[task.module_path] = handler
        return handler

    return register


def handler_for(task: Task[Any, Any]) -> FailureHandler | None:
    return _HANDLERS.get(task.module_path)


def checkpoint() -> None:
    """A place in a long task where a test may stop the worker: pauses
    KANSLI_TASK_PAUSE_SECONDS (0, i.e. no pause, except in tests)."""
    pause = float(getattr(settings, "KANSLI_TASK_PAUSE_SECONDS", 0) or 0)
    if pause > 0:
        logger.info("checkpoint: pausing %s s", pause)
        time.sleep(pause)
