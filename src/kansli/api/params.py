"""Parameters shared by the operations."""

import datetime
import re
from typing import Annotated, Any

from ninja import Path
from pydantic import BeforeValidator, Field

from .schemas.common import ErrorOut

MAX_ID = 2**63 - 1  # the largest id a database row can have (64-bit integer)

ObjectId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="Objektets id (ett heltal).", examples=[1])
]

# The errors every operation with an id or a page may answer with, JSON with a Swedish message.
ERRORS = {404: ErrorOut, 422: ErrorOut}


def _iso_date(value: Any) -> Any:
    """Only ÅÅÅÅ-MM-DD: pydantic would also take a number as seconds since 1970."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError("måste vara ett datum i formen ÅÅÅÅ-MM-DD")


IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
