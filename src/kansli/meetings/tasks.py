"""Background tasks of meetings."""

from django_tasks import task

from kansli.core.leases.failure import on_failure


@task()
def meeting_book_build(book_id: int) -> int:
    """Build an ordered meeting book; returns its page count (0 when it failed)."""
    from .book.services import meeting_book_build_run

    return meeting_book_build_run(book_id).pages or 0


@on_failure(meeting_book_build)
def meeting_book_build_failed(book_id: int, *, message: str) -> None:
    """The build's task failed for good (decision 0013): the book says so, and can be
    ordered again."""
    from .book.services import meeting_book_fail

    meeting_book_fail(
        book_id=book_id,
        message=f"Kallelsen kunde inte skapas. {message} Beställ kallelsen igen.",
    )
