"""A motion or citizen proposal registered in the registry (as a case of its type) enters the
register of motions at once, received the day it was registered; its authors or proposer are
asked for on its page ("uppgifter saknas"). A motion registered on the motions page is made
once."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.core.models import AuditEntry
from kansli.initiatives import selectors, services
from kansli.initiatives.models import Initiative, InitiativeKind, InitiativeStatus
from kansli.registry.models import Case, CaseType
from kansli.registry.selectors import SECRET_TITLE
from kansli.registry.services import case_register

D = datetime.date
TITLE = "Motion om gröna obligationer"


def _url(name, *args):
    return reverse(f"initiatives:{name}", args=args)


def _register_in_registry(client, series, case_type="motion", title=TITLE):
    return client.post(
        reverse("registry:case_register"),
        {"series": series.pk, "title": title, "case_type": case_type},
    )


def test_a_motion_registered_in_the_registry_is_in_the_motions_list(client, registrar, series):
    client.force_login(registrar)
    assert _register_in_registry(client, series).status_code == 302
    case = Case.objects.get()
    motion = Initiative.objects.get()
    assert (motion.case, motion.kind, motion.title) == (case, InitiativeKind.MOTION, TITLE)
    assert motion.received_on == case.registered_on == timezone.localdate()
    assert motion.status == InitiativeStatus.RECEIVED
    page = client.get(_url("list")).content.decode()
    assert case.number in page and TITLE in page and "Uppgifter saknas" in page
    [row] = selectors.rows([motion], timezone.localdate())
    assert row.missing == ("motionärer",) and row.state is not None  # its limit is watched
    entry = AuditEntry.objects.get(action="initiative_from_case")
    assert entry.actor == registrar and "motionärer saknas" in entry.summary
    case_page = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert f'<a href="{_url("detail", motion.pk)}">Motionen under Motioner' in case_page


def test_a_citizen_proposal_registered_in_the_registry_asks_for_its_proposer(
    client, registrar, series
):
    client.force_login(registrar)
    _register_in_registry(
        client, series, case_type="medborgarforslag", title="Medborgarförslag om cykelställ"
    )
    proposal = Initiative.objects.get()
    assert proposal.kind == InitiativeKind.CITIZEN_PROPOSAL
    assert selectors.missing_facts(proposal) == ("förslagsställare",)
    page = client.get(_url("detail", proposal.pk)).content.decode()
    assert "Uppgifter saknas" in page and 'name="proposer_name"' in page


def test_other_case_types_make_no_initiative(body, series, registrar):
    case_register(actor=registrar, body=body, series=series, title="Budget", case_type="ekonomi")
    assert not Initiative.objects.exists()


def test_a_motion_registered_on_the_motions_page_is_made_once(motion):
    assert Initiative.objects.count() == 1
    assert Initiative.objects.get().authors.count() == 2
    assert not AuditEntry.objects.filter(action="initiative_from_case").exists()
    assert selectors.missing_facts(motion) == ()


def test_a_secret_case_does_not_give_its_title_away(body, series, registrar):
    case_register(
        actor=registrar,
        body=body,
        series=series,
        title="Motion om Kim Provnamns vård",
        case_type=CaseType.COUNCIL_MOTION,
        secrecy="OSL 21 kap. 1 §",
    )
    assert Initiative.objects.get().title == SECRET_TITLE


@pytest.fixture
def registered(body, series, registrar):
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        title=TITLE,
        case_type=CaseType.COUNCIL_MOTION,
        registered_on=D(2020, 6, 16),
    )
    return Initiative.objects.get(case=case)


def test_the_authors_are_given_on_the_page(client, registrar, registered, authors):
    client.force_login(registrar)
    response = client.post(
        _url("complete", registered.pk),
        {"title": "Motion om gröna obligationer ", "authors": [a.pk for a in authors]},
    )
    assert response.status_code == 302 and response["Location"] == _url("detail", registered.pk)
    registered.refresh_from_db()
    assert set(registered.authors.all()) == set(authors)
    assert registered.received_on == D(2020, 6, 16)
    page = client.get(_url("list")).content.decode()
    assert "Uppgifter saknas" not in page and "Jens Exempelsson (V)" in page
    assert AuditEntry.objects.filter(action="initiative_complete", actor=registrar).exists()
    detail = client.get(_url("detail", registered.pk)).content.decode()
    assert _url("complete", registered.pk) not in detail


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": TITLE, "authors": []}, "En motion har minst en motionär."),
        ({"title": TITLE, "authors": ["99999"]}, "Välj motionärer i listan."),
        ({"title": " ", "authors": "AUTHORS"}, "Ange en rubrik."),
        ({"title": "x" * 401, "authors": "AUTHORS"}, "som mest 400 tecken"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    client, registrar, registered, authors, data, message
):
    if data["authors"] == "AUTHORS":
        data = {**data, "authors": [a.pk for a in authors]}
    client.force_login(registrar)
    response = client.post(_url("complete", registered.pk), data)
    assert response.status_code == 200 and message in response.content.decode()
    registered.refresh_from_db()
    assert registered.title == TITLE and not registered.authors.exists()
    assert not AuditEntry.objects.filter(action="initiative_complete").exists()


def test_members_may_not_complete(client, elected, registered, authors):
    client.force_login(elected)
    response = client.post(
        _url("complete", registered.pk), {"title": TITLE, "authors": [a.pk for a in authors]}
    )
    assert response.status_code == 403
    assert not registered.authors.exists()


def test_a_proposal_name_in_the_title_needs_consent(body, series, registrar):
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        title="Medborgarförslag om cykelställ",
        case_type=CaseType.CITIZEN_PROPOSAL,
    )
    proposal = Initiative.objects.get(case=case)
    with pytest.raises(ValidationError, match="förslagsställarens namn"):
        services.initiative_complete(
            actor=registrar,
            initiative=proposal,
            title="Kim Provnamns förslag om cykelställ",
            proposer_name="Kim Provnamn",
        )
    services.initiative_complete(
        actor=registrar,
        initiative=proposal,
        title="Medborgarförslag om cykelställ",
        proposer_name="Kim Provnamn",
    )
    proposal.refresh_from_db()
    assert proposal.proposer_name == "Kim Provnamn" and not proposal.publish_name
    with pytest.raises(ValidationError, match="redan kompletta"):
        services.initiative_complete(
            actor=registrar, initiative=proposal, title="x", proposer_name="Kim Provnamn"
        )


def test_it_is_announced_only_once_complete(registered, council, council_meeting, board, authors):
    with pytest.raises(ValidationError, match="Uppgifter saknas: motionärer"):
        services.initiative_announce(
            actor=None, initiative=registered, meeting=council_meeting, refer_to=board
        )
    services.initiative_complete(actor=None, initiative=registered, title=TITLE, authors=authors)
    announced = services.initiative_announce(
        actor=None, initiative=registered, meeting=council_meeting, refer_to=board
    )
    assert announced.announced_item.title.startswith(
        "Anmälan av motion från Jens Exempelsson (V), Maria Prov (V)"
    )


def test_the_migration_brings_in_motions_registered_before(body, series, registrar):
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        title=TITLE,
        case_type=CaseType.COUNCIL_MOTION,
        registered_on=D(2020, 6, 16),
    )
    Initiative.objects.all().delete()  # as before the registry started the workflow
    migration = importlib.import_module(
        "kansli.initiatives.migrations.0003_initiatives_of_registered_cases"
    )
    migration.add_initiatives(apps, None)
    migration.add_initiatives(apps, None)  # run again: nothing doubled
    motion = Initiative.objects.get()
    assert (motion.case, motion.received_on, motion.title) == (case, D(2020, 6, 16), TITLE)
