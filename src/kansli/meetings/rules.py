"""Rules about meetings, their notices and their announcement. Pure functions.

Sources: kommunallagen (2017:725), "KL", read against the consolidated text (see
LAW-VERIFIED.md rows 1–3); the notice days of a nämnd come from its reglemente.
"""

import datetime

from kansli.core.law import cites, practice
from kansli.core.workdays import is_deadline_free_day

ANNOUNCEMENT_DAYS = 7
COUNCIL_NOTICE_DAYS = 7


@cites(
    "KL 5 kap. 13 §",
    says="Fullmäktiges sammanträde tillkännages på anslagstavlan minst en vecka före.",
)
def announcement_latest_day(meeting_date: datetime.date) -> datetime.date:
    """The last day to announce a council meeting on the notice board: KL 5 kap. 13 § 2 st.,
    "minst en vecka före sammanträdesdagen" — the meeting day less seven days.

    Not moved: the statute sets the least time before the meeting, so a limit that falls on a
    holiday is met by posting earlier."""
    return meeting_date - datetime.timedelta(days=ANNOUNCEMENT_DAYS)


@cites(
    "KL 5 kap. 14 §",
    "lag (1930:173) 2 §",
    says="Ett brådskande ärende tillkännages senast vardagen närmast före sammanträdesdagen.",
)
def urgent_announcement_latest_day(meeting_date: datetime.date) -> datetime.date:
    """The last day to announce an item too urgent for the ordinary announcement: KL 5 kap.
    14 §, "senast vardagen närmast före sammanträdesdagen" — the nearest day before the meeting
    that is not a Saturday, Sunday, public holiday or eve (the days of lag (1930:173) 2 §)."""
    day = meeting_date - datetime.timedelta(days=1)
    while is_deadline_free_day(day):
        day -= datetime.timedelta(days=1)
    return day


@cites(
    "KL 5 kap. 13 §",
    "KL 5 kap. 14 §",
    says="Tillkännagivandet sattes upp i tid, vanligt eller för brådskande ärenden.",
)
def announcement_in_time(
    posted_on: datetime.date, meeting_date: datetime.date, *, supplement: bool = False
) -> bool:
    """Whether an announcement posted on `posted_on` meets KL 5 kap. 13 § (the ordinary
    announcement) or, for a supplement of urgent items, KL 5 kap. 14 §."""
    if supplement:
        return posted_on <= urgent_announcement_latest_day(meeting_date)
    return posted_on <= announcement_latest_day(meeting_date)


@cites(
    "KL 5 kap. 52 §",
    says="Bara tillkännagivna ärenden får avgöras i fullmäktige.",
)
def unannounced_items(announced: set[int], items: dict[int, int]) -> list[int]:
    """The numbers of the items that no announcement named: KL 5 kap. 52 §, only items
    announced under 13 or 14 § may be decided (unless every member present agrees to take
    an urgent item). `items` maps each item's id to its number; `announced` holds the ids the
    announcements named."""
    return sorted(number for pk, number in items.items() if pk not in announced)


@cites(
    "KL 5 kap. 52 §",
    says="Ett ärende som inte tillkännagetts får avgöras bara om samtliga närvarande ledamöter "
    "beslutar det.",
)
def may_be_decided(*, announced: bool, all_present_agreed: bool) -> bool:
    """Whether fullmäktige may decide an item: KL 5 kap. 52 §, the chair sees to it that
    only items announced under 13 or 14 § are decided, but "ett brådskande ärende får dock
    avgöras om samtliga närvarande ledamöter beslutar det". `all_present_agreed` is that
    decision of every member present, as the minutes record it."""
    return announced or all_present_agreed


@cites(
    "KL 5 kap. 15 §",
    "KL 6 kap. 23 §",
    says="Kallelsen når ledamöter och ersättare minst en vecka före; för en nämnd enligt "
    "reglementet.",
)
def notice_latest_day(meeting_date: datetime.date, notice_days: int) -> datetime.date:
    """The last day to send the notice (kallelse) to members and substitutes: for fullmäktige
    KL 5 kap. 15 §, "minst en vecka före sammanträdesdagen"; for a nämnd the days its
    reglemente sets (KL 6 kap. 17, 23 §§ leave it to fullmäktige), stored per organization."""
    return meeting_date - datetime.timedelta(days=notice_days)


@practice(says="Ett ärende registrerat efter sammanträdet det står på är troligen en felskrivning.")
def item_predates_case(meeting_date: datetime.date, registered_on: datetime.date) -> bool:
    """A case registered after the meeting it is put on: a slip worth a question (a case of
    today on a meeting of 2020), not a rule of law."""
    return registered_on > meeting_date
