"""OParl File: a registered document (handling) the viewer may see, with its file; and the
adjusted minutes of a meeting as a file (resultsProtocol)."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router

from kansli.minutes.models import Minutes
from kansli.publishing.masking import published_facts
from kansli.publishing.public_text import masked
from kansli.publishing.redaction import AllowList
from kansli.publishing.selectors import public_file
from kansli.registry import selectors as registry
from kansli.registry.models import Document

from ..links import api_url, oparl_type, site_url
from ..params import ERRORS, ObjectId
from ..schemas.file import FileOut

router = Router(tags=["File"])


def document_file_out(
    request: HttpRequest, document: Document, *, allow: AllowList
) -> dict[str, Any] | None:
    """The File of a document the viewer has read through the registry selectors; None
    when the document has no file. Described as the file a download gives (the masked
    version when the privacy step masked anything), named by its description with personal
    data of private persons masked, as the portal shows it (`allow`: what the body publishes
    about itself, never masked: kansli.publishing.masking.published_facts, read once per
    request)."""
    stored = public_file(document)
    if stored is None:
        return None
    field, file_name = stored
    url = site_url(request, "publishing:document_file", document.pk)
    out: dict[str, Any] = {
        "id": api_url(request, "file", document.pk),
        "type": oparl_type("File"),
        "name": masked(document.description, allow=allow),
        "fileName": file_name,
        "date": document.date,
        "accessUrl": url,
        "downloadUrl": url,
        "paper": [api_url(request, "paper", document.case_id)],
        "created": document.registered_at,
    }
    if field == document.file:  # the original
        out.update(
            mimeType=document.content_type or None,
            size=document.size,
            sha256Checksum=document.sha256 or None,
        )
    else:  # the masked version: a PDF of its own size, without the original's checksum
        out["mimeType"] = "application/pdf"
        try:
            out["size"] = field.size
        except OSError:
            out["size"] = None
    return out


def minutes_file_out(request: HttpRequest, minutes: Minutes) -> dict[str, Any]:
    """The adjusted minutes as a File (the caller passes adjusted minutes only): the public
    edition of the portal, where paragraphs that are not public show only their number."""
    meeting = minutes.meeting
    url = site_url(request, "publishing:minutes_pdf", meeting.pk)
    short = meeting.organization.short_name or meeting.organization.name
    return {
        "id": api_url(request, "meeting_results_protocol", meeting.pk),
        "type": oparl_type("File"),
        "name": f"Protokoll {meeting.organization.name} {meeting.date.isoformat()}",
        "fileName": f"protokoll-{short}-{meeting.date.isoformat()}.pdf",
        "mimeType": "application/pdf",
        "date": minutes.adjusted_on,
        "accessUrl": url,
        "downloadUrl": url,
        "meeting": [api_url(request, "meeting", meeting.pk)],
        "created": minutes.locked_at,
    }


@router.get(
    "/files/{id}",
    response={200: FileOut, **ERRORS},
    url_name="file",
    exclude_none=True,
    summary="En handling med fil",
)
def file_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    document = registry.document_get(viewer=request.user, pk=id)
    out = document_file_out(request, document, allow=published_facts())
    if out is None:
        raise Http404
    return out
