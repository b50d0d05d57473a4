"""The upload form: several text files and their encoding."""

from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from kansli.core.formatting import format_number
from kansli.core.forms import KansliForm

from .parsing.source import MAX_BYTES

MAX_FILES = 50

ENCODINGS = [
    ("", "UTF-8 (standard)"),
    ("latin-1", "Latin-1 (ISO 8859-1)"),
    ("cp1252", "Windows-1252"),
    ("utf-16", "UTF-16"),
]


def safe_name(name: str | None) -> str:
    """A file's name without any path, at most 200 characters."""
    return PurePath((name or "fil").replace("\\", "/")).name[-200:] or "fil"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's documented way to take several files in one field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.md,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class ImportUploadForm(KansliForm):
    uploads = MultipleFileField(
        label="Filer",
        allow_empty_file=True,  # the reader says which file is empty, by name
        help_text=(
            "Kallelser, föredragnings-PM och protokoll som text (exporterad från PDF), "
            f"UTF-8 eller annan vald teckenkodning. Högst {MAX_FILES} filer och "
            f"{MAX_BYTES // 1_048_576} MB per fil."
        ),
        error_messages={
            "required": "Välj minst en fil att läsa in.",
            "invalid": "Det som skickades är inte en fil.",
        },
    )
    encoding = forms.ChoiceField(
        label="Teckenkodning",
        choices=ENCODINGS,
        required=False,
        help_text="Välj en annan teckenkodning bara om importen säger att filerna inte är UTF-8.",
        error_messages={"invalid_choice": "Välj en av de teckenkodningar som finns i listan."},
    )

    def clean_uploads(self) -> list[tuple[str, UploadedFile]]:
        """The files with their names, unread: the worker reads them (importer.jobs)."""
        uploads: list[UploadedFile] = self.cleaned_data["uploads"]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                f"Högst {MAX_FILES} filer åt gången; du valde {len(uploads)}."
            )
        total = sum(upload.size or 0 for upload in uploads)
        if total > settings.KANSLI_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"Filerna är för stora tillsammans ({format_number(total)} byte); högst "
                f"{format_number(settings.KANSLI_MAX_UPLOAD_BYTES)} byte åt gången."
            )
        files = []
        for upload in uploads:
            name = safe_name(upload.name)
            if (upload.size or 0) > MAX_BYTES:
                raise forms.ValidationError(
                    f"Filen {name} är för stor ({format_number(upload.size or 0)} byte); "
                    f"högst {MAX_BYTES // 1_048_576} MB per fil."
                )
            files.append((name, upload))
        return files

    def clean_encoding(self) -> str | None:
        return self.cleaned_data["encoding"] or None
