import datetime
from typing import Literal

from ninja import Schema

from .common import Links, Pagination


class LegislativeTermOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/LegislativeTerm"]
    body: str
    name: str
    startDate: datetime.date
    endDate: datetime.date


class LegislativeTermList(Schema):
    data: list[LegislativeTermOut]
    pagination: Pagination
    links: Links
