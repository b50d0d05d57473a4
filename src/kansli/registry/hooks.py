"""Where apps above the registry join in its work. The registry imports no app above it
(docs/architecture.md); a higher app registers its callbacks here in its AppConfig.ready().

- Workflows that start when a case of a given type is registered, whoever registers it: the
  initiatives app makes a case of type motion (or citizen proposal) a motion in its register.
  services.case_register calls the handlers in its own transaction, so a handler that fails
  rolls the registration back. A caller that is itself the workflow (the initiatives app
  registering a motion) registers the case with `start_workflow=False`.
- Work after a registered document's file has been inspected (or its inspection has failed):
  the publishing app hands a public document to the privacy step before publication.
- What a case's page shows from apps above: the meetings app adds the agenda items the case
  has been on.
"""

from collections import defaultdict
from typing import Any, Protocol

from kansli.core.models import User
from kansli.core.roles import Viewer

from .models import Case, Document


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


class DocumentInspectedHandler(Protocol):
    def __call__(
        self, *, actor: User | None, document: Document, complete: bool, reason: str
    ) -> object: ...


_inspected: list[DocumentInspectedHandler] = []


def on_document_inspected(handler: DocumentInspectedHandler) -> None:
    """Call `handler(actor=…, document=…, complete=…, reason=…)` after a registered document's
    file has been read (`complete` False, with the `reason`, when its text was not read whole
    or the inspection failed). Once, however often it is added."""
    if handler not in _inspected:
        _inspected.append(handler)


def document_inspected(
    *, actor: User | None, document: Document, complete: bool = True, reason: str = ""
) -> None:
    for handler in _inspected:
        handler(actor=actor, document=document, complete=complete, reason=reason)


class CaseContext(Protocol):
    def __call__(self, *, viewer: Viewer, case: Case) -> dict[str, Any]: ...


_case_context: list[CaseContext] = []


def on_case_page(provider: CaseContext) -> None:
    """Add `provider(viewer=…, case=…)`'s entries to the context of a case's page (once,
    however often it is added)."""
    if provider not in _case_context:
        _case_context.append(provider)


def case_page_context(*, viewer: Viewer, case: Case) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for provider in _case_context:
        context.update(provider(viewer=viewer, case=case))
    return context


class ClosingDecision(Protocol):
    def __call__(self, *, case: Case) -> str: ...


_closing_decisions: list[ClosingDecision] = []


def on_closing_decision(provider: ClosingDecision) -> None:
    """Let `provider(case=…)` propose the decision that closes a case ("Regionstyrelsen
    2020-08-26 § 112"), or "" when it knows none (once, however often it is added)."""
    if provider not in _closing_decisions:
        _closing_decisions.append(provider)


def closing_decision_for(*, case: Case) -> str:
    """The first proposal a provider makes, or ""."""
    for provider in _closing_decisions:
        if proposal := provider(case=case):
            return proposal
    return ""


class DocumentDisposedHandler(Protocol):
    def __call__(self, *, document: Document) -> object: ...


_disposed: list[DocumentDisposedHandler] = []


def on_document_disposed(handler: DocumentDisposedHandler) -> None:
    """Call `handler(document=…)` when a document's file is disposed of (gallrad), inside
    the disposal's transaction: a higher app removes its own copies of the file and its
    text (the public version, the search index). Once, however often it is added."""
    if handler not in _disposed:
        _disposed.append(handler)


def document_disposed(*, document: Document) -> None:
    for handler in _disposed:
        handler(document=document)
