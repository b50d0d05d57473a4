from typing import Literal

from ninja import Schema
from pydantic import Field

from .common import Links, Pagination


class OrganizationOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Organization"]
    body: str
    name: str
    shortName: str | None = None
    organizationType: str = Field(description="OParl-typen: Gremium eller externes Gremium.")
    classification: str = Field(description="Organets typ: Fullmäktige, Styrelse, Nämnd …")
    subOrganizationOf: str | None = Field(None, description="Det överordnade organet.")
    membership: list[str] = Field(description="Organets uppdrag, nuvarande och tidigare.")
    meeting: str = Field(description="Listan över organets sammanträden.")


class OrganizationList(Schema):
    data: list[OrganizationOut]
    pagination: Pagination
    links: Links
