from typing import Literal

from ninja import Schema
from pydantic import Field


class SystemOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/System"]
    oparlVersion: Literal["https://schema.oparl.org/1.1/"]
    name: str
    body: str = Field(description="Listan över huvudmän.")
    website: str = Field(description="Den publika webbplatsen (insyn).")
    vendor: str
    product: str
