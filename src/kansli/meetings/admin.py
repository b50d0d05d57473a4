from django.contrib import admin
from django.http import HttpRequest

from kansli.core.admin_base import ReadOnlyAdmin

from .models import AgendaItem, Meeting


class AgendaItemInline(admin.TabularInline[AgendaItem, Meeting]):
    model = AgendaItem
    extra = 0
    can_delete = False
    fields = ("number", "title", "case", "is_public")

    def has_add_permission(self, request: HttpRequest, obj: Meeting | None = None) -> bool:
        return False

    # An inline is asked about the parent object. django-stubs' InlineModelAdmin says so too,
    # but BaseModelAdmin's signature (the inline's own model) is checked against the override.
    def has_change_permission(  # type: ignore[override]
        self, request: HttpRequest, obj: Meeting | None = None
    ) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin[Meeting]):
    list_display = ("organization", "date", "start_time", "end_time", "place")
    list_filter = ("organization",)
    inlines = [AgendaItemInline]
