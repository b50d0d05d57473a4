"""Admin base classes that keep the project's rules: every write is audited, and objects
whose writes have rules are read-only here (their services are used through the UI)."""

from typing import TypeVar

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from .audit import audit_record
from .roles import request_actor

_M = TypeVar("_M", bound=models.Model)


class AuditedAdmin(admin.ModelAdmin[_M]):
    """Reference data the system administrator maintains; each save and delete is audited
    in the admin's own transaction."""

    def save_model(self, request: HttpRequest, obj: _M, form: ModelForm[_M], change: bool) -> None:
        super().save_model(request, obj, form, change)
        changed = ", ".join(form.changed_data) if change else ""
        audit_record(
            actor=request_actor(request),
            action="admin_change" if change else "admin_add",
            obj=obj,
            summary=(
                f"Ändrade {obj} i administrationen ({changed})."
                if change
                else f"Lade till {obj} i administrationen."
            ),
            changes={"fields": form.changed_data},
        )

    def delete_model(self, request: HttpRequest, obj: _M) -> None:
        audit_record(
            actor=request_actor(request),
            action="admin_delete",
            obj=obj,
            summary=f"Tog bort {obj} i administrationen.",
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[_M]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin[_M]):
    """Shown for inspection; changed only through Kansli's own pages and services."""

    def has_add_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False
