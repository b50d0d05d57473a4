"""An initiative's time limit under the installation's settings (rules.decision_deadline)."""

import datetime

from django.conf import settings

from . import rules
from .models import Initiative


def deadline_of(initiative: Initiative) -> datetime.date:
    return rules.decision_deadline(
        is_motion=initiative.is_motion,
        received_on=initiative.received_on,
        months=settings.KANSLI_CITIZEN_PROPOSAL_MONTHS,
    )
