"""The contribution page: the state's amounts in, the members' parts out, the case made."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.finsam import services
from kansli.finsam.funding.contribution_forms import CaseTargetForm
from kansli.finsam.models import MemberKind, StateAllocation
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import meeting_create
from kansli.memos.models import DecisionProposal, Memo
from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.registry.models import Case
from kansli.registry.services import series_create


@pytest.fixture
def sofint(body):
    federation = services.federation_create(
        actor=None,
        body=body,
        name="Samordningsförbundet Norra Örebro län – SOFINT",
        short_name="SOFINT",
        aliases=["Sofint"],
    )
    services.federation_member_add(
        actor=None, federation=federation, kind=MemberKind.REGION, name="Region Örebro län"
    )
    for name, inhabitants in (("Lindesbergs kommun", 23_700), ("Nora kommun", 10_700)):
        member = services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=name
        )
        services.population_record(
            actor=None, member=member, on=datetime.date(2023, 11, 1), inhabitants=inhabitants
        )
    return federation


@pytest.fixture
def committee(body, board):
    return people.organization_create(
        actor=None,
        body=body,
        name="Regionstyrelsens arbetsutskott",
        kind=OrganizationKind.COMMITTEE,
        parent=board,
    )


def test_amounts_to_parts_to_case_and_memo(client, official_user, sofint, committee, series):
    services.state_allocations_record(actor=None, year=2023, amounts={sofint: 1_900_000})
    client.force_login(official_user)
    url = reverse("finsam:contributions") + "?ar=2024"
    response = client.post(
        url, {"year": 2024, f"amount_{sofint.pk}": "2000001", "action": "berakna"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    row = response.context["rows"][0]
    assert (row.region, row.municipalities) == (1_000_001, 1_000_000)
    assert sum(p.amount for p in row.split) == 1_000_000
    assert row.previous_region == 950_000 and row.change == 50_001
    assert "1\xa0000\xa0001" in page
    assert (
        "att lämna bidrag till Samordningsförbundet Norra Örebro län – SOFINT med "
        "1 000 001 kronor för år 2024" in page
    )
    assert Case.objects.count() == 0  # computing writes nothing

    response = client.post(
        url,
        {
            "year": 2024,
            f"amount_{sofint.pk}": "2000001",
            "action": "skapa",
            "organization": committee.pk,
            "meeting_date": "2024-02-06",
            "series": series.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    memo = Memo.objects.get()
    assert memo.proposal.formula == (
        "Regionstyrelsens arbetsutskott föreslår regionstyrelsen besluta, under förutsättning "
        "att övriga medlemmar fattar motsvarande beslut"
    )
    assert StateAllocation.objects.get(year=2024).amount == 2_000_001
    assert AuditEntry.objects.filter(action="state_allocation_record").count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "Bidrag till samordningsförbunden 2024" in page and "1\xa0000,0" in page


def test_a_secretary_puts_the_case_on_the_meetings_agenda(
    client, secretary, sofint, committee, series
):
    meeting = meeting_create(
        actor=None,
        organization=committee,
        date=datetime.date(2024, 2, 6),
        start_time=datetime.time(9),
        place="Länsgården",
    )
    client.force_login(secretary)
    client.post(
        reverse("finsam:contributions"),
        {
            "year": 2024,
            f"amount_{sofint.pk}": "2000000",
            "action": "skapa",
            "organization": committee.pk,
            "meeting_date": "2024-02-06",
            "series": series.pk,
        },
    )
    item = AgendaItem.objects.get(meeting=meeting)
    assert item.memo is not None and item.proposal == item.memo.proposal
    assert item.proposal.clauses.count() == 1 and Memo.objects.count() == 1
    assert DecisionProposal.objects.count() == 1  # no empty proposal left behind


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        (b"", "Filen är tom"),
        (b"forbund,belopp\nSOFINT,1\n", "Rubrikraden"),
        (b"federation,state_amount\nSOFINT,2 000 000\n", "mellanslag"),
        (b"federation,state_amount\nSOFINT,2,000,000\n", "komma"),
        (b"federation,state_amount\nSOFINT,-5\n", "negativt"),
        ("federation,state_amount\nOkänt förbund,5\n".encode(), "inget förbund"),
        (b"federation,state_amount\nSOFINT,5\nSofint,6\n", "finns redan på rad 2"),
        (b"federation,state_amount\nSOFINT,\x81\n", "varken UTF-8 eller Windows-1252"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Excel-arbetsbok (.xlsx)"),
    ],
)
def test_bad_csv_is_refused_with_its_line_and_nothing_changes(
    client, official_user, sofint, csv, message
):
    client.force_login(official_user)
    before = AuditEntry.objects.count()
    upload = SimpleUploadedFile("stat.csv", csv, content_type="text/csv")
    response = client.post(
        reverse("finsam:contributions"),
        {"year": 2024, "csv": upload, "action": "skapa", "organization": "", "series": ""},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AuditEntry.objects.count() == before and Case.objects.count() == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_a_csv_in_any_encoding_the_kit_reads(client, official_user, sofint, encoding):
    """UTF-16 (Excel's "Unicode text") was refused; it is read like UTF-8 and Windows-1252."""
    client.force_login(official_user)
    csv = "federation;state_amount\nSofint;2000000\n".encode(encoding)
    upload = SimpleUploadedFile("stat.csv", csv, content_type="text/csv")
    response = client.post(
        reverse("finsam:contributions"),
        {"year": 2024, "csv": upload, "action": "berakna", "organization": "", "series": ""},
    )
    assert response.status_code == 200
    assert [row.state for row in response.context["rows"]] == [2_000_000]


def test_typed_amounts_must_be_digits(client, official_user, sofint):
    client.force_login(official_user)
    response = client.post(
        reverse("finsam:contributions"),
        {"year": 2024, f"amount_{sofint.pk}": "2 000 000", "action": "berakna"},
    )
    assert "bara siffror" in response.content.decode()
    response = client.post(
        reverse("finsam:contributions"),
        {"year": 2024, f"amount_{sofint.pk}": "-1", "action": "berakna"},
    )
    assert "negativt" in response.content.decode()


def test_elected_members_read_but_do_not_create(client, elected, sofint, committee, series):
    client.force_login(elected)
    assert client.get(reverse("finsam:federation_list")).status_code == 200
    response = client.post(
        reverse("finsam:contributions"),
        {
            "year": 2024,
            f"amount_{sofint.pk}": "2000000",
            "action": "skapa",
            "organization": committee.pk,
            "meeting_date": "2024-02-06",
            "series": series.pk,
        },
    )
    assert response.status_code == 403 and Case.objects.count() == 0


def test_missing_population_is_named(client, official_user, sofint):
    client.force_login(official_user)
    response = client.post(
        reverse("finsam:contributions"),
        {"year": 2025, f"amount_{sofint.pk}": "2000000", "action": "berakna"},
    )
    assert "Invånarantal den 2024-11-01 saknas för Lindesbergs kommun, Nora kommun" in (
        response.content.decode()
    )


def _create(client, sofint, committee, series, year=2024):
    return client.post(
        reverse("finsam:contributions"),
        {
            "year": year,
            f"amount_{sofint.pk}": "2000000",
            "action": "skapa",
            "organization": committee.pk,
            "meeting_date": "2024-02-06",
            "series": series.pk,
        },
    )


def test_sending_the_form_twice_makes_one_case(client, official_user, sofint, committee, series):
    client.force_login(official_user)
    assert _create(client, sofint, committee, series).status_code == 302
    before = AuditEntry.objects.count()
    response = _create(client, sofint, committee, series)
    assert response.status_code == 200
    assert "finns redan" in response.content.decode()
    assert Case.objects.count() == 1 and AuditEntry.objects.count() == before


def test_the_memo_page_shows_only_contribution_memos_the_viewer_may_read(
    client, official_user, registrar, sofint, committee, series, body
):
    from kansli.memos.services import memo_create, proposal_create
    from kansli.registry.services import case_register

    client.force_login(official_user)
    _create(client, sofint, committee, series)
    ours = Memo.objects.get()
    assert client.get(reverse("finsam:contribution_memo", args=[ours.pk])).status_code == 200
    # Another memo, of a case under secrecy: not shown here, whoever asks.
    secret = case_register(
        actor=registrar, body=body, series=series, title="Skyddat ärende", secrecy="OSL 21 kap. 1 §"
    )
    proposal = proposal_create(actor=None, formula="Regionstyrelsen beslutar", clauses=["att x"])
    other = memo_create(
        actor=None,
        case=secret,
        organization=committee,
        meeting_date=datetime.date(2024, 2, 6),
        proposal=proposal,
        title="Bidrag till samordningsförbunden 2099",
    )
    assert client.get(reverse("finsam:contribution_memo", args=[other.pk])).status_code == 404


def test_the_case_goes_in_the_default_series_chosen_on_the_form(body, board, sofint, series):
    series_create(actor=None, body=body, code="OLL", name="Äldre serie")  # first by code
    assert CaseTargetForm(body=body)["series"].value() == series.pk
    case, _ = services.contribution_case_create(  # no series given
        actor=None,
        body=body,
        year=2024,
        amounts={sofint: 2_000_000},
        organization=board,
        meeting_date=datetime.date(2024, 2, 6),
    )
    assert case.series == series
