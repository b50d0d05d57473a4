"""How large an uploaded table may be: bytes and rows, said in human units."""

from .problem import Problem


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def size_text(size: int) -> str:
    """A file's size as people read it, with one decimal: "1,1 MB", "340,0 kB", "12 byte"."""
    if size < 1_000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{_one_decimal(size / 1_000)} kB"
    return f"{_one_decimal(size / 1_000_000)} MB"


def limit_text(size: int) -> str:
    """A limit as people read it, without a needless decimal: "1 MB", "2,5 MB", "500 kB"."""
    return size_text(size).replace(",0 ", " ")


def too_large(size: int, max_bytes: int, advice: str = "") -> Problem | None:
    """A problem when `size` bytes are more than `max_bytes` (1 MB is 1 000 000 bytes)."""
    if size <= max_bytes:
        return None
    message = f"Filen är för stor ({size_text(size)}); högst {limit_text(max_bytes)}."
    return Problem(None, f"{message} {advice}".strip())


def too_many_rows(count: int, max_rows: int, advice: str = "") -> Problem | None:
    """A problem when a table has more than `max_rows` rows under its header."""
    if count <= max_rows:
        return None
    message = f"Filen har {count} rader; högst {max_rows} rader åt gången."
    return Problem(None, f"{message} {advice}".strip())
