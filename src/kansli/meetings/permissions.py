"""Who may do what with meetings, their agendas, notices and meeting books
(kansli.core.permissions). The board secretaries run meetings; the registry and the
administration may stand in."""

from kansli.core.permissions import Permission
from kansli.core.roles import Role

MEETING_STAFF = (Role.SECRETARY, Role.REGISTRAR, Role.ADMINISTRATOR)

MANAGE_MEETINGS = Permission("meetings.manage", "hantera sammanträden", *MEETING_STAFF)
EDIT_AGENDA = Permission("meetings.agenda", "lägga punkter på dagordningen", *MEETING_STAFF)
SEND_NOTICES = Permission("meetings.notice", "skicka kallelser", *MEETING_STAFF)
ANNOUNCE_MEETINGS = Permission("meetings.announce", "tillkännage sammanträden", *MEETING_STAFF)
MAKE_BOOKS = Permission("meetings.book", "skapa kallelser med handlingar", *MEETING_STAFF)
