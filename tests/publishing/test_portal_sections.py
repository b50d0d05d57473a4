"""The portal's front page lists the sections the apps registered
(kansli.core.extensions.register_portal_section), in the order it always had."""

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_portal_lists_its_sections_in_order(client):
    page = client.get(reverse("publishing:home")).content.decode()
    links = re.search(r'<ul class="plain portal-links">(.*?)</ul>', page, re.S)
    assert links is not None
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', links.group(1)) == [
        (reverse("publishing:calendar"), "Sammanträdeskalender"),
        (reverse("minutes:notice_board"), "Anslagstavla"),
        (reverse("publishing:initiatives"), "Motioner och medborgarförslag"),
        (reverse("people:organization_list"), "Organ och ledamöter"),
        (reverse("search:search"), "Sök i publicerade handlingar"),
    ]
