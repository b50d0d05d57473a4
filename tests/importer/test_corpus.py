"""Acceptance on the real notice (Regionstyrelsen 2020-08-26): runs when ../shared/corpus
exists, as in CI."""

import pytest

from kansli.importer.parsing.document import read_file

from .helpers import corpus_notice

TITLES = {
    1: "Protokollsjustering",
    2: "Anmälan av motion från Willhelm Sundman (L) om att införa möjligheten att emittera "
    "gröna obligationer för framtida investeringar i Region Örebro län",
    3: "Anmälan av motion från Jihad Menhem (V) om att ge alla barn i Örebro län tillgång till "
    "avgiftsfritt TBE-vaccin",
    4: "Anmälan av medborgarförslag om att de kommunala äldreboendena och den kommunala "
    "hemsjukvården borde ligga under landstingets ansvar",
    5: "Entledigande samt kompletteringsval till rådet för funktionshinderfrågor i Degerfors "
    "kommun",
    6: "Regionstyrelsen inklusive Regionkansliets delårsrapport 2020",
    7: "Ansökan om statsbidrag kopplade till covid-19",
    8: "Fullmakt att genomföra finansiella transaktioner",
    9: "Samordningsförbunden inom Örebro län- Förbundsmedlemmarnas genomlysning av verksamheten",
    10: "Förslag till förbundsordning för samordningsförbundet i norra Örebro län, SOFINT",
    11: "Redovisning av regionalt partistöd till politiska partier år 2019 och utbetalning av "
    "partistöd för år 2021",
    12: "Anmälnings- och meddelandeärenden",
    13: "Regiondirektörens information",
}
CASES = {
    2: "20RS6617",
    3: "20RS8413",
    4: "20RS6550",
    5: "20RS6891",
    6: "20RS6584",
    7: "20RS6315",
    8: "20RS5739",
    9: "20RS3926",  # written "Darienummer" in the file
    10: "20RS6208",
    11: "20RS5116",
    12: "20RS387",
}
DECIDES = "Regionstyrelsen beslutar"
PROPOSES = "Regionstyrelsen föreslår regionfullmäktige besluta"
PROPOSALS = {  # item: (formula, number of clauses)
    1: (DECIDES, 1),
    2: (PROPOSES, 2),  # the agenda has none: the memo's
    3: (PROPOSES, 2),
    4: (PROPOSES, 2),
    5: (DECIDES, 2),
    6: (DECIDES, 1),
    7: (DECIDES, 2),
    8: (DECIDES, 3),
    9: (DECIDES, 1),
    10: (PROPOSES, 1),
    11: (PROPOSES, 2),
    12: (DECIDES, 1),
    13: (None, 0),
}
SUMMARY = "Sammanfattning"
CONSEQUENCES = "Konsekvenser för miljö-, barn- och jämställdhetsperspektiven"
SECTIONS = {
    2: {SUMMARY},
    3: {SUMMARY},
    4: {SUMMARY},
    5: {SUMMARY},
    6: {SUMMARY, "Ärendebeskrivning", CONSEQUENCES, "Ekonomiska konsekvenser", "Uppföljning"},
    7: {
        SUMMARY,
        "Ärendebeskrivning",
        "Beredning",
        CONSEQUENCES,
        "Ekonomiska konsekvenser",
        "Uppföljning",
    },
    8: {
        SUMMARY,
        "Ärendebeskrivning",
        "Beredning",
        CONSEQUENCES,
        "Ekonomiska konsekvenser",
        "Uppföljning",
    },
    9: {SUMMARY, "Ärendebeskrivning", "Beredning", "Bedömning"},
    10: {SUMMARY, "Ärendebeskrivning", "Bedömning", CONSEQUENCES, "Ekonomiska konsekvenser"},
    11: {SUMMARY, CONSEQUENCES, "Ekonomiska konsekvenser", "Uppföljning"},
    12: {SUMMARY},  # the file ends inside item 11: item 12's memo is its agenda entry
}


@pytest.fixture(scope="module")
def notice():
    return read_file("kallelse.txt", corpus_notice())


def test_one_meeting_with_its_header(notice):
    assert not notice.has_errors, [str(p) for p in notice.problems if p.is_error]
    (meeting,) = notice.meetings
    data = meeting.as_dict()
    assert data["organization"] == "Regionstyrelsen"
    assert (data["date"], data["start"], data["end"]) == ("2020-08-26", "09:30", "12:00")
    assert data["place"] == "Hörsal L1, Örebro Universitet"


def test_members_and_substitutes_with_parties_and_chair_roles(notice):
    meeting = notice.meetings[0]
    assert len(meeting.members) == 15
    assert len(meeting.substitutes) == 15
    chairs = [(p.name, p.party, p.role) for p in meeting.members if p.role != "ledamot"]
    assert chairs == [
        ("Andreas Svahn", "S", "ordforande"),
        ("Behcet Barsom", "KD", "vice_ordforande"),
        ("Ola Karlsson", "M", "andre_vice_ordforande"),
    ]
    assert (meeting.members[-1].name, meeting.members[-1].party) == ("Jihad Menhem", "V")
    assert {p.role for p in meeting.substitutes} == {"ersattare"}
    assert ("Inga-Lill Bergensten", "KD") in {(p.name, p.party) for p in meeting.substitutes}
    parties = [p.party for p in meeting.members]
    assert parties.count("S") == 6 and parties.count("SD") == 2


def test_thirteen_items_with_titles_and_case_numbers(notice):
    items = notice.meetings[0].items
    assert {item.number: item.title for item in items} == TITLES
    assert {i.number: i.case_number for i in items if i.case_number} == CASES
    assert [i.number for i in items if not i.case_number] == [1, 13]


def test_each_items_formula_and_number_of_clauses(notice):
    items = notice.meetings[0].items
    got = {item.number: (item.formula, len(item.clauses)) for item in items}
    assert got == PROPOSALS
    for item in items:
        assert all(clause.startswith("att ") for clause in item.clauses)
    # A clause the PDF wrapped is one clause.
    assert notice.meetings[0].items[4].clauses[1].endswith("för tiden 2020-08-26 – 2022-12-31.")


def test_memo_sections_of_items_2_to_12(notice):
    memos = {memo.item: memo for memo in notice.memos}
    assert set(memos) == set(range(2, 13))
    assert {number: set(memos[number].sections) for number in SECTIONS} == SECTIONS
    for memo in memos.values():
        assert memo.meeting_date.isoformat() == "2020-08-26"
        assert memo.case_number == CASES[memo.item]
    # Page-break leftovers are not memo text: the repeated header block and lone numbers.
    description = memos[6].sections["Ärendebeskrivning"]
    assert "Tjänsteställe" not in description and "FöredragningsPM" not in description
    assert "Uppdrag 60" in description
    assert memos[2].official == "Maria Boström" and memos[2].unit == "Nämndadministration"
    assert memos[8].official == "Caroline Klefbom" and memos[8].unit == "Staben Ekonomi"
    assert memos[2].signatory == ("Rickard Simonsson", "Regiondirektör")
    assert memos[9].send_to[0] == "Regionfullmäktige"
    assert memos[9].send_to[-1] == (
        "Styrelsen för Samordningsförbundet i norra Örebro län, SOFINT samt förbundschef Olle Kalat"
    )


def test_validation_problems_of_items_5_7_and_8(notice):
    memos = {memo.item: memo for memo in notice.memos}
    assert any("”.....”" in problem for problem in memos[5].problems)
    placeholder = "(Ange vem/vilka beslutet ska skickas till)"
    for number in (7, 8):
        assert [p for p in memos[number].problems if placeholder in p], number
    for number in (6, 11):  # complete memos: nothing to say
        assert memos[number].problems == []
    warnings = [p.message for p in notice.problems if not p.is_error]
    assert any(m.startswith("Ärende 5: Att-sats 2 innehåller en platshållare") for m in warnings)


def test_remaining_parts_are_attachments_of_their_case(notice):
    memos = {memo.item: memo for memo in notice.memos}
    (motion,) = memos[2].attachments
    assert motion.description == "Motionen"
    assert "gröna obligationer" in motion.text
    described = [a.description for a in memos[7].attachments]
    assert described[0].startswith("Förtydligande kring kostnader")
    assert any(d.startswith("Regeringsbeslut") for d in described)
    assert memos[8].attachments == []  # its only basis entry is the memo itself
    assert memos[9].attachments[0].text.startswith("# Samordningsförbunden inom Örebro län")
