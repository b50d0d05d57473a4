from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kansli.core.admin_base import AuditedAdmin, ReadOnlyAdmin

from . import selectors
from .models import Case, Document, Series


@admin.register(Series)
class SeriesAdmin(AuditedAdmin):
    list_display = ("code", "name", "body")


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "case_type", "status", "official", "registered_on")
    list_filter = ("status", "case_type", "series")
    search_fields = ("number", "title")

    def get_queryset(self, request: HttpRequest) -> Any:
        cases = super().get_queryset(request)
        if not selectors.sees_all_secrets(request.user):
            cases = cases.filter(secrecy="")
        return cases


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    """Documents are listed through the selectors: secret ones only for the registry."""

    list_display = ("__str__", "kind", "date", "visibility", "secrecy")
    list_filter = ("kind", "visibility")
    search_fields = ("description", "case__number")
    exclude = ("file",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return selectors.documents_visible(viewer=request.user).select_related("case")
