"""Shapes shared by every list and every error."""

from ninja import Schema
from pydantic import Field


class Pagination(Schema):
    totalElements: int = Field(description="Antal objekt i hela listan.")
    elementsPerPage: int = Field(description="Högsta antal objekt per sida (parametern limit).")
    currentPage: int = Field(description="Den här sidans nummer, från 1.")
    totalPages: int = Field(description="Antal sidor (minst 1).")


class Links(Schema):
    first: str = Field(description="Första sidan.")
    prev: str | None = Field(None, description="Föregående sida; saknas på första sidan.")
    next: str | None = Field(None, description="Nästa sida; saknas på sista sidan.")
    last: str = Field(description="Sista sidan.")


class ErrorItem(Schema):
    parameter: str = Field(description="Parametern som är fel, t.ex. page eller id.")
    message: str = Field(description="Vad som är fel, på svenska.")


class ErrorOut(Schema):
    detail: str = Field(description="Felet på svenska.")
    errors: list[ErrorItem] | None = Field(None, description="Varje felaktig parameter.")
