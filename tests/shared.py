"""Data built once for a test module instead of once per test (tests.conftest's
rolled_back_for_module): a module assigns the fixtures it returns to names,

    _shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")

and its tests get the shared data's own `body` and `series` in place of the per-test ones,
and under `name` a deep copy of what `build(body, series)` returned, so that a test that
changes the Python objects changes no other test's. Every test runs in a savepoint of the
module's transaction and starts from the same rows; the files are the test's own copy."""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kansli.people.models import Body
from kansli.registry.models import Series

from .conftest import make_body, make_series, own_copy_of, rolled_back_for_module


@dataclass
class Shared:
    media: Path
    body_pk: int
    series_pk: int
    data: Any


def shared_fixtures(build: Callable[[Body, Series], Any], name: str) -> tuple:
    """(`_shared_data`, `body`, `series`, `<name>`) fixtures; the first is module-scoped and
    its name starts with `_shared_`, which keeps transactional tests out of the module
    (tests.conftest)."""

    @pytest.fixture(scope="module", name="_shared_data")
    def shared(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
        media = tmp_path_factory.mktemp(f"shared-{name}-media")
        with rolled_back_for_module(django_db_blocker, media):
            body = make_body()
            series = make_series(body)
            yield Shared(media, body.pk, series.pk, build(body, series))

    @pytest.fixture(name="body")
    def body(_shared_data: Shared, db: None) -> Body:
        return Body.objects.get(pk=_shared_data.body_pk)

    @pytest.fixture(name="series")
    def series(_shared_data: Shared, db: None) -> Series:
        return Series.objects.get(pk=_shared_data.series_pk)

    @pytest.fixture(name=name)
    def data(_shared_data: Shared, db: None, settings: Any, tmp_path: Path) -> Any:
        own_copy_of(_shared_data.media, tmp_path, settings)
        return copy.deepcopy(_shared_data.data)

    return shared, body, series, data
