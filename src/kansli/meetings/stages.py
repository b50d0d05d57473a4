"""Where a meeting stands: its stages in order (agenda, memos, meeting book, notice, … minutes,
adjustment, posting, dispatch), each with what is done and the one next action.

The meetings app gives its own stages; apps above it add theirs with `register_stages` from
their AppConfig.ready() (the minutes add minutes, adjustment, posting and dispatch)."""

from collections.abc import Callable
from dataclasses import dataclass

from kansli.core.roles import Viewer

from .models import Meeting


@dataclass(frozen=True)
class Stage:
    key: str
    label: str  # "Kallelsen skickad"
    done: bool | None  # None: not yet possible, or not to be done
    detail: str  # "till 28 av 30"
    action: str = ""  # "Skicka kallelsen"
    url: str = ""
    warning: str = ""


StageProvider = Callable[[Meeting, Viewer | None], list[Stage]]
_providers: list[tuple[int, StageProvider]] = []


def register_stages(provider: StageProvider, order: int) -> None:
    """Add a provider of stages; `order` places its stages among the others (the meetings'
    own are 100, the minutes' 200)."""
    if all(p is not provider for _, p in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda entry: entry[0])


def meeting_stages(meeting: Meeting, viewer: Viewer | None) -> list[Stage]:
    return [stage for _, provider in _providers for stage in provider(meeting, viewer)]


def next_stage(stages: list[Stage]) -> Stage | None:
    """The first stage not done that has an action: what to do next."""
    return next((s for s in stages if s.done is False and s.action), None)
