from typing import Literal

from ninja import Schema
from pydantic import Field


class AgendaItemOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/AgendaItem"]
    meeting: str
    number: str = Field(description="Punktens nummer på dagordningen.")
    order: int
    name: str
    public: bool
    consultation: str | None = Field(None, description="Ärendets beredning vid punkten.")
