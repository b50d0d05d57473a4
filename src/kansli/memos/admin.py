from django.contrib import admin
from django.http import HttpRequest

from kansli.core.admin_base import ReadOnlyAdmin

from .models import Clause, DecisionProposal


class ClauseInline(admin.TabularInline[Clause, DecisionProposal]):
    model = Clause
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: DecisionProposal | None = None) -> bool:
        return False

    # An inline is asked about the parent object. django-stubs' InlineModelAdmin says so too,
    # but BaseModelAdmin's signature (the inline's own model) is checked against the override.
    def has_change_permission(  # type: ignore[override]
        self, request: HttpRequest, obj: DecisionProposal | None = None
    ) -> bool:
        return False


@admin.register(DecisionProposal)
class DecisionProposalAdmin(ReadOnlyAdmin[DecisionProposal]):
    list_display = ("formula",)
    inlines = [ClauseInline]
