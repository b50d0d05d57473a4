"""The report to fullmäktige of motions and citizen proposals not yet decided (KL 5 kap.
35 §), as an agenda item with numbered lists: what it holds, run again, bad input."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.initiatives import rules, services
from kansli.initiatives.models import Initiative, Outcome
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import meeting_create
from kansli.memos import markup
from kansli.memos.models import SectionKey
from kansli.registry.models import CaseType, Series
from kansli.registry.services import series_create

D = datetime.date


def _raw(item):
    item.refresh_from_db()
    return item.memo.sections.get(key=SectionKey.SUMMARY).text


def _summary(item):
    return markup.plain_text(markup.parse(_raw(item)))


@pytest.fixture
def autumn_meeting(council):
    return meeting_create(
        actor=None,
        organization=council,
        date=D(2021, 10, 27),
        start_time=datetime.time(9),
        place="Conventum",
    )


@pytest.fixture
def register(body, series, council, authors, board):
    def make(title, received_on, *, proposer="", consent=False, announce=True):
        if proposer:
            initiative = services.citizen_proposal_register(
                actor=None,
                body=body,
                series=series,
                title=title,
                received_on=received_on,
                proposer_name=proposer,
                publish_name=consent,
            )
        else:
            initiative = services.motion_register(
                actor=None,
                body=body,
                series=series,
                title=title,
                received_on=received_on,
                authors=authors,
                council=council,
            )
        if announce:
            services.initiative_announcement_record(
                actor=None, initiative=initiative, announced_on=received_on
            )
            services.initiative_refer(
                actor=None, initiative=initiative, organization=board, referred_on=received_on
            )
        return Initiative.objects.get(pk=initiative.pk)

    return make


class TestRule:
    def test_undecided_on_the_day_is_reported(self):
        assert rules.to_be_reported(D(2020, 9, 15), None, D(2021, 10, 27))
        assert rules.to_be_reported(D(2020, 9, 15), D(2021, 11, 1), D(2021, 10, 27))

    def test_decided_by_the_day_or_not_yet_in_is_not(self):
        assert not rules.to_be_reported(D(2020, 9, 15), D(2021, 10, 27), D(2021, 10, 27))
        assert not rules.to_be_reported(D(2021, 10, 28), None, D(2021, 10, 27))


def test_the_report_lists_what_is_undecided_with_its_limit(
    register, autumn_meeting, series, secretary
):
    old = register("Motion om fler vårdplatser", D(2020, 9, 15))
    register("Förslag om cykelställ", D(2021, 3, 1), proposer="Kim Provnamn")
    register("Förslag om parkbänkar", D(2021, 4, 1), proposer="Alva Exempel", consent=True)
    done = register("Motion om solceller", D(2020, 10, 1))
    services.initiative_decide(
        actor=None, initiative=done, outcome=Outcome.REJECTED, decided_on=D(2021, 6, 1)
    )
    register("Motion om senare sak", D(2021, 10, 28), announce=False)

    item = services.not_prepared_report_compile(
        actor=secretary, meeting=autumn_meeting, series=series
    )
    assert item.title == services.REPORT_TITLE
    assert [c.text for c in item.proposal.clauses.all()] == [
        "att lägga redovisningen till handlingarna"
    ]
    text = _summary(item)
    assert "5 kap. 35 §" in text and "den 2021-10-27" in text
    assert (
        "Motion om fler vårdplatser, från Jens Exempelsson (V), Maria Prov (V). Inkom "
        "2020-09-15, bereds av Regionstyrelsen, ska vara beslutad senast 2021-09-15 "
        f"(tidsgränsen har passerats), {old.case.number}." in text
    )
    assert "Förslag om cykelställ. Inkom 2021-03-01" in text  # no name without consent
    assert "ska vara beslutat senast 2022-03-01" in text
    assert "Kim Provnamn" not in text
    assert "Förslag om parkbänkar, från Alva Exempel." in text
    assert "solceller" not in text and "senare sak" not in text
    assert "1 av dem har passerat tidsgränsen" in text
    assert set(item.reported_initiatives.values_list("title", flat=True)) == {
        "Motion om fler vårdplatser",
        "Förslag om cykelställ",
        "Förslag om parkbänkar",
    }
    assert item.case.title.startswith("Redovisning av obesvarade")
    assert item.case.case_type == CaseType.REPORT
    assert AuditEntry.objects.filter(action="not_prepared_report_compile").count() == 1


def test_run_again_it_rewrites_the_same_item(register, autumn_meeting, series):
    first = register("Motion om fler vårdplatser", D(2020, 9, 15))
    item = services.not_prepared_report_compile(actor=None, meeting=autumn_meeting, series=series)
    services.initiative_decide(
        actor=None, initiative=first, outcome=Outcome.WRITTEN_OFF, decided_on=D(2021, 10, 27)
    )
    register("Motion om ny sak", D(2021, 9, 1))
    again = services.not_prepared_report_compile(actor=None, meeting=autumn_meeting)
    assert again == item and AgendaItem.objects.filter(meeting=autumn_meeting).count() == 1
    text = _summary(item)
    assert "ny sak" in text and "fler vårdplatser" not in text
    assert not first.reports.exists()


def test_without_case_or_series_the_item_goes_in_a_new_case_in_the_default_series(
    register, autumn_meeting, body, series
):
    series_create(actor=None, body=body, code="OLL", name="Äldre serie")
    register("Motion om fler vårdplatser", D(2020, 9, 15))
    item = services.not_prepared_report_compile(actor=None, meeting=autumn_meeting)
    assert item.case.series == series


def test_an_item_put_on_the_agenda_by_hand_is_filled(register, autumn_meeting, body, series):
    from kansli.meetings.services import agenda_item_add
    from kansli.registry.services import case_register

    case = case_register(actor=None, body=body, series=series, title="Redovisning 2021")
    agenda_item_add(actor=None, meeting=autumn_meeting, title=services.REPORT_TITLE, case=case)
    register("Motion om fler vårdplatser", D(2020, 9, 15))
    item = services.not_prepared_report_compile(actor=None, meeting=autumn_meeting)
    assert item.number == 1 and item.memo is not None
    assert "fler vårdplatser" in _summary(item)


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "1. **fet** #rubrik"])
def test_hostile_titles_stay_literal(register, autumn_meeting, series, hostile):
    register(hostile, D(2020, 9, 15))
    item = services.not_prepared_report_compile(actor=None, meeting=autumn_meeting, series=series)
    assert f"{hostile}, från" in _summary(item)
    assert _raw(item).count("\n1. ") == 1 and "Motioner:" in _raw(item)


class TestRefused:
    def test_a_meeting_not_of_the_council(self, register, board_meeting_2021, series):
        register("Motion om fler vårdplatser", D(2020, 9, 15))
        with pytest.raises(ValidationError, match="lämnas till fullmäktige"):
            services.not_prepared_report_compile(
                actor=None, meeting=board_meeting_2021, series=series
            )
        assert not AgendaItem.objects.exists()

    def test_nothing_to_report(self, autumn_meeting, series):
        with pytest.raises(ValidationError, match="inga obesvarade motioner"):
            services.not_prepared_report_compile(actor=None, meeting=autumn_meeting, series=series)
        assert not AgendaItem.objects.exists()

    def test_no_case_and_no_default_series_writes_nothing(self, register, autumn_meeting, body):
        register("Motion om fler vårdplatser", D(2020, 9, 15))
        Series.objects.filter(body=body).update(is_default=False)
        with pytest.raises(ValidationError, match="Ingen diarieserie är vald som standard"):
            services.not_prepared_report_compile(actor=None, meeting=autumn_meeting)
        assert not AgendaItem.objects.exists()
        assert not Initiative.objects.filter(reports__isnull=False).exists()

    def test_officials_do_not_put_items_on_the_agenda(
        self, register, autumn_meeting, series, official_user
    ):
        register("Motion om fler vårdplatser", D(2020, 9, 15))
        with pytest.raises(PermissionDenied):
            services.not_prepared_report_compile(
                actor=official_user, meeting=autumn_meeting, series=series
            )


@pytest.fixture
def board_meeting_2021(board):
    return meeting_create(
        actor=None,
        organization=board,
        date=D(2021, 10, 1),
        start_time=datetime.time(9),
        place="Sal A",
    )


def test_the_page(client, secretary, official_user, register, autumn_meeting, series):
    url = reverse("initiatives:report_compile")
    client.force_login(official_user)
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("initiatives:report")).content.decode()
    client.force_login(secretary)
    assert url in client.get(reverse("initiatives:report")).content.decode()
    page = client.get(url).content.decode()
    assert "Regionfullmäktige 2021-10-27" in page
    response = client.post(url, {"meeting": autumn_meeting.pk, "series": series.pk})
    assert "inga obesvarade motioner" in response.content.decode()
    motion = register("Motion om fler vårdplatser", D(2020, 9, 15))
    for bad, message in (
        ({"meeting": "<script>", "series": series.pk}, "Välj i listan."),
        ({"meeting": autumn_meeting.pk, "case_number": "'; DROP TABLE x"}, "diarienummer"),
    ):
        response = client.post(url, bad)
        assert response.status_code == 200 and message in response.content.decode()
    assert not AgendaItem.objects.exists()
    response = client.post(url, {"meeting": autumn_meeting.pk, "series": series.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:memo_detail", args=[autumn_meeting.pk, 1])
    detail = client.get(reverse("initiatives:detail", args=[motion.pk])).content.decode()
    assert "Redovisad som obesvarad i Regionfullmäktige 2021-10-27" in detail
