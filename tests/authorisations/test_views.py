import pytest
from django.urls import reverse

from kansli.authorisations.models import Authorisation

HOSTILE = "<script>alert(1)</script>"


def _data(board, **changes):
    data = {
        "organization": board.pk,
        "holders": "Caroline Klefbom, finanscontroller Region Örebro län\n"
        "Maria Pisoni Sundahl, ekonomi- och personalchef Länsgården Fastigheter AB",
        "scope": "genomföra finansiella affärstransaktioner",
        "countersign": "redovisningsansvarig Inger Andersson",
        "valid_from": "2020-08-26",
        "decision_reference": "RS § 142",
        "case_number": "",
    }
    return {**data, **changes}


def test_grant_search_and_revoke_through_the_pages(client, secretary, board):
    client.force_login(secretary)
    assert client.get(reverse("authorisations:grant")).status_code == 200
    response = client.post(reverse("authorisations:grant"), _data(board))
    assert response.status_code == 302
    first = Authorisation.objects.get(holder_name="Caroline Klefbom")
    assert first.holder_title == "finanscontroller Region Örebro län"
    page = client.get(reverse("authorisations:list"), {"q": "Pisoni"}).content.decode()
    assert "Maria Pisoni Sundahl" in page and "Caroline Klefbom" not in page
    response = client.post(
        reverse("authorisations:revoke", args=[first.pk]), {"revoked_on": "2020-01-01"}
    )
    assert "före den dag den började gälla" in response.content.decode()
    response = client.post(
        reverse("authorisations:revoke", args=[first.pk]),
        {"revoked_on": "2021-03-01", "reason": "Ny tjänst"},
    )
    assert response.status_code == 302
    detail = client.get(reverse("authorisations:detail", args=[first.pk])).content.decode()
    assert "återkallad: Ny tjänst" in detail and "Återkallade fullmakten från 2021-03-01" in detail
    listing = client.get(reverse("authorisations:list")).content.decode()
    assert "Caroline Klefbom" not in listing  # not in force today
    listing = client.get(reverse("authorisations:list"), {"alla": "1"}).content.decode()
    assert "återkallad 2021-03-01" in listing
    listing = client.get(reverse("authorisations:list"), {"datum": "2021-02-01"}).content.decode()
    assert "Caroline Klefbom" in listing
    listing = client.get(reverse("authorisations:list"), {"datum": "1/2"}).content.decode()
    assert "är inte ett datum" in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"holders": ", titel utan namn"}, "Rad 1: namnet saknas."),
        ({"holders": " \n "}, "Ange minst en innehavare."),
        ({"valid_from": "igår"}, "ÅÅÅÅ-MM-DD"),
        ({"countersign": "Caroline Klefbom"}, "Caroline Klefbom kan inte kontrasignera"),
        ({"case_number": "20RS404040"}, "Inget ärende med diarienummer 20RS404040."),
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
    assert "Återkalla fullmakten" not in detail
    client.force_login(official_user)
    assert client.get(reverse("authorisations:grant")).status_code == 403
    assert client.post(reverse("authorisations:revoke", args=[pk]), {}).status_code == 403
    client.logout()
    assert client.get(reverse("authorisations:list")).status_code == 302
