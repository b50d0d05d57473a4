"""Law is code: every rule function declares, as data, what it rests on.

A rule function carries one of three marks, set by a decorator:
- `cites(...)`: a statute's paragraphs ("KL 5 kap. 45 §"), a one-line statement in Swedish,
  and whether the paragraph was checked against the statute text (LAW-VERIFIED.md). A rule
  whose text was not read says `verified=False` and is shown "[att kontrollera]".
- `local_rule(...)`: a rule a body sets itself (arbetsordning, reglemente, förbundsordning),
  with where it usually comes from.
- `practice(...)`: no statute and no local rule: drafting practice or a check Kansli makes so
  that a slip is caught (a case registered after its meeting).

`docs/law.md` is generated from these marks (`python -m kansli law_table`); a test fails when a
public function of a rules module has no mark or the table is out of date. Pure Python: no
Django, so every layer may use it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

F = TypeVar("F", bound=Callable[..., object])

Kind = Literal["lag", "lokal", "praxis"]


@dataclass(frozen=True)
class Rule:
    kind: Kind
    cites: tuple[str, ...]  # "KL 5 kap. 45 §"; for a local rule, where it comes from
    says: str  # one line, Swedish
    verified: bool
    function: str = ""  # "kansli.minutes.rules.has_quorum", filled in by the decorator


# Every marked function, by its dotted name, in the order they were imported.
RULES: dict[str, Rule] = {}

# How an act is written in a citation: an abbreviation, or the act's SFS number.
_CITATION = re.compile(
    r"^(KL|OSL|AvtL|lag \(\d{4}:\d{1,4}\)) "
    r"(\d{1,2} kap\. )?\d{1,3}( a)?(–\d{1,3})? §§?( \d st\.( \d{1,2})?)?$"
)


def citation_problem(citation: str) -> str:
    """Why a citation is not written the way the table reads it, or "" when it is."""
    if _CITATION.match(citation):
        return ""
    return (
        f"Lagrummet ”{citation}” är inte skrivet som ”KL 5 kap. 45 §” eller ”lag (1930:173) 2 §”."
    )


def _mark(rule: Rule) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        name = f"{function.__module__}.{function.__qualname__}"
        marked = Rule(rule.kind, rule.cites, rule.says, rule.verified, name)
        function.__law__ = marked  # type: ignore[attr-defined]
        RULES[name] = marked
        return function

    return decorate


def cites(*paragraphs: str, says: str, verified: bool = True) -> Callable[[F], F]:
    """The rule rests on these paragraphs of a statute."""
    if not paragraphs:
        raise ValueError("a statute rule cites at least one paragraph")
    for paragraph in paragraphs:
        if problem := citation_problem(paragraph):
            raise ValueError(problem)
    return _mark(Rule("lag", tuple(paragraphs), says, verified))


def local_rule(source: str, *, says: str) -> Callable[[F], F]:
    """The rule is the body's own (its arbetsordning, reglemente or förbundsordning), often
    with a statute that leaves it to the body."""
    return _mark(Rule("lokal", (source,), says, True))


def practice(*, says: str) -> Callable[[F], F]:
    """No rule of law: drafting practice, or a check that catches a slip."""
    return _mark(Rule("praxis", (), says, True))


def rule_of(function: Callable[..., object]) -> Rule | None:
    return getattr(function, "__law__", None)


_PARAGRAPHS = re.compile(
    r"(?P<chapter>\d{1,2}) kap\. (?P<first>\d{1,3})(?:\s*[–-]\s*(?P<last>\d{1,3}))? §"
)


def kl_paragraphs(text: str) -> set[str]:
    """Every single paragraph ("5 kap. 45 §") a text names, ranges ("5 kap. 17–21 §§")
    spelled out one by one."""
    found: set[str] = set()
    for match in _PARAGRAPHS.finditer(text):
        first = int(match["first"])
        last = int(match["last"] or first)
        found.update(f"{match['chapter']} kap. {n} §" for n in range(first, last + 1))
    return found
