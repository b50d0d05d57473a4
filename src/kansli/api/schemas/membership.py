import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field


class MembershipOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Membership"]
    person: str
    organization: str
    role: str = Field(description="Ordförande, Vice ordförande, Ledamot, Ersättare …")
    votingRight: bool = Field(description="Sant för ledamöter, falskt för ersättare.")
    startDate: datetime.date
    endDate: datetime.date | None = None
