import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from .common import Links, Pagination
from .consultation import ConsultationOut
from .file import FileOut


class PaperOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Paper"]
    body: str
    name: str = Field(description="Ärendemeningen; undanhållen för ett ärende med sekretess.")
    reference: str = Field(description="Diarienumret.")
    date: datetime.date
    paperType: str
    mainFile: FileOut | None = None
    auxiliaryFile: list[FileOut]
    underDirectionOf: list[str]
    consultation: list[ConsultationOut]
    web: str


class PaperList(Schema):
    data: list[PaperOut]
    pagination: Pagination
    links: Links
