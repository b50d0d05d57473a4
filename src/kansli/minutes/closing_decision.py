"""The decision that closes a case, proposed on the registry's close form: the case's latest
adjusted paragraph (registry.hooks.on_closing_decision)."""

from django.db.models import Q

from kansli.registry.models import Case

from .models import MinutesStatus, Paragraph


def latest_decision(*, case: Case) -> str:
    """ "Regionstyrelsen 2020-08-26 § 112" for the latest paragraph that decided the case in
    adjusted minutes (or adjusted at once), or ""."""
    found = (
        Paragraph.objects.filter(case=case, withdrawn=False)
        .filter(
            Q(minutes__status=MinutesStatus.ADJUSTED) | Q(immediately_adjusted_on__isnull=False)
        )
        .select_related("minutes__meeting__organization")
        .order_by("-minutes__meeting__date", "-number")
        .first()
    )
    if found is None:
        return ""
    meeting = found.minutes.meeting
    return f"{meeting.organization} {meeting.date.isoformat()} § {found.number}"
