from typing import Literal

from ninja import Schema
from pydantic import Field

from .common import Links, Pagination
from .membership import MembershipOut


class PersonOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Person"]
    body: str | None = None
    name: str
    familyName: str
    givenName: str
    party: str | None = Field(
        None, description="Partiets förkortning (Kansli-tillägg, finns inte i OParl)."
    )
    membership: list[MembershipOut]


class PersonList(Schema):
    data: list[PersonOut]
    pagination: Pagination
    links: Links
