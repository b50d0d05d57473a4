"""The demo meeting recorded as held: minutes with attendance, adjusters, a vote and a
conflict of interest, left unsigned for the demo's chair and adjuster."""

import datetime
import io

import pytest
from django.apps import apps
from pypdf import PdfReader

from kansli.core.models import User
from kansli.demo import minutes as facts
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.models import Meeting
from kansli.minutes import rules, services
from kansli.minutes.composition import Roll
from kansli.minutes.document import minutes_pdf
from kansli.minutes.models import Minutes, MinutesStatus, Posting, Vote
from kansli.minutes.outcome import vote_counts, vote_result

D = datetime.date
SIGNED = datetime.datetime(2020, 9, 2, 14, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


@pytest.fixture
def minutes(demo_data) -> Minutes:
    return Minutes.objects.select_related("meeting").get(
        meeting=Meeting.objects.get(date=DEMO_MEETING["date"])
    )


def serving(minutes: Minutes, item: int) -> dict[str, str]:
    """Who serves at an item: name → whom they serve for ("" for a member)."""
    return {
        s.person.name: s.replaces.name if s.replaces else ""
        for s in Roll.of(minutes).at_item(item).serving
    }


def test_the_minutes_number_the_thirteen_items_on_from_the_first_paragraph(minutes):
    paragraphs = list(minutes.paragraphs.order_by("number"))
    assert [p.number for p in paragraphs] == list(range(150, 163))
    assert facts.FIRST_NUMBER == 150
    assert [p.agenda_item.number for p in paragraphs] == list(range(1, 14))
    assert minutes.status == MinutesStatus.DRAFT and not minutes.is_locked
    assert not minutes.signatures.exists()


def test_adjustment_facts(minutes):
    assert rules.adjustment_deadline(minutes.meeting.date) == D(2020, 9, 9)
    assert minutes.chair.name == "Andreas Svahn"
    assert minutes.adjuster.name == "Ola Karlsson"
    assert minutes.second_adjuster is None
    assert minutes.substitute_adjuster.name == "Karin Sundin"
    assert (minutes.adjustment_place, minutes.adjustment_date) == (
        "Regionkansliet, Örebro",
        D(2020, 9, 2),
    )
    assert minutes.kept_at == "Regionkansliet, Eklundavägen 1, Örebro"
    assert minutes.secretary_name == "Kristina Berglund"
    assert minutes.others_present.splitlines() == [
        "Rickard Simonsson, Regiondirektör",
        "Kristina Berglund, Nämndsekreterare",
        "Maria Boström, Nämndsekreterare",
    ]


def test_substitutes_serve_for_the_absent_and_for_the_late_member(minutes):
    at1, at3 = serving(minutes, 1), serving(minutes, 3)
    assert at1["Carina Dahl"] == "Nina Höijer"
    assert at1["Gunilla Fredriksson"] == "Patrik Nyström"
    assert at1["Jessica Carlqvist"] == "Jihad Menhem"
    assert "Jihad Menhem" not in at1
    assert at3["Carina Dahl"] == "Nina Höijer"
    assert at3["Jihad Menhem"] == ""
    assert "Jessica Carlqvist" not in at3
    composition = Roll.of(minutes).at_item(3)
    assert sorted(p.name for p in composition.substitutes_present) == [
        "Oskar Svärd",
        "Zaki Habib",
    ]
    for item in range(1, 14):
        composition = Roll.of(minutes).at_item(item)
        assert len(composition.serving) == 15, item


def test_every_paragraph_has_a_quorum_and_a_decision(minutes):
    for paragraph in minutes.paragraphs.all():
        assert services.composition_of(paragraph).has_quorum, paragraph.label
        assert paragraph.decision_clauses, paragraph.label
    assert services.signing_problems(minutes, list(minutes.paragraphs.all())) == []


def test_the_tbe_motion_is_decided_by_vote_and_the_mover_reserves_himself(minutes):
    tbe = minutes.paragraphs.get(agenda_item__number=3)
    assert tbe.number == 152
    assert [(p.person.name, p.text) for p in tbe.proposals.all()] == [
        ("Jihad Menhem", "bifall till motionen"),
        ("Andreas Svahn", "bifall till förslaget i ärendet"),
    ]
    assert tbe.proposition_order.startswith("Ordföranden ställer proposition")
    vote = Vote.objects.get()
    assert vote.paragraph == tbe
    assert vote_counts(vote) == (14, 1, 0)
    assert vote_result(vote).result == "ja"
    assert not vote_result(vote).casting_used
    assert vote.ballots.get(choice="nej").person.name == "Jihad Menhem"
    assert [r.person.name for r in tbe.reservations.all()] == ["Jihad Menhem"]
    # The proposal stands as the decision.
    assert tbe.decision_clauses == [
        "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
        "att ta anmälan till protokollet.",
    ]


def test_a_disqualified_member_is_replaced_at_that_item_only(minutes):
    sofint = minutes.paragraphs.get(agenda_item__number=10)
    assert [d.person.name for d in sofint.disqualifications.all()] == ["Sebastian Cehlin"]
    composition = services.composition_of(sofint)
    at10 = {s.person.name: s.replaces.name if s.replaces else "" for s in composition.serving}
    assert at10["Oskar Svärd"] == "Sebastian Cehlin"
    assert "Sebastian Cehlin" not in at10
    assert [p.name for p in composition.disqualified] == ["Sebastian Cehlin"]
    assert composition.has_quorum
    assert "Oskar Svärd" not in serving(minutes, 9)
    assert serving(minutes, 9)["Sebastian Cehlin"] == ""


def test_the_information_item_gets_a_decision_and_the_others_keep_the_proposal(minutes):
    info = minutes.paragraphs.get(agenda_item__number=13)
    assert info.decision_formula == "Regionstyrelsen beslutar"
    assert info.decision_clauses == ["att lägga informationen till handlingarna."]
    assert "Rickard Simonsson" in info.summary
    for paragraph in minutes.paragraphs.select_related("agenda_item__proposal"):
        proposal = paragraph.agenda_item.proposal
        if proposal is not None and paragraph.agenda_item.number != 5:
            assert paragraph.decision_formula == proposal.formula
            assert paragraph.decision_clauses == [c.text for c in proposal.clauses.all()]


def test_the_meeting_fills_in_the_name_the_notice_left_open(minutes):
    election = minutes.paragraphs.get(agenda_item__number=5)
    assert "Gunnel Kask (S)" in election.decision_clauses[1]
    assert "....." in election.agenda_item.proposal.clauses.all()[1].text


def test_the_minutes_render_as_a_pdf(minutes):
    pdf = minutes_pdf(minutes)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Beslutande" in text
    assert "Ersättare" in text
    assert "Omröstning" in text
    assert "§§ 150–151" in text  # Jessica Carlqvist served for Jihad Menhem at items 1–2


def test_a_second_load_creates_nothing(minutes):
    def counts():
        return {
            model._meta.label: model.objects.count()
            for model in apps.get_models()
            if model._meta.app_label == "minutes"
        }

    before = counts()
    assert demo_load().total == 0
    assert counts() == before


def test_the_chair_and_the_adjuster_sign_and_the_minutes_are_adjusted(minutes):
    chair, adjuster = User.objects.get(username="ledamot"), User.objects.get(username="justerare")
    assert adjuster.person.name == "Ola Karlsson"
    services.minutes_sign(actor=chair, minutes=minutes, now=SIGNED)
    assert not Minutes.objects.get(pk=minutes.pk).is_locked
    services.minutes_sign(actor=adjuster, minutes=minutes, now=SIGNED)
    minutes = Minutes.objects.get(pk=minutes.pk)
    assert minutes.is_locked and minutes.status == MinutesStatus.ADJUSTED
    assert minutes.adjusted_on == D(2020, 9, 2)
    assert len(minutes.content_hash) == 64
    posting = Posting.objects.get(minutes=minutes)
    assert posting.paragraphs == "§§ 150–162"
    assert posting.posted_on == D(2020, 9, 2)
    assert posting.last_appeal_day == D(2020, 9, 23)
    assert posting.kept_at == "Regionkansliet, Eklundavägen 1, Örebro"
