import datetime

import pytest

from kansli.delegation import services
from kansli.meetings.services import meeting_create


@pytest.fixture
def board_meeting(board):
    return meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2020, 8, 26),
        start_time=datetime.time(9),
        place="Regionens hus, sal A",
    )


@pytest.fixture
def point(board):
    return services.delegation_point_create(
        actor=None,
        organization=board,
        code="3.2",
        title="Anställning av förvaltningschef",
        delegate="Regiondirektören",
    )


@pytest.fixture
def silent_point(board):
    """A point whose decisions the board does not want reported."""
    return services.delegation_point_create(
        actor=None,
        organization=board,
        code="7.1",
        title="Utlämnande av allmän handling",
        delegate="Regionjurist",
        reported=False,
    )
