"""Who may import (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.meetings.permissions import MEETING_STAFF

IMPORT = Permission("importer.import", "importera kallelser, PM och protokoll", *MEETING_STAFF)
