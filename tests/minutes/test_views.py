"""The minutes pages: the whole flow through the views, and bad input."""

from django.urls import reverse

from kansli.minutes import services
from kansli.minutes.models import Attendance, Minutes, Paragraph, Posting

from ..shared import shared_fixtures
from .helpers import board_with_meeting, paragraph, started_minutes

_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


def url(name, *args):
    return reverse(f"minutes:{name}", args=args)


def test_the_secretary_starts_records_and_the_signers_adjust(client, b, secretary):
    client.force_login(secretary)
    meeting = b.meeting
    assert client.get(url("minutes_detail", meeting.pk)).status_code == 200
    response = client.post(url("minutes_detail", meeting.pk), {"first_number": "150"})
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert sorted(minutes.paragraphs.values_list("number", flat=True)) == [150, 151, 152]
    page = client.get(url("minutes_detail", meeting.pk)).content.decode()
    assert "Justering senast" in page and "2020-09-09" in page
    # Höijer absent, Dahl present: Dahl serves for Höijer.
    form = {f"present_{b[n].pk}": "on" for n in ("Svahn", "Karlsson", "Sundin", "Menhem", "Dahl")}
    form["others_present"] = "Rickard Simonsson, Regiondirektör"
    client.post(url("attendance_record", meeting.pk), form)
    assert Attendance.objects.filter(minutes=minutes).count() == 5
    p = paragraph(minutes, 2)
    edit = client.get(url("paragraph_edit", meeting.pk, p.pk)).content.decode()
    assert "Carina Dahl (S), tjänstgör för Nina Höijer (S)" in edit
    client.post(
        url("paragraph_edit", meeting.pk, p.pk),
        {
            "decision_formula": "Regionstyrelsen föreslår regionfullmäktige besluta",
            "decision_clauses": "att avslå motionen.",
            "proposal_person_0": str(b["Menhem"].pk),
            "proposal_text_0": "bifall till motionen",
            "reservation_person_0": str(b["Menhem"].pk),
            "reservation_text_0": "<script>alert(1)</script>",
        },
    )
    p.refresh_from_db()
    assert p.proposals.get().text == "bifall till motionen"
    ballots = {f"ballot_{b[n].pk}": "ja" for n in ("Svahn", "Karlsson", "Sundin", "Dahl")}
    ballots[f"ballot_{b['Menhem'].pk}"] = "nej"
    client.post(
        url("vote_record", meeting.pk, p.pk),
        {"yes_label": "avslag", "no_label": "bifall", **ballots},
    )
    assert p.votes.get().ballots.count() == 5
    edit = client.get(url("paragraph_edit", meeting.pk, p.pk)).content.decode()
    assert "<script>alert(1)</script>" not in edit
    for name in ("Svahn", "Karlsson"):
        client.force_login(b.login(name))
        client.post(url("minutes_sign", meeting.pk))
    minutes.refresh_from_db()
    assert minutes.is_locked
    page = client.get(url("minutes_detail", meeting.pk)).content.decode()
    posting = Posting.objects.get(minutes=minutes)
    assert "Sista dag för överklagande" in page
    assert posting.last_appeal_day.isoformat() in page
    pdf = client.get(url("minutes_pdf", meeting.pk))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_notice_board_is_public_and_lists_postings_until_the_appeal_ends(client, b, settings):
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=minutes)
    posting = Posting.objects.get()
    page = client.get(url("notice_board")).content.decode()
    assert "Regionstyrelsen 2020-08-26" in page
    assert posting.last_appeal_day.isoformat() in page
    Posting.objects.update(listed_until=posting.posted_on.replace(year=2000))
    assert "Regionstyrelsen 2020-08-26" not in client.get(url("notice_board")).content.decode()


def test_bad_numbers_in_the_attendance_form_change_nothing(client, b, secretary):
    minutes = started_minutes(b)
    client.force_login(secretary)
    before = Attendance.objects.filter(minutes=minutes).count()
    response = client.post(
        url("attendance_record", b.meeting.pk),
        {f"present_{b['Svahn'].pk}": "on", f"from_{b['Svahn'].pk}": "'; DROP TABLE x;--"},
        follow=True,
    )
    assert response.status_code == 200
    assert "är inget nummer" in response.content.decode()
    assert Attendance.objects.filter(minutes=minutes).count() == before


def test_a_member_who_is_not_a_signer_cannot_sign_through_the_page(client, b):
    minutes = started_minutes(b)
    client.force_login(b.login("Menhem"))
    response = client.post(url("minutes_sign", b.meeting.pk), follow=True)
    assert "Bara ordföranden och justerarna" in response.content.decode()
    assert not minutes.signatures.exists()


def test_elected_members_cannot_edit_paragraphs(client, b):
    minutes = started_minutes(b)
    client.force_login(b.login("Menhem"))
    p = paragraph(minutes, 2)
    response = client.post(
        url("paragraph_edit", b.meeting.pk, p.pk),
        {"decision_formula": "Regionstyrelsen beslutar", "decision_clauses": "att bifalla."},
    )
    assert response.status_code == 403
    assert Paragraph.objects.get(pk=p.pk).decision_clauses == ["att avslå motionen."]


def test_draft_minutes_are_not_public(client, b):
    started_minutes(b)
    response = client.get(url("minutes_pdf", b.meeting.pk))
    assert response.status_code in (302, 404)


def test_a_tampered_minutes_pdf_is_refused_loudly(client, b, secretary):
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=minutes)
    Minutes.objects.filter(pk=minutes.pk).update(content_hash="0" * 64)
    client.force_login(secretary)
    response = client.get(url("minutes_pdf", b.meeting.pk))
    assert response.status_code == 409
    assert "stämmer inte med kontrollsumman" in response.content.decode()
    page = client.get(url("minutes_detail", b.meeting.pk)).content.decode()
    assert 'role="alert"' in page and "stämmer inte med kontrollsumman" in page


def test_dispatch_list_shows_what_is_undispatched(client, b, secretary):
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=minutes)
    client.force_login(secretary)
    page = client.get(url("dispatch_list")).content.decode()
    assert "till Willhelm Sundman (L)</h3>" in page
    from kansli.minutes.models import Dispatch

    d = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    response = client.post(
        url("dispatch_send", d.pk), {"channel": "epost", "address": ""}, follow=True
    )
    assert "saknar e-postadress" in response.content.decode()
    client.post(url("dispatch_send", d.pk), {"channel": "internt", "address": ""})
    after = client.get(url("dispatch_list")).content.decode()
    assert "till Willhelm Sundman (L)</h3>" not in after
    assert "till Regionfullmäktige</h3>" in after
    waiting = client.get(url("cases_waiting")).content.decode()
    assert "20RS6617" in waiting and "Regionfullmäktige" in waiting


def test_immediate_adjustment_and_a_correction_through_the_pages(client, b, secretary):
    minutes = started_minutes(b)
    p3 = paragraph(minutes, 3)
    for name in ("Svahn", "Karlsson"):
        client.force_login(b.login(name))
        page = client.get(url("paragraph_edit", b.meeting.pk, p3.pk)).content.decode()
        assert "för omedelbar justering" in page
        client.post(url("minutes_sign", b.meeting.pk), {"paragraph": str(p3.pk)})
    p3.refresh_from_db()
    assert p3.immediately_adjusted_on is not None
    assert Posting.objects.get(paragraph=p3).paragraphs == "§ 3"
    response = client.post(url("minutes_sign", b.meeting.pk), {"paragraph": "x"})
    assert response.status_code == 404
    client.force_login(b.login("Svahn"))
    client.post(url("minutes_sign", b.meeting.pk))
    client.force_login(b.login("Karlsson"))
    client.post(url("minutes_sign", b.meeting.pk))
    minutes.refresh_from_db()
    assert minutes.is_locked
    client.force_login(secretary)
    client.post(url("correction_create", b.meeting.pk), {"text": "<b>Rättelse</b> av § 2"})
    page = client.get(url("minutes_detail", b.meeting.pk)).content.decode()
    assert "&lt;b&gt;Rättelse&lt;/b&gt; av § 2" in page
    assert minutes.corrections.count() == 1
