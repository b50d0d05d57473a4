"""Parameters shared by the operations."""

from typing import Annotated

from ninja import Path

from .schemas.common import ErrorOut

MAX_ID = 2**63 - 1  # the largest id a database row can have (64-bit integer)

ObjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="Objektets id (ett heltal).")]

# The errors every operation with an id or a page may answer with, JSON with a Swedish message.
ERRORS = {404: ErrorOut, 422: ErrorOut}
