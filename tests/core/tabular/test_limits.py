"""The size and row limits, said in human units."""

import pytest

from kansli.core.tabular.limits import limit_text, size_text, too_large, too_many_rows


@pytest.mark.parametrize(
    ("size", "text", "limit"),
    [
        (12, "12 byte", "12 byte"),
        (1_000, "1,0 kB", "1 kB"),
        (340_000, "340,0 kB", "340 kB"),
        (1_000_000, "1,0 MB", "1 MB"),
        (1_100_024, "1,1 MB", "1,1 MB"),
        (2_500_000, "2,5 MB", "2,5 MB"),
        (5_000_000, "5,0 MB", "5 MB"),
    ],
)
def test_sizes_in_human_units(size, text, limit):
    assert size_text(size) == text
    assert limit_text(size) == limit


def test_a_file_over_the_size_limit():
    assert too_large(1_000_000, 1_000_000) is None
    problem = too_large(1_000_001, 1_000_000, "Dela upp den per organ.")
    assert problem is not None and problem.line is None
    assert str(problem) == "Filen är för stor (1,0 MB); högst 1 MB. Dela upp den per organ."
    assert str(too_large(600_000, 500_000)) == "Filen är för stor (600,0 kB); högst 500 kB."


def test_a_table_over_the_row_limit():
    assert too_many_rows(1_000, 1_000) is None
    problem = too_many_rows(1_001, 1_000)
    assert str(problem) == "Filen har 1001 rader; högst 1000 rader åt gången."
