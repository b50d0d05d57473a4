"""The federation's page and its forms: what a finance official enters about a federation,
what the others read, and what bad input gets."""

import datetime

import pytest
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.finsam import rules, services
from kansli.finsam.models import (
    BoardAppointment,
    BoardTerm,
    CharterAdoption,
    CharterVersion,
    Federation,
    FederationMember,
    MemberKind,
    Population,
)

HOSTILE = "<script>alert(1)</script>"
D = datetime.date


@pytest.fixture
def sofint(body):
    federation = services.federation_create(
        actor=None, body=body, name="Samordningsförbundet Norra Örebro län", short_name="SOFINT"
    )
    services.federation_member_add(
        actor=None,
        federation=federation,
        kind=MemberKind.REGION,
        name="Region Örebro län",
        board_members=2,
        board_substitutes=2,
    )
    for town in ("Lindesberg", "Nora"):
        services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=town
        )
    return federation


def _url(name, *args):
    return reverse(f"finsam:{name}", args=args)


def _writes():
    return AuditEntry.objects.count()


def test_create_a_federation(client, official_user, body):
    client.force_login(official_user)
    assert client.get(_url("federation_create")).status_code == 200
    response = client.post(
        _url("federation_create"),
        {
            "name": "Samordningsförbundet Sydnärke",
            "short_name": "Sydnärke",
            "aliases": "Finsam Sydnärke\n\nSydnärkes förbund",
            "seat": "Kumla",
            "split_rule": "befolkning",
        },
    )
    federation = Federation.objects.get(short_name="Sydnärke")
    assert response.status_code == 302
    assert response["Location"] == _url("federation_detail", federation.pk) + "#medlemmar"
    assert federation.aliases == ["Finsam Sydnärke", "Sydnärkes förbund"]
    assert AuditEntry.objects.get(action="federation_create").actor == official_user


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "short_name": "X"}, "Ange förbundets namn."),
        ({"name": "Nytt", "short_name": "sofint"}, "används redan av ett annat förbund"),
        ({"name": "Nytt", "short_name": "N", "split_rule": "lottning"}, "Välj ett giltigt"),
        ({"name": "x" * 201, "short_name": "N"}, "som mest 200 tecken"),
    ],
)
def test_create_refuses_bad_input(client, official_user, sofint, data, message):
    client.force_login(official_user)
    before = (Federation.objects.count(), _writes())
    response = client.post(_url("federation_create"), {"split_rule": "befolkning", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Federation.objects.count(), _writes()) == before


def test_hostile_names_are_shown_as_text(client, official_user, body):
    client.force_login(official_user)
    client.post(
        _url("federation_create"),
        {"name": HOSTILE, "short_name": "#set page(width: 1cm)", "split_rule": "befolkning"},
    )
    federation = Federation.objects.get()
    page = client.get(_url("federation_detail", federation.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and HOSTILE not in page
    list_page = client.get(_url("federation_list")).content.decode()
    assert HOSTILE not in list_page


def test_the_page_shows_everything_and_readers_cannot_write(client, elected, sofint):
    lindesberg = sofint.members.get(name="Lindesberg")
    services.population_record(actor=None, member=lindesberg, on=D(2024, 11, 1), inhabitants=23_710)
    term = services.board_term_create(
        actor=None,
        federation=sofint,
        start=D(2023, 4, 1),
        end=D(2027, 3, 31),
        members=4,
        substitutes=4,
        qualified_majority="3/4 för budget",
    )
    services.board_appointment_add(
        actor=None, term=term, member=lindesberg, role="ledamot", name="Anna Exempel"
    )
    charter = services.charter_propose(
        actor=None, federation=sofint, title="Förbundsordning 2025", proposed_on=D(2025, 1, 1)
    )
    services.charter_adopt(actor=None, charter=charter, member=lindesberg, adopted_on=D(2025, 2, 1))
    client.force_login(elected)
    response = client.get(_url("federation_detail", sofint.pk))
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Region Örebro län",
        "23\xa0710",
        "2024-11-01",
        "Anna Exempel",
        "1 av 8 platser",
        "3/4 för budget",
        "Inte i kraft",
        "Nora, Region Örebro län har inte antagit den",
    ):
        assert text in page, text
    assert "Ändra förbundets uppgifter" not in page and "Lägg till medlem" not in page
    for url in (
        _url("federation_create"),
        _url("federation_edit", sofint.pk),
        _url("member_add", sofint.pk),
        _url("member_edit", sofint.pk, lindesberg.pk),
        _url("board_term_create", sofint.pk),
        _url("appointment_add", sofint.pk, term.pk),
        _url("charter_propose", sofint.pk),
        _url("charter_adopt", sofint.pk, charter.pk),
        _url("population_edit", sofint.pk),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url
    appointment = BoardAppointment.objects.get()
    assert client.post(_url("appointment_remove", sofint.pk, appointment.pk)).status_code == 403
    assert BoardAppointment.objects.exists()


def test_unknown_federation_is_404(client, official_user, sofint):
    client.force_login(official_user)
    assert client.get(_url("federation_detail", sofint.pk + 99)).status_code == 404
    assert client.get(_url("member_edit", sofint.pk, 99_999)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, sofint):
    response = client.get(_url("federation_detail", sofint.pk))
    assert response.status_code == 302 and "/logga-in/" in response["Location"]


def test_a_federation_with_fixed_shares_and_no_municipalities_can_still_be_edited(
    client, official_user, body
):
    client.force_login(official_user)
    data = {"name": "Förbund Fast", "short_name": "Fast", "split_rule": "fasta andelar"}
    client.post(_url("federation_create"), data)
    federation = Federation.objects.get()
    response = client.post(_url("federation_edit", federation.pk), {**data, "seat": "Kumla"})
    assert response.status_code == 302
    assert Federation.objects.get().seat == "Kumla"
    charter = services.charter_propose(
        actor=None, federation=federation, title="Förbundsordning", proposed_on=D(2025, 1, 1)
    )
    page = client.get(_url("federation_detail", federation.pk)).content.decode()
    assert "förbundet har inga medlemmar upplagda" in page and "Lägg först till kommunerna" in page
    response = client.get(_url("charter_adopt", federation.pk, charter.pk))
    assert response.status_code == 302


def test_edit_a_federation(client, official_user, sofint):
    client.force_login(official_user)
    page = client.get(_url("federation_edit", sofint.pk)).content.decode()
    assert 'value="SOFINT"' in page
    response = client.post(
        _url("federation_edit", sofint.pk),
        {
            "name": sofint.name,
            "short_name": "SOFINT",
            "aliases": "Finsam norr",
            "seat": "Lindesberg",
            "split_rule": "fasta andelar",
        },
    )
    assert "Ange andelen för Lindesberg, Nora först" in response.content.decode()
    assert Federation.objects.get(pk=sofint.pk).seat == ""


def test_add_and_edit_members(client, official_user, sofint):
    client.force_login(official_user)
    response = client.post(
        _url("member_add", sofint.pk),
        {"kind": "kommun", "name": "Ljusnarsberg", "board_members": "1", "board_substitutes": "1"},
    )
    assert response.status_code == 302
    member = FederationMember.objects.get(name="Ljusnarsberg")
    response = client.post(
        _url("member_edit", sofint.pk, member.pk),
        {
            "name": "Ljusnarsberg",
            "board_members": "2",
            "board_substitutes": "1",
            "fixed_share": "0,125",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.board_members, str(member.fixed_share)) == (2, "0.125000")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "region", "name": "Region Två"}, "redan en region"),
        ({"kind": "kommun", "name": "Nora"}, "redan medlem"),
        ({"kind": "kommun", "name": "Hällefors", "board_members": "0"}, "Minst 1"),
        ({"kind": "kommun", "name": "Hällefors", "board_members": "1 000"}, "bara siffror"),
        ({"kind": "kommun", "name": "Hällefors", "fixed_share": "en fjärdedel"}, "decimaltal"),
        ({"kind": "kommun", "name": "Hällefors", "fixed_share": "1,5"}, "högst 1"),
        ({"kind": "kommun", "name": "Hällefors", "fixed_share": "NaN"}, "decimaltal"),
        ({"kind": "kommun", "name": "Hällefors", "fixed_share": "Infinity"}, "decimaltal"),
        ({"kind": "kommun", "name": "Hällefors", "fixed_share": "\u0661"}, "decimaltal"),
        ({"kind": "region", "name": "Region Två", "fixed_share": "0,5"}, "Bara kommuner"),
        ({"kind": "kommunalförbund", "name": "Hällefors"}, "Välj ett giltigt"),
    ],
)
def test_member_form_refuses(client, official_user, sofint, data, message):
    client.force_login(official_user)
    before = (FederationMember.objects.count(), _writes())
    response = client.post(
        _url("member_add", sofint.pk), {"board_members": "1", "board_substitutes": "1", **data}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (FederationMember.objects.count(), _writes()) == before


def test_board_term_form_proposes_the_current_term(client, official_user, sofint):
    client.force_login(official_user)
    start, end = rules.board_term(datetime.date.today())
    page = client.get(_url("board_term_create", sofint.pk)).content.decode()
    assert f'value="{start.isoformat()}"' in page and f'value="{end.isoformat()}"' in page
    assert 'name="members" value="4"' in page  # the region's 2, Lindesberg's and Nora's
    response = client.post(
        _url("board_term_create", sofint.pk),
        {"start": start.isoformat(), "end": end.isoformat(), "members": "4", "substitutes": "4"},
    )
    assert response.status_code == 302
    term = BoardTerm.objects.get()
    assert response["Location"].endswith(f"#styrelse-{term.pk}")
    response = client.post(
        _url("board_term_create", sofint.pk),
        {"start": "2027-04-01", "end": "2023-03-31", "members": "4", "substitutes": "4"},
    )
    assert "slutar före den börjar" in response.content.decode()
    assert BoardTerm.objects.count() == 1


def test_appoint_and_remove(client, official_user, sofint):
    term = services.board_term_create(
        actor=None,
        federation=sofint,
        start=D(2023, 4, 1),
        end=D(2027, 3, 31),
        members=4,
        substitutes=4,
    )
    nora = sofint.members.get(name="Nora")
    client.force_login(official_user)
    url = _url("appointment_add", sofint.pk, term.pk)
    data = {"member": nora.pk, "role": "ledamot", "name": "Bo Exempel"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "name": "Cecilia Exempel"})
    assert (
        "Nora utser 1 ledamot i styrelsen, och den platsen är redan tillsatt"
        in response.content.decode()
    )
    other = services.federation_create(actor=None, body=sofint.body, name="Annat", short_name="A")
    stranger = services.federation_member_add(
        actor=None, federation=other, kind=MemberKind.MUNICIPALITY, name="Karlskoga"
    )
    response = client.post(url, {**data, "member": stranger.pk})
    assert "Välj en av förbundets medlemmar" in response.content.decode()
    appointment = BoardAppointment.objects.get()
    assert client.get(_url("appointment_remove", sofint.pk, appointment.pk)).status_code == 405
    assert client.post(_url("appointment_remove", other.pk, appointment.pk)).status_code == 404
    assert client.post(_url("appointment_remove", sofint.pk, appointment.pk)).status_code == 302
    assert not BoardAppointment.objects.exists()


def test_charter_until_in_force(client, official_user, sofint):
    client.force_login(official_user)
    response = client.post(
        _url("charter_propose", sofint.pk),
        {"title": "Förbundsordning 2025", "proposed_on": "2025-01-15", "case_number": "24RS1"},
    )
    assert response.status_code == 302
    charter = CharterVersion.objects.get()
    url = _url("charter_adopt", sofint.pk, charter.pk)
    response = client.post(url, {"member": sofint.members.first().pk, "adopted_on": "2024-12-31"})
    assert "före förslagets datum" in response.content.decode()
    for day, member in zip(
        ("2025-02-01", "2025-03-01", "2025-04-10"), sofint.members.all(), strict=True
    ):
        response = client.post(url, {"member": member.pk, "adopted_on": day, "reference": "§ 1"})
        assert response.status_code == 302
    assert CharterAdoption.objects.count() == 3
    page = client.get(_url("federation_detail", sofint.pk)).content.decode()
    assert "Gäller från 2025-04-10" in page
    assert "För in ett antagande" not in page
    response = client.post(url, {"member": sofint.members.first().pk, "adopted_on": "2025-05-01"})
    assert response.status_code == 302  # nobody left to adopt it: back to the page, said why
    page = client.get(response["Location"]).content.decode()
    assert "Alla medlemmar har redan antagit förbundsordningen." in page
    assert CharterAdoption.objects.count() == 3


def test_population_form(client, official_user, sofint):
    client.force_login(official_user)
    url = _url("population_edit", sofint.pk)
    page = client.get(url).content.decode()
    assert "Lindesberg, invånare" in page and "Region Örebro län, invånare" not in page
    lindesberg = sofint.members.get(name="Lindesberg")
    nora = sofint.members.get(name="Nora")
    response = client.post(url, {"on": "2025-11-01", f"member_{lindesberg.pk}": "23710"})
    assert response.status_code == 302
    assert Population.objects.get().inhabitants == 23_710
    for bad, message in (("23 710", "bara siffror"), ("-3", "större än 0")):
        response = client.post(url, {"on": "2025-11-01", f"member_{nora.pk}": bad})
        assert message in response.content.decode()
    response = client.post(url, {"on": "2025-11-01"})
    assert "minst en kommun" in response.content.decode()
    assert Population.objects.count() == 1
