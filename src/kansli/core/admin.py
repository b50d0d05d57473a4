from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .admin_base import AuditedAdmin, ReadOnlyAdmin
from .models import AuditEntry, User


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "is_active", "is_staff")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "object_repr", "scope")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "summary", "scope")
    date_hierarchy = "created_at"


admin.site.site_header = "Kansli – administration"
admin.site.site_title = "Kansli"
admin.site.index_title = "Systemadministration"
