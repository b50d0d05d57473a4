"""Background tasks of meetings."""

from django_tasks import task


@task()
def meeting_book_build(book_id: int) -> int:
    """Build an ordered meeting book; returns its page count (0 when it failed)."""
    from .book.services import meeting_book_build_run

    return meeting_book_build_run(book_id).pages or 0
