import pytest
from django.urls import reverse

from kansli.authorisations.models import Authorisation, GivenBy

HOSTILE = "<script>alert(1)</script>"


def _data(board, **changes):
    data = {
        "organization": board.pk,
        "holders": "Caroline Klefbom, finanscontroller Region Örebro län\n"
        "Maria Pisoni Sundahl, ekonomi- och personalchef Länsgården Fastigheter AB",
        "scope": "genomföra finansiella affärstransaktioner",
        "countersign": "redovisningsansvarig Inger Andersson",
        "valid_from": "2020-08-26",
        "given_by": GivenBy.THIRD_PARTY,
        "decision_reference": "RS § 142",
        "case_number": "",
    }
    return {**data, **changes}


PENDING = (
    "Återkallelsen beslutad 2021-03-01 men banken eller annan tredje man har inte underrättats: "
    "fullmakten gäller fortfarande mot tredje man (avtalslagen 13 §)."
)


def _page(client, pk):
    return client.get(reverse("authorisations:detail", args=[pk])).content.decode()


def test_grant_search_and_revoke_through_the_pages(client, secretary, board):
    client.force_login(secretary)
    assert client.get(reverse("authorisations:grant")).status_code == 200
    response = client.post(reverse("authorisations:grant"), _data(board))
    assert response.status_code == 302
    first = Authorisation.objects.get(holder_name="Caroline Klefbom")
    assert first.holder_title == "finanscontroller Region Örebro län"
    assert first.given_by == GivenBy.THIRD_PARTY
    page = client.get(reverse("authorisations:list"), {"q": "Pisoni"}).content.decode()
    assert "Maria Pisoni Sundahl" in page and "Caroline Klefbom" not in page
    revoke = reverse("authorisations:revoke", args=[first.pk])
    response = client.post(revoke, {"decided_on": "2020-01-01"})
    assert "före den dag den började gälla" in response.content.decode()
    response = client.post(
        revoke, {"decided_on": "2021-03-01", "third_party_told_on": "2021-02-01"}
    )
    assert "Dagen 2021-02-01 ligger före beslutet om återkallelse" in response.content.decode()
    first.refresh_from_db()
    assert first.revocation_decided_on is None

    # decided, the bank not yet told: still in force, and the page says so
    response = client.post(revoke, {"decided_on": "2021-03-01", "reason": "Ny tjänst"}, follow=True)
    assert "Återkallelsen är antecknad men har inte fått verkan" in response.content.decode()
    detail = _page(client, first.pk)
    assert PENDING in detail and "Gäller i dag." in detail and "skäl: Ny tjänst" in detail
    assert "Återkallelse av fullmakten beslutad 2021-03-01: Ny tjänst." in detail
    assert "Återkalla fullmakten" not in detail and "Tredje man underrättad" in detail
    listing = client.get(reverse("authorisations:list")).content.decode()
    assert "Caroline Klefbom" in listing
    assert "Återkallelse beslutad 2021-03-01, ännu utan verkan" in listing

    # the second step: the holder told is not enough (12 §); a day too early is refused
    event = reverse("authorisations:event", args=[first.pk])
    assert "Ange en dag." in client.post(event, {}).content.decode()
    client.post(event, {"holder_told_on": "2021-03-02"})
    detail = _page(client, first.pk)
    assert PENDING in detail
    assert (
        "Fullmäktigen fick beskedet 2021-03-02, men det räcker inte (avtalslagen 12 §)." in detail
    )
    response = client.post(event, {"third_party_told_on": "2021-02-28"})
    assert "ligger före beslutet om återkallelse (2021-03-01)" in response.content.decode()
    response = client.post(event, {"third_party_told_on": "2021-03-04"}, follow=True)
    assert "Fullmakten upphörde 2021-03-04 (avtalslagen 13 §)." in response.content.decode()
    detail = _page(client, first.pk)
    assert PENDING not in detail and "upphörde 2021-03-04" in detail
    assert "Gäller inte i dag." in detail and "Anteckna" not in detail
    listing = client.get(reverse("authorisations:list")).content.decode()
    assert "Caroline Klefbom" not in listing  # not in force today
    listing = client.get(reverse("authorisations:list"), {"alla": "1"}).content.decode()
    assert "upphörde 2021-03-04" in listing
    for day, shown in [("2021-03-03", True), ("2021-03-04", False)]:
        listing = client.get(reverse("authorisations:list"), {"datum": day}).content.decode()
        assert ("Caroline Klefbom" in listing) == shown
    listing = client.get(reverse("authorisations:list"), {"datum": "1/2"}).content.decode()
    assert "är inte ett datum" in listing


def test_how_it_was_given_is_chosen_shown_and_corrected(client, secretary, board):
    client.force_login(secretary)
    client.post(reverse("authorisations:grant"), _data(board, given_by=GivenBy.DOCUMENT))
    first = Authorisation.objects.get(holder_name="Caroline Klefbom")
    detail = _page(client, first.pk)
    assert "Fullmaktshandling till fullmäktigen. Återkallas genom att fullmaktshandlingen " in (
        detail
    )
    assert "Fullmaktshandlingen återtagen eller förstörd" in detail  # the revocation form asks
    given_by = reverse("authorisations:given_by", args=[first.pk])
    response = client.post(given_by, {"given_by": "muntligen"})
    assert "Välj i listan." in response.content.decode()
    response = client.post(given_by, {"given_by": GivenBy.POSITION}, follow=True)
    assert "Antecknat hur fullmakten gavs: följer av befattning." in response.content.decode()
    first.refresh_from_db()
    assert first.given_by == GivenBy.POSITION
    # the holder left before the decision was recorded: taken as it happened (15 §)
    client.post(
        reverse("authorisations:revoke", args=[first.pk]),
        {"decided_on": "2021-03-01", "left_position_on": "2021-02-28"},
    )
    detail = _page(client, first.pk)
    assert "Innehavaren lämnade befattningen 2021-02-28." in detail
    assert "Fick verkan 2021-02-28 (avtalslagen 15 §)." in detail
    assert "Rätta hur fullmakten gavs" not in detail
    response = client.post(given_by, {"given_by": GivenBy.THIRD_PARTY})
    assert "Återkallelsen har redan fått verkan" in response.content.decode()
    first.refresh_from_db()
    assert first.given_by == GivenBy.POSITION


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"holders": ", titel utan namn"}, "Rad 1: namnet saknas."),
        ({"holders": " \n "}, "Ange minst en innehavare."),
        ({"valid_from": "igår"}, "ÅÅÅÅ-MM-DD"),
        ({"countersign": "Caroline Klefbom"}, "Caroline Klefbom kan inte kontrasignera"),
        ({"case_number": "20RS404040"}, "Inget ärende med diarienummer 20RS404040."),
        ({"given_by": "muntligen"}, "Välj i listan."),
        ({"given_by": ""}, "Välj i listan."),
    ],
)
def test_bad_input_writes_nothing(client, secretary, board, changes, message):
    client.force_login(secretary)
    response = client.post(reverse("authorisations:grant"), _data(board, **changes))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Authorisation.objects.exists()


def test_hostile_text_is_escaped(client, secretary, board):
    client.force_login(secretary)
    client.post(reverse("authorisations:grant"), _data(board, scope=HOSTILE))
    page = client.get(reverse("authorisations:list")).content.decode()
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_who_may_do_what(client, elected, official_user, secretary, board):
    client.force_login(secretary)
    client.post(reverse("authorisations:grant"), _data(board))
    pk = Authorisation.objects.first().pk
    client.force_login(elected)
    assert client.get(reverse("authorisations:list")).status_code == 200
    detail = client.get(reverse("authorisations:detail", args=[pk])).content.decode()
    assert "Återkalla fullmakten" not in detail and "Rätta hur fullmakten gavs" not in detail
    client.force_login(official_user)
    assert client.get(reverse("authorisations:grant")).status_code == 403
    for step in ("revoke", "event", "given_by"):
        assert client.post(reverse(f"authorisations:{step}", args=[pk]), {}).status_code == 403
    assert client.get(reverse("authorisations:revoke", args=[pk])).status_code == 405
    client.logout()
    assert client.get(reverse("authorisations:list")).status_code == 302
