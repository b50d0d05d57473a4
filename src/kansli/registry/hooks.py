"""Workflows that start when a case of a given type is registered, whoever registers it: the
initiatives app makes a case of type motion (or citizen proposal) a motion in its register.

A higher app fills this in its AppConfig.ready() (the registry imports no app above it);
services.case_register calls the handlers in its own transaction, so a handler that fails
rolls the registration back. A caller that is itself the workflow (the initiatives app
registering a motion) registers the case with `start_workflow=False`.
"""

from collections import defaultdict
from typing import Protocol

from kansli.core.models import User

from .models import Case


class CaseHandler(Protocol):
    def __call__(self, *, actor: User | None, case: Case) -> object: ...


_handlers: dict[str, list[CaseHandler]] = defaultdict(list)


def on_case_registered(case_type: str, handler: CaseHandler) -> None:
    """Call `handler(actor=…, case=…)` when a case of `case_type` is registered (once, however
    often it is added)."""
    if handler not in _handlers[case_type]:
        _handlers[case_type].append(handler)


def case_registered(*, actor: User | None, case: Case) -> None:
    for handler in _handlers.get(case.case_type, []):
        handler(actor=actor, case=case)
