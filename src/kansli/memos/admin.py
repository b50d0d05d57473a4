from django.contrib import admin

from kansli.core.admin_base import ReadOnlyAdmin

from .models import Clause, DecisionProposal


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DecisionProposal)
class DecisionProposalAdmin(ReadOnlyAdmin):
    list_display = ("formula",)
    inlines = [ClauseInline]
