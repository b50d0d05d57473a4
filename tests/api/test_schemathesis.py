"""Schemathesis against the API's own OpenAPI description, in process (WSGI), over a
database holding the world of tests/publishing/world.py: a secret case, a non-public
agenda item, unreviewed, internal and secret documents, adjusted and draft minutes.

Every operation gets a bounded, reproducible run (derandomized Hypothesis, a few dozen
examples, valid and invalid parameters alike). The checks: never a server error, only
documented status codes and content types, and every response as the schema describes it.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from kansli.api.api import api
from kansli.config.wsgi import application

from .conftest import shared_api_world

# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_api_world()

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


# The description as /api/v1/openapi.json serves it (built here, without a request, as the
# test database does not exist yet when the module is collected).
schema = schemathesis.openapi.from_dict(dict(api.get_openapi_schema()))


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Django's WSGI handler closes the database connection after each request, which would
    end the test's transaction (PostgreSQL); its test client does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_description(case, world, wsgi_keeps_the_test_connection):
    case.call_and_validate(app=application, checks=CHECKS)
