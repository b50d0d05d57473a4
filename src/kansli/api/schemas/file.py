import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field


class FileOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/File"]
    name: str
    fileName: str
    mimeType: str | None = None
    size: int | None = None
    sha256Checksum: str | None = None
    date: datetime.date | None = None
    accessUrl: str
    downloadUrl: str
    paper: list[str] | None = Field(None, description="Ärendet handlingen hör till.")
    meeting: list[str] | None = Field(
        None, description="Sammanträdet, för ett protokoll (resultsProtocol)."
    )
    created: datetime.datetime | None = None
