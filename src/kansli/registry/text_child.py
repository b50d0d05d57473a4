"""The inside of the box (text_box.py): read one file from standard input, write one line
of JSON (why the text is not complete, a PDF's page count) and the text to standard
output. Runs in a process of its own under limits; imports as little as it can."""

import json
import os
import resource
import sys
from typing import IO

# The exit status when the memory limit was reached.
MEMORY_EXIT = 3


def child(stream: IO[bytes], out: IO[bytes], content_type: str, limit: int, pages: int) -> None:
    """In the box: read the file and write the result."""
    from .text import extract_text
    from .text_pdf import page_count

    page_total = None
    if content_type == "application/pdf":
        page_total = page_count(stream)
        stream.seek(0)
    extracted = extract_text(stream, content_type, limit=limit, max_pages=pages)
    head = {
        "none": extracted is None,
        "reason": extracted.reason if extracted is not None else "",
        "pages": page_total,
    }
    out.write(json.dumps(head).encode() + b"\n")
    if extracted is not None:
        out.write(extracted.text.encode("utf-8"))
    out.flush()


def confine(seconds: int, memory: int) -> None:
    """Before anything is read: CPU seconds, address space, and no file may be written."""
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


if __name__ == "__main__":
    confine(int(sys.argv[4]), int(sys.argv[5]))
    try:
        child(
            os.fdopen(0, "rb"),
            sys.stdout.buffer,
            sys.argv[1],
            int(sys.argv[2]),
            int(sys.argv[3]),
        )
    except MemoryError:
        os._exit(MEMORY_EXIT)
