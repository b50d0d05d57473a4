import datetime

from django.urls import reverse

from kansli.people import services
from kansli.people.models import MembershipRole


def test_organization_page_shows_members_by_date(client, board, person):
    services.membership_create(
        actor=None,
        person=person,
        organization=board,
        role=MembershipRole.CHAIR,
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2022, 12, 31),
    )
    url = reverse("people:organization_detail", args=[board.pk])
    page = client.get(url, {"datum": "2020-08-26"}).content.decode()
    assert "Andreas Svahn" in page and "Ordförande" in page
    later = client.get(url, {"datum": "2023-01-01"}).content.decode()
    assert "Inga ledamöter detta datum" in later
    bad = client.get(url, {"datum": "<b>x</b>"})
    assert bad.status_code == 200 and "är inte ett datum" in bad.content.decode()
    assert "<b>x</b>" not in bad.content.decode()
    person_page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert "Regionstyrelsen" in person_page and "2019-01-01 – 2022-12-31" in person_page
    assert client.get(reverse("people:person_list"), {"q": "svahn"}).status_code == 200
    assert client.get(reverse("people:organization_detail", args=[9999])).status_code == 404
