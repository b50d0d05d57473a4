"""Adjustment: signatures, locking, the hash, the posting, dispatch and the route."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from kansli.core.models import AuditEntry
from kansli.meetings import services as meetings
from kansli.meetings.models import CaseStep, StepStatus
from kansli.memos.models import SectionKey
from kansli.minutes import rules, services
from kansli.minutes.document import IntegrityError, extract_pdf, minutes_data, minutes_pdf
from kansli.minutes.models import Dispatch, Minutes, MinutesStatus, Paragraph, Posting
from kansli.minutes.services import AttendanceInput, Entry
from kansli.registry.models import Case, Document
from kansli.registry.selectors import case_history

from ..shared import shared_fixtures
from .helpers import D, board_with_meeting, paragraph, started_minutes

STOCKHOLM = datetime.timezone(datetime.timedelta(hours=2))
SIGNED = datetime.datetime(2020, 9, 2, 14, 3, tzinfo=STOCKHOLM)


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def minutes(b):
    return started_minutes(b)


def sign(b, minutes, name, **kwargs):
    return services.minutes_sign(actor=b.login(name), minutes=minutes, now=SIGNED, **kwargs)


def adjusted(b, minutes) -> Minutes:
    sign(b, minutes, "Svahn")
    sign(b, minutes, "Karlsson")
    return Minutes.objects.get(pk=minutes.pk)


def test_the_last_signature_locks_seals_and_posts(b, minutes):
    sign(b, minutes, "Svahn")
    assert not Minutes.objects.get(pk=minutes.pk).is_locked
    minutes = adjusted_after_second(b, minutes)
    assert minutes.status == MinutesStatus.ADJUSTED
    assert minutes.adjusted_on == D(2020, 9, 2)
    assert len(minutes.content_hash) == 64
    posting = Posting.objects.get(minutes=minutes, paragraph=None)
    assert posting.posted_on == D(2020, 9, 2)
    assert posting.last_appeal_day == D(2020, 9, 23)
    assert posting.last_appeal_day == rules.last_day_to_appeal(posting.posted_on)
    assert posting.kept_at == "Regionkansliet, Örebro"
    assert posting.paragraphs == "§§ 1–3"
    data = minutes_data(minutes)
    assert data["posting"]["last_appeal_day"] == "2020-09-23"
    assert data["hash"] == minutes.content_hash


def adjusted_after_second(b, minutes):
    sign(b, minutes, "Karlsson")
    return Minutes.objects.get(pk=minutes.pk)


def test_the_substitute_adjuster_may_sign_in_place_of_the_adjuster(b, minutes):
    sign(b, minutes, "Svahn")
    sign(b, minutes, "Sundin")
    assert Minutes.objects.get(pk=minutes.pk).is_locked


def test_someone_neither_chair_nor_adjuster_cannot_sign(b, minutes):
    with pytest.raises(ValidationError, match="Bara ordföranden och justerarna"):
        sign(b, minutes, "Menhem")
    assert not minutes.signatures.exists()


def test_a_login_without_a_person_cannot_sign(b, minutes, secretary):
    with pytest.raises(ValidationError, match="inte kopplad till en förtroendevald"):
        services.minutes_sign(actor=secretary, minutes=minutes)


def test_nobody_signs_twice(b, minutes):
    sign(b, minutes, "Svahn")
    with pytest.raises(ValidationError, match="redan signerat"):
        sign(b, minutes, "Svahn")


def test_minutes_without_quorum_cannot_be_signed(b, minutes):
    services.attendance_record(
        actor=None,
        minutes=minutes,
        entries=[AttendanceInput(b["Svahn"]), AttendanceInput(b["Karlsson"])],
    )
    with pytest.raises(ValidationError, match="inte beslutsför"):
        sign(b, minutes, "Svahn")


def test_adjusted_minutes_cannot_be_changed_by_any_service(b, minutes):
    minutes = adjusted(b, minutes)
    p2 = paragraph(minutes, 2)
    before = minutes.content_hash
    attempts = [
        lambda: services.attendance_record(
            actor=None, minutes=minutes, entries=[AttendanceInput(b["Svahn"])]
        ),
        lambda: services.minutes_set_adjustment(
            actor=None, minutes=minutes, chair=b["Svahn"], adjuster=b["Menhem"]
        ),
        lambda: services.paragraph_update(
            actor=None,
            paragraph=p2,
            decision_formula="Regionstyrelsen beslutar",
            decision_clauses=["att bifalla motionen."],
        ),
        lambda: services.vote_record(
            actor=None,
            paragraph=p2,
            yes_label="ja",
            no_label="nej",
            ballots={b[n]: "ja" for n in ("Svahn", "Karlsson", "Sundin", "Höijer", "Menhem")},
        ),
        lambda: sign(b, minutes, "Sundin"),
        lambda: sign(b, minutes, "Sundin", paragraph=p2),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="justera"):
            attempt()
    minutes.refresh_from_db()
    p2.refresh_from_db()
    assert p2.decision_clauses == ["att avslå motionen."]
    assert minutes.content_hash == before
    assert minutes_data(minutes)["hash"] == before


def test_a_correction_is_a_new_linked_record(b, minutes):
    with pytest.raises(ValidationError, match="inte justerat"):
        services.correction_create(actor=None, minutes=minutes, text="Fel datum")
    minutes = adjusted(b, minutes)
    correction = services.correction_create(
        actor=None,
        minutes=minutes,
        text="I § 2 ska det stå 16 juni.",
        paragraph=paragraph(minutes, 2),
    )
    assert list(minutes.corrections.all()) == [correction]
    assert minutes_data(minutes)["hash"] == minutes.content_hash


def test_a_tampered_sealed_content_is_reported_loudly(b, minutes):
    minutes = adjusted(b, minutes)
    sealed = dict(minutes.sealed_content)
    sealed["place"] = "Någon annanstans"
    Minutes.objects.filter(pk=minutes.pk).update(sealed_content=sealed)
    minutes.refresh_from_db()
    with pytest.raises(IntegrityError, match="stämmer inte med kontrollsumman"):
        minutes_data(minutes)
    with pytest.raises(IntegrityError):
        minutes_pdf(minutes)


def test_adjusted_minutes_show_what_was_signed_even_when_a_name_changes_later(b, minutes):
    minutes = adjusted(b, minutes)
    person = b["Menhem"]
    person.last_name = "Menhem-Andersson"
    person.save()
    data = minutes_data(minutes)
    assert "Jihad Menhem" in [d["name"] for d in data["decision_makers"]]


def test_immediate_adjustment_locks_one_paragraph_and_posts_it(b, minutes):
    p3 = paragraph(minutes, 3)
    sign(b, minutes, "Svahn", paragraph=p3)
    sign(b, minutes, "Karlsson", paragraph=p3)
    p3.refresh_from_db()
    assert p3.immediately_adjusted_on == D(2020, 9, 2)
    assert Posting.objects.get(paragraph=p3).paragraphs == "§ 3"
    assert p3.case_id  # its decision is in its case's history at once, and only once
    decided = AuditEntry.objects.filter(action="paragraph_decided", object_id=str(p3.pk))
    assert [e.scope for e in decided] == [f"case:{p3.case_id}"]
    assert decided[0].summary.endswith("(paragrafen omedelbart justerad 2020-09-02).")
    with pytest.raises(ValidationError, match="Paragrafen är justerad"):
        services.paragraph_update(
            actor=None,
            paragraph=p3,
            decision_formula="Regionstyrelsen beslutar",
            decision_clauses=["att återremittera."],
        )
    services.paragraph_update(  # the others stay open
        actor=None,
        paragraph=paragraph(minutes, 2),
        decision_formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        decision_clauses=["att avslå motionen."],
        notes=[Entry(None, "Motionären yttrade sig.")],
    )
    minutes = adjusted(b, minutes)
    assert [p["immediately_adjusted"] for p in minutes_data(minutes)["paragraphs"]] == [
        False,
        False,
        True,
    ]


def test_adjustment_queues_one_dispatch_per_recipient(b, minutes):
    minutes = adjusted(b, minutes)
    assert [(d.paragraph.number, d.recipient) for d in Dispatch.objects.all()] == [
        (2, "Regionfullmäktige"),
        (2, "Willhelm Sundman (L)"),
    ]


def test_dispatch_by_email_sends_the_extract(b, minutes, secretary):
    minutes = adjusted(b, minutes)
    dispatch = Dispatch.objects.get(recipient="Regionfullmäktige")
    services.dispatch_send(
        actor=secretary, dispatch=dispatch, channel="epost", address="fullmaktige@region.example"
    )
    dispatch.refresh_from_db()
    assert dispatch.is_sent and dispatch.sent_by == secretary
    (message,) = mail.outbox
    assert message.to == ["fullmaktige@region.example"]
    assert "§ 2" in message.subject
    _name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Motion om gröna obligationer" in text
    assert "Utdraget överensstämmer med originalprotokollet" in text


@pytest.mark.parametrize(
    ("channel", "address", "message"),
    [
        ("epost", "", "saknar e-postadress"),
        ("epost", "inte en adress", "ingen giltig e-postadress"),
        ("brev", "", "saknar postadress"),
        ("brev", "Staben", "ingen fullständig postadress"),
        ("brev", "Exempelgatan 4, Örebro", "ingen fullständig postadress"),
        ("fax", "1234", "Välj e-post"),
    ],
)
def test_a_dispatch_without_a_usable_address_is_refused(b, minutes, channel, address, message):
    minutes = adjusted(b, minutes)
    dispatch = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    with pytest.raises(ValidationError, match=message):
        services.dispatch_send(actor=None, dispatch=dispatch, channel=channel, address=address)
    dispatch.refresh_from_db()
    assert not dispatch.is_sent
    assert not mail.outbox


def test_a_dispatch_is_sent_once(b, minutes):
    minutes = adjusted(b, minutes)
    dispatch = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    services.dispatch_send(
        actor=None, dispatch=dispatch, channel="brev", address="Box 1613\n701 16 Örebro"
    )
    dispatch.refresh_from_db()
    assert dispatch.address == "Box 1613, 701 16 Örebro"  # the lines kept apart
    with pytest.raises(ValidationError, match="redan expedierat"):
        services.dispatch_send(actor=None, dispatch=dispatch, channel="internt")


def test_a_proposal_to_the_council_moves_the_case_to_the_councils_list(b, minutes):
    adjusted(b, minutes)
    p2 = Paragraph.objects.get(minutes=minutes, agenda_item__number=2)
    steps = list(CaseStep.objects.filter(case=p2.case).order_by("position"))
    assert [(s.organization.name, s.status) for s in steps] == [
        ("Regionstyrelsen", StepStatus.DECIDED),
        ("Regionfullmäktige", StepStatus.WAITING),
    ]
    assert steps[0].paragraph_label == "§ 2"
    # The item decided by the board itself goes nowhere further.
    p3 = Paragraph.objects.get(minutes=minutes, agenda_item__number=3)
    assert CaseStep.objects.filter(case=p3.case).count() == 1
    # On the council's agenda the waiting step is taken up and the memo's Beredning filled.
    council_meeting = meetings.meeting_create(
        actor=None,
        organization=b.council,
        date=D(2020, 10, 6),
        start_time=datetime.time(9, 0),
        place="Conventum",
    )
    item = meetings.agenda_item_add(
        actor=None, meeting=council_meeting, title=p2.title, case=p2.case
    )
    steps[1].refresh_from_db()
    assert steps[1].agenda_item == item and steps[1].status == StepStatus.ON_AGENDA
    memo = meetings.agenda_item_memo_create(actor=None, item=item)
    preparation = memo.sections.get(key=SectionKey.PREPARATION).text
    assert "Regionstyrelsen 2020-08-26, § 2" in preparation


def test_the_minutes_pdf_has_the_swedish_layout(b, minutes):
    minutes = adjusted(b, minutes)
    reader = PdfReader(io.BytesIO(minutes_pdf(minutes)))
    text = "".join(page.extract_text() for page in reader.pages)
    for heading in (
        "Plats och tid",
        "Beslutande",
        "Justerare",
        "Justeringens plats och tid",
        "Underskrifter",
        "Paragrafer",
        "ANSLAG/BEVIS",
        "2020-09-23",
        minutes.content_hash,
    ):
        assert heading in text.replace("\n", ""), heading


def test_an_extract_of_a_draft_is_not_certified(b, minutes):
    reader = PdfReader(io.BytesIO(extract_pdf([paragraph(minutes, 2)])))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "inte justerat" in text


def test_a_decision_with_an_unfilled_placeholder_cannot_be_signed(b, minutes):
    services.paragraph_update(
        actor=None,
        paragraph=paragraph(minutes, 3),
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att utse ..... (S) till ersättare."],
    )
    with pytest.raises(ValidationError, match="platshållare"):
        sign(b, minutes, "Svahn")
    assert not minutes.signatures.exists()


def test_the_decision_and_its_dispatch_are_in_the_cases_history(b, minutes, secretary):
    minutes = adjusted(b, minutes)
    p2 = Paragraph.objects.get(minutes=minutes, agenda_item__number=2)
    history = list(case_history(viewer=secretary, case=p2.case))
    decided = next(e for e in history if e.action == "paragraph_decided")
    assert decided.summary.startswith("Beslut i Regionstyrelsen 2020-08-26 § 2: ")
    assert decided.summary.endswith("(protokollet justerat 2020-09-02).")
    for clause in p2.decision_clauses:
        assert " ".join(clause.split()) in decided.summary
    # each paragraph's decision in its own case only
    assert AuditEntry.objects.filter(action="paragraph_decided", object_id=str(p2.pk)).count() == 1
    dispatch = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    services.dispatch_send(
        actor=secretary, dispatch=dispatch, channel="brev", address="Box 1613\n701 16 Örebro"
    )
    sent = [e for e in case_history(viewer=secretary, case=p2.case) if e.action == "dispatch_send"]
    assert len(sent) == 1 and "Expedierade § 2 till Willhelm Sundman (L)" in sent[0].summary
    # and still once in the meeting's history
    assert (
        AuditEntry.objects.filter(
            action="dispatch_send", scope=f"meeting:{minutes.meeting_id}"
        ).count()
        == 1
    )


def test_a_secret_cases_decision_is_in_its_history_without_its_words(b, minutes, secretary):
    p2 = Paragraph.objects.get(minutes=minutes, agenda_item__number=2)
    Case.objects.filter(pk=p2.case_id).update(secrecy="OSL 21 kap. 1 §")
    adjusted(b, minutes)
    decided = AuditEntry.objects.get(action="paragraph_decided", scope=f"case:{p2.case_id}")
    assert decided.summary == (
        "Beslut i Regionstyrelsen 2020-08-26 § 2 (protokollet justerat 2020-09-02)."
    )
    dispatch = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    services.dispatch_send(
        actor=secretary, dispatch=dispatch, channel="brev", address="Box 1613\n701 16 Örebro"
    )
    document = Dispatch.objects.get(pk=dispatch.pk).document
    assert document.kind == "utgaende" and document.visibility == "sekretess"
    in_case = AuditEntry.objects.get(action="dispatch_send", scope=f"case:{p2.case_id}")
    assert in_case.summary == "Expedierade § 2 (brev)."  # no recipient in a secret case
    assert document.secrecy == "OSL 21 kap. 1 §" and document.case_id == p2.case_id


def test_the_adjusted_minutes_and_extracts_are_registered_once(
    b, minutes, secretary, django_capture_on_commit_callbacks
):
    from kansli.minutes.services.record import minutes_record_run

    with django_capture_on_commit_callbacks() as callbacks:
        minutes = adjusted(b, minutes)
    assert any(getattr(c, "__qualname__", "").startswith("_record_in_registry") for c in callbacks)
    registered = minutes_record_run(minutes.pk)
    minutes.refresh_from_db()
    meeting = minutes.meeting
    record = minutes.document
    assert record is not None and record.case == meeting.case
    assert meeting.case.title == "Sammanträde Regionstyrelsen 2020-08-26"
    assert record.kind == "upprattad" and record.date == D(2020, 9, 2)
    assert record.description == "Protokoll Regionstyrelsen 2020-08-26, justerat 2020-09-02"
    pages = PdfReader(io.BytesIO(record.file.read())).pages
    assert "Regionstyrelsen" in pages[0].extract_text()
    extracts = {p.number: p.extract_document for p in Paragraph.objects.filter(minutes=minutes)}
    for number, extract in extracts.items():
        p = Paragraph.objects.get(minutes=minutes, number=number)
        if p.case_id is None:
            assert extract is None
            continue
        assert extract.case_id == p.case_id and extract.kind == "upprattad"
        assert extract.description == f"Protokollsutdrag Regionstyrelsen 2020-08-26 {p.label}"
        text = "".join(page.extract_text() for page in PdfReader(extract.file.open("rb")).pages)
        assert "Utdraget överensstämmer med originalprotokollet" in text
    assert len(registered) == 1 + sum(1 for e in extracts.values() if e is not None) >= 2
    # a second run registers nothing again
    assert minutes_record_run(minutes.pk) == []
    assert Document.objects.filter(description__startswith="Protokoll").count() == len(registered)


def test_an_immediately_adjusted_paragraph_gets_its_extract_alone(b, minutes):
    from kansli.minutes.services.record import minutes_record_run

    p3 = paragraph(minutes, 3)
    sign(b, minutes, "Svahn", paragraph=p3)
    sign(b, minutes, "Karlsson", paragraph=p3)
    (extract,) = minutes_record_run(minutes.pk)
    assert extract.case_id == p3.case_id and extract.description.endswith("§ 3")
    assert Minutes.objects.get(pk=minutes.pk).document is None  # the minutes are not adjusted


def test_a_case_closed_before_the_adjustment_still_gets_its_extract_and_dispatch(
    b, minutes, secretary
):
    from kansli.minutes.services.record import minutes_record_run
    from kansli.registry.services import case_close

    p2 = Paragraph.objects.get(minutes=minutes, agenda_item__number=2)
    case_close(actor=None, case=p2.case)
    adjusted(b, minutes)
    minutes_record_run(minutes.pk)
    dispatch = Dispatch.objects.get(recipient="Willhelm Sundman (L)")
    services.dispatch_send(actor=secretary, dispatch=dispatch, channel="internt")
    kinds = sorted(Document.objects.filter(case=p2.case_id).values_list("kind", flat=True))
    assert kinds.count("upprattad") >= 1 and kinds.count("utgaende") == 1
    assert Case.objects.get(pk=p2.case_id).status == "avslutat"


def test_minutes_with_a_withdrawn_secret_paragraph_are_not_registered_public(b, minutes):
    from kansli.minutes.services.record import minutes_record_run

    Paragraph.objects.filter(pk=paragraph(minutes, 3).pk).update(withdrawn=True, is_public=False)
    adjusted(b, minutes)
    minutes_record_run(minutes.pk)
    assert Minutes.objects.get(pk=minutes.pk).document.visibility == "intern"


def test_minutes_all_public_are_registered_public(b, minutes):
    from kansli.minutes.services.record import minutes_record_run

    adjusted(b, minutes)
    minutes_record_run(minutes.pk)
    assert Minutes.objects.get(pk=minutes.pk).document.visibility == "offentlig"


def test_a_registration_that_fails_for_good_is_said_in_the_meetings_history(b, minutes):
    from kansli.minutes.services.record import minutes_record_fail

    minutes_record_fail(minutes_id=minutes.pk, message="Ingen standardserie.")
    entry = AuditEntry.objects.get(action="minutes_record_failed")
    assert entry.scope == f"meeting:{minutes.meeting_id}"
    assert entry.summary.endswith("kunde inte registreras i diariet. Ingen standardserie.")


def test_a_failed_registration_is_shown_and_run_again_from_the_minutes_page(
    b, minutes, secretary, client, django_capture_on_commit_callbacks
):
    from kansli.minutes.record_state import record_state
    from kansli.minutes.services.record import (
        minutes_record_fail,
        minutes_record_retry,
        minutes_record_run,
    )

    minutes = adjusted(b, minutes)
    waiting = record_state(minutes)
    with_case = minutes.paragraphs.exclude(case=None).filter(withdrawn=False).count()
    assert waiting.pending == 1 + with_case and waiting.failure == ""
    minutes_record_fail(minutes_id=minutes.pk, message="Ingen diarieserie är vald som standard.")
    assert "Ingen diarieserie" in record_state(minutes).failure
    client.force_login(secretary)
    url = f"/sammantraden/{minutes.meeting_id}/protokoll/"
    page = client.get(url).content.decode()
    assert "Registreringen misslyckades" in page and "Registrera i diariet igen" in page
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(task_path__endswith="minutes_record").count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}registrera/")
    assert response.status_code == 302
    assert DBTaskResult.objects.filter(task_path__endswith="minutes_record").count() == queued + 1
    assert record_state(minutes).failure == ""  # asked again: no longer the last word
    assert AuditEntry.objects.filter(action="minutes_record_retry").count() == 1
    minutes_record_run(minutes.pk)
    minutes.refresh_from_db()
    assert record_state(minutes).pending == 0
    assert "Registrera i diariet igen" not in client.get(url).content.decode()
    with pytest.raises(ValidationError, match="redan registrerat"):
        minutes_record_retry(actor=secretary, minutes=minutes)


def test_only_who_keeps_minutes_runs_the_registration_again(b, minutes, client, elected):
    minutes = adjusted(b, minutes)
    client.force_login(elected)
    url = f"/sammantraden/{minutes.meeting_id}/protokoll/registrera/"
    assert client.post(url).status_code == 403
    assert not AuditEntry.objects.filter(action="minutes_record_retry").exists()
