import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from .agenda_item import AgendaItemOut
from .common import Links, Pagination
from .file import FileOut


class MeetingOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Meeting"]
    name: str
    cancelled: bool
    start: datetime.datetime = Field(description="Start, med tidszon (Europe/Stockholm).")
    end: datetime.datetime | None = None
    location: str = Field(description="Platsen som text (Kansli avviker här från OParl).")
    organization: list[str]
    agendaItem: list[AgendaItemOut] = Field(
        description="Dagordningen; allmänheten ser bara offentliga punkter."
    )
    resultsProtocol: FileOut | None = Field(
        None, description="Det justerade protokollet; saknas tills protokollet är justerat."
    )
    web: str = Field(description="Sammanträdets sida på den publika webbplatsen.")


class MeetingList(Schema):
    data: list[MeetingOut]
    pagination: Pagination
    links: Links
