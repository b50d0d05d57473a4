"""Writes of decision proposals. Called by the meetings services (and, later, memos)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from . import rules
from .models import Clause, DecisionProposal


def proposal_problems(formula: str, clauses: list[str]) -> list[str]:
    """Everything wrong with a proposal, in Swedish; empty when it is well formed."""
    problems = []
    if not formula.strip():
        problems.append("Ange beslutsformel, t.ex. ”Regionstyrelsen beslutar”.")
    if not clauses:
        problems.append("Ange minst en att-sats.")
    for number, clause in enumerate(clauses, start=1):
        if not rules.clause_begins_with_att(clause):
            problems.append(f"Att-sats {number} börjar inte med ”att”: ”{clause[:60]}”.")
    return problems


@transaction.atomic
def proposal_create(
    *, actor: User | None, formula: str, clauses: list[str], scope: str = ""
) -> DecisionProposal:
    formula = " ".join(formula.split())
    clauses = [" ".join(c.split()) for c in clauses if c.strip()]
    problems = proposal_problems(formula, clauses)
    if problems:
        raise ValidationError({"proposal": problems})
    proposal = DecisionProposal(formula=formula)
    proposal.full_clean()
    proposal.save()
    for position, text in enumerate(clauses, start=1):
        clause = Clause(proposal=proposal, position=position, text=text)
        clause.full_clean()
        clause.save()
    audit_record(
        actor=actor,
        action="proposal_create",
        obj=proposal,
        scope=scope,
        summary=f"Förslag till beslut: {formula}, {len(clauses)} att-satser.",
    )
    return proposal
