"""What the test module adds at each extension point. It is installed for the whole test
suite, so what a person would see (the menu link, the start-page task, the portal link) is
shown only while a test switches the module on (settings.KANSLI_TEST_EXTENSION_SHOWN): the
rest of the suite keeps seeing exactly what production shows."""

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse

from kansli.core.extensions import StartItems
from kansli.core.models import User
from kansli.core.roles import Viewer
from kansli.people.permissions import MANAGE_PEOPLE
from kansli.registry.models import Document
from kansli.search.services import search_index, search_remove

from .models import Note

# (document id, complete) of each document whose inspection the module was told of.
inspected: list[tuple[int, bool]] = []


def switched_on() -> bool:
    return bool(getattr(settings, "KANSLI_TEST_EXTENSION_SHOWN", False))


def shown(viewer: Viewer | None) -> bool:
    """Anyone, while the module is switched on."""
    return switched_on()


def shown_to(viewer: Viewer | None) -> bool:
    """Secretaries and administrators, while the module is switched on."""
    return switched_on() and MANAGE_PEOPLE(viewer)


def start_panel(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    count = Note.objects.filter(public=False).count()
    if not count:
        return StartItems()
    return StartItems(
        tasks=[(f"{count} anteckningar i testmodulen att granska", reverse("extension_app:index"))]
    )


def index_note(note: Note) -> None:
    if not note.public:
        search_remove(key=f"note:{note.pk}")
        return
    search_index(
        key=f"note:{note.pk}",
        kind="anteckning",
        title=note.title,
        text=note.text,
        url=reverse("extension_app:index"),
        date=None,
        organization_id=None,
    )


def document_inspected(
    *, actor: User | None, document: Document, complete: bool, reason: str
) -> None:
    inspected.append((document.pk, complete))
