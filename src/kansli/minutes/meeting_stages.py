"""The minutes' stages of a meeting (kansli.meetings.stages): minutes started, signed, posted
on the notice board, decisions dispatched."""

from django.urls import reverse

from kansli.core.roles import Viewer, is_staff_member
from kansli.meetings.models import Meeting
from kansli.meetings.stages import Stage

from .models import Dispatch, Minutes, Signature

STARTED = "Protokoll påbörjat"


def minutes_stages(meeting: Meeting, viewer: Viewer | None) -> list[Stage]:
    if meeting.is_cancelled:
        return []
    url = reverse("minutes:minutes_detail", args=[meeting.pk])
    minutes = (
        Minutes.objects.filter(meeting=meeting)
        .select_related("chair", "adjuster", "second_adjuster")
        .first()
    )
    if minutes is None:
        return [
            Stage(
                "minutes", "Protokoll påbörjat", False, "Inte påbörjat.", "Påbörja protokollet", url
            ),
            Stage("signed", "Justerat", None, "–"),
            Stage("posted", "Anslaget", None, "–"),
            Stage("dispatched", "Expedierat", None, "–"),
        ]
    signatures = list(Signature.objects.filter(minutes=minutes, paragraph__isnull=True))
    needed = 1 + len([p for p in (minutes.adjuster_id, minutes.second_adjuster_id) if p])
    stages = [
        Stage(
            "minutes", "Protokoll påbörjat", True, f"Sekreterare: {minutes.secretary_name or '–'}."
        ),
        Stage(
            "signed",
            "Justerat",
            minutes.is_locked,
            f"Justerat {minutes.adjusted_on.isoformat()}."
            if minutes.is_locked and minutes.adjusted_on
            else f"{len(signatures)} av {needed} underskrifter.",
            "" if minutes.is_locked else "Till protokollet",
            "" if minutes.is_locked else url,
        ),
    ]
    posting = minutes.postings.filter(paragraph__isnull=True).first()
    stages.append(
        Stage(
            "posted",
            "Anslaget",
            posting is not None if minutes.is_locked else None,
            f"Uppsatt {posting.posted_on.isoformat()}; sista dag för överklagande "
            f"{posting.last_appeal_day.isoformat()}."
            if posting
            else "När protokollet är justerat.",
        )
    )
    dispatches = Dispatch.objects.filter(paragraph__minutes=minutes)
    total, sent = dispatches.count(), dispatches.filter(sent_at__isnull=False).count()
    stages.append(
        Stage(
            "dispatched",
            "Expedierat",
            (sent == total) if minutes.is_locked else None,
            f"{sent} av {total}." if minutes.is_locked else "När protokollet är justerat.",
            "Expediera" if minutes.is_locked and sent < total and is_staff_member(viewer) else "",
            reverse("minutes:dispatch_list") if minutes.is_locked and sent < total else "",
        )
    )
    return stages
