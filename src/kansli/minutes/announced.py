"""What Kansli knows of the announcement of a council meeting's items (KL 5 kap. 13–14 §§),
for the minutes' part of KL 5 kap. 52 §: an item that was not announced may be decided only if
every member present decides so, and the paragraph records that decision
(`Paragraph.urgent_consent`)."""

from dataclasses import dataclass

from kansli.meetings import rules as meeting_rules
from kansli.meetings.models import Meeting
from kansli.meetings.selectors import announced_items, current_announcements
from kansli.people.models import OrganizationKind

from .models import Paragraph

LAW = "kommunallagen 5 kap. 52 §"

# What the minutes say when the consent is recorded; sealed with the paragraph's content.
CONSENT_SENTENCE = (
    "Ärendet har inte tillkännagetts före sammanträdet. Samtliga närvarande ledamöter beslutar "
    f"att det brådskande ärendet ändå får avgöras ({LAW})."
)


@dataclass(frozen=True)
class Announced:
    """The items a meeting's current announcements named, as recorded in Kansli.

    `council`: the meeting is fullmäktige's (a nämnd announces nothing; 5 kap. 52 § is not
    its rule). `recorded`: at least one announcement of the meeting is recorded in Kansli.
    Without one, Kansli cannot know what was announced (minutes imported, or an announcement
    posted outside Kansli), so nothing is enforced; before the meeting, its stage panel showed
    the announcement as not done."""

    council: bool
    recorded: bool
    items: frozenset[int]

    @classmethod
    def of(cls, meeting: Meeting) -> "Announced":
        if meeting.organization.kind != OrganizationKind.COUNCIL:
            return cls(council=False, recorded=False, items=frozenset())
        return cls(
            council=True,
            recorded=bool(current_announcements(meeting)),
            items=frozenset(announced_items(meeting)),
        )

    def unannounced(self, paragraph: Paragraph) -> bool:
        """A council paragraph whose agenda item no announcement recorded in Kansli named
        (every item, while none is recorded)."""
        return self.council and paragraph.agenda_item_id not in self.items

    def problem(self, paragraph: Paragraph) -> str:
        """Why the paragraph may not stand as decided, or "": an unannounced item, not
        withdrawn, without the recorded decision of every member present. Only where the
        meeting has an announcement recorded in Kansli."""
        if not (self.council and self.recorded) or paragraph.withdrawn:
            return ""
        if meeting_rules.may_be_decided(
            announced=not self.unannounced(paragraph),
            all_present_agreed=paragraph.urgent_consent,
        ):
            return ""
        return (
            f"{paragraph.label} {paragraph.title}: ärendet har inte tillkännagetts och får "
            f"avgöras bara om samtliga närvarande ledamöter beslutar det ({LAW}). Markera i "
            "paragrafen att de har beslutat det, eller notera att ärendet utgick."
        )
