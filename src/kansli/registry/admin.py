from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from kansli.core.admin_base import AuditedAdmin, ReadOnlyAdmin
from kansli.core.roles import request_actor

from . import selectors, services
from .models import Case, Document, Series


class SeriesAdminForm(forms.ModelForm[Series]):
    """The default series is chosen here with a checkbox; saving it moves the default from
    the body's previous default (services.series_set_default), so it is not a model field of
    the form (the one-default constraint would refuse the switch before it is made)."""

    make_default = forms.BooleanField(
        label="Standardserie",
        required=False,
        help_text="Serien som föreslås när ett ärende registreras och som används när ingen "
        "serie anges, t.ex. för sammanträdets eget ärende. Huvudmannens tidigare "
        "standardserie slutar vara det.",
    )

    class Meta:
        model = Series
        fields = ("body", "code", "name")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["make_default"].initial = self.instance.is_default

    def clean_make_default(self) -> bool:
        make_default: bool = self.cleaned_data["make_default"]
        if self.instance.pk and self.instance.is_default and not make_default:
            raise forms.ValidationError(
                "Huvudmannen behöver en standardserie. Välj en annan serie som standard i "
                "stället; då slutar den här vara det."
            )
        return make_default


@admin.register(Series)
class SeriesAdmin(AuditedAdmin[Series]):
    form = SeriesAdminForm
    fields = ("body", "code", "name", "make_default")
    list_display = ("code", "name", "body", "is_default")

    def get_readonly_fields(
        self, request: HttpRequest, obj: Series | None = None
    ) -> tuple[str, ...]:
        # A series keeps its body: its cases are numbered in it.
        return ("body",) if obj is not None else ()

    def save_model(
        self, request: HttpRequest, obj: Series, form: forms.ModelForm[Series], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        has_default = Series.objects.filter(body=obj.body, is_default=True).exists()
        if form.cleaned_data.get("make_default") or not has_default:
            services.series_set_default(actor=request_actor(request), series=obj)


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin[Case]):
    list_display = ("number", "title", "case_type", "status", "official", "registered_on")
    list_filter = ("status", "case_type", "series")
    search_fields = ("number", "title")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Case]:
        cases = super().get_queryset(request)
        if not selectors.sees_all_secrets(request.user):
            cases = cases.filter(secrecy="")
        return cases


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin[Document]):
    """Documents are listed through the selectors: secret ones only for the registry."""

    list_display = ("__str__", "kind", "date", "visibility", "secrecy")
    list_filter = ("kind", "visibility")
    search_fields = ("description", "case__number")
    exclude = ("file",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        return selectors.documents_visible(viewer=request.user).select_related("case")
