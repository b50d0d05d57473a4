from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from .admin_base import AuditedAdmin, ReadOnlyAdmin
from .models import AuditEntry, User
from .roles import Role, has_role


@admin.register(User)
class UserAdmin(AuditedAdmin[User], DjangoUserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "is_active", "is_staff")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin[AuditEntry]):
    list_display = ("created_at", "actor", "action", "object_repr", "scope")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "summary", "scope")
    date_hierarchy = "created_at"

    def has_view_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        """The whole log spans every case: the registry reads it, nobody else."""
        return has_role(request.user, Role.REGISTRAR) and super().has_view_permission(request, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


admin.site.site_header = "Kansli – administration"
admin.site.site_title = "Kansli"
admin.site.index_title = "Systemadministration"
