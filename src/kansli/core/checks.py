"""Checks of input that every workflow's services share: one-line text with a limit, and days
that cannot lie in the future. They collect Swedish messages per field in `errors`, so a
service can report every problem at once and raise one ValidationError."""

import datetime

from django.utils import timezone

from .text import clean_text


def one_line(text: str) -> str:
    """Text on one line: runs of whitespace (and line breaks) as one space, without the
    characters Kansli never keeps (core.text)."""
    return " ".join(clean_text(text, multiline=False).split())


def text_field(errors: dict[str, str], field: str, value: str, limit: int, missing: str) -> str:
    """`value` on one line; a missing (when `missing` is given) or too long text is recorded
    in `errors`."""
    value = one_line(value)
    if not value and missing:
        errors[field] = missing
    elif len(value) > limit:
        errors[field] = f"Högst {limit} tecken."
    return value


def not_future(errors: dict[str, str], field: str, day: datetime.date | None, what: str) -> None:
    """A day that has not come yet is recorded in `errors`: "<what> kan inte ligga i framtiden"."""
    if day is not None and day > timezone.localdate():
        errors[field] = f"{what} kan inte ligga i framtiden."
