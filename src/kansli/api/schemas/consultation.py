import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field


class ConsultationOut(Schema):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Consultation"]
    paper: str
    agendaItem: str | None = None
    meeting: str | None = None
    organization: list[str]
    status: str = Field(
        description="Stegets status: Väntar på dagordning, På dagordningen eller Beslutad "
        "(Kansli-tillägg)."
    )
    decidedOn: datetime.date | None = Field(None, description="Beslutsdatum (Kansli-tillägg).")
