from django.contrib import admin

from kansli.core.admin_base import ReadOnlyAdmin

from .models import AgendaItem, Meeting


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False
    fields = ("number", "title", "case", "is_public")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("organization", "date", "start_time", "end_time", "place")
    list_filter = ("organization",)
    inlines = [AgendaItemInline]
