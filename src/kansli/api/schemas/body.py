from typing import Literal

from ninja import Schema
from pydantic import Field

from .common import Links, Pagination
from .legislative_term import LegislativeTermOut


class BodyOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Body"]
    system: str
    name: str
    shortName: str | None = None
    website: str = Field(description="Den publika webbplatsen (insyn).")
    organization: str = Field(description="Listan över huvudmannens organ.")
    person: str = Field(description="Listan över förtroendevalda med uppdrag hos huvudmannen.")
    meeting: str = Field(description="Listan över sammanträden.")
    paper: str = Field(description="Listan över ärenden.")
    legislativeTermList: str = Field(description="Listan över mandatperioder.")
    legislativeTerm: list[LegislativeTermOut]


class BodyList(Schema):
    data: list[BodyOut]
    pagination: Pagination
    links: Links
