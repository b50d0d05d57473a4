"""The minutes (protokoll) and extract (protokollsutdrag) Typst templates, rendered from a
plain dict and read back with pypdf: first-page facts, headers, bookmarks, paragraphs, the
posting certificate, hostile strings placed literally, PDF/A identification. No database."""

import copy
import io
import re

import pytest
from pypdf import PdfReader

from kansli.core.pdf import render_pdf
from kansli.minutes.wording import worded_paragraph

MINUTES = "minutes/typst/minutes.typ"
EXTRACT = "minutes/typst/extract.typ"

HOSTILE = (
    '#set page(fill: red) #eval("1+1") <script>alert(1)</script> $x$ '
    "a\\b \\\\ ] [ *bold* _it_ @ref <label> // not a comment"
)


def paragraph(number, title, **extra):
    p = {
        "number": number,
        "label": f"§ {number}",
        "title": title,
        "case_number": "20RS6617",
        "summary": [
            {
                "type": "paragraph",
                "runs": [
                    {
                        "text": "Regionstyrelsen har att ta ställning till ",
                        "strong": False,
                        "emph": False,
                    },
                    {"text": "motionen", "strong": True, "emph": False},
                    {"text": ".", "strong": False, "emph": False},
                ],
            },
            {
                "type": "list",
                "ordered": False,
                "items": [[{"text": "Första punkten", "strong": False, "emph": False}]],
            },
        ],
        "attendance_notes": ["Karin Sundin (S) deltar inte i handläggningen på grund av jäv."],
        "proposals": [{"name": "Jihad Menhem", "party": "V", "text": "bifall till motionen"}],
        "proposition_order": (
            "Ordföranden ställer proposition på förslagen och finner att regionstyrelsen "
            "bifaller förslaget till beslut."
        ),
        "votes": [
            {
                "question": "",
                "yes_label": "bifall till förslaget till beslut",
                "no_label": "bifall till Jihad Menhems (V) yrkande",
                "ballots": [
                    {"name": "Andreas Svahn", "party": "S", "choice": "Ja"},
                    {"name": "Ola Karlsson", "party": "M", "choice": "Ja"},
                    {"name": "Jihad Menhem", "party": "V", "choice": "Nej"},
                    {"name": "Carina Dahl", "party": "S", "choice": "Avstår"},
                ],
                "yes": 2,
                "no": 1,
                "abstain": 1,
                "result": "Regionstyrelsen har beslutat enligt förslaget till beslut.",
                "casting": True,
                "lot": "Lotten föll på Ola Karlsson (M).",
            }
        ],
        "decision_formula": "Regionstyrelsen beslutar",
        "clauses": ["att föreslå regionfullmäktige att avslå motionen, samt", "att i övrigt …."],
        "reservations": ["Jihad Menhem (V) reserverar sig mot beslutet."],
        "notes": ["Ola Karlsson (M) lämnar en protokollsanteckning."],
        "immediately_adjusted": True,
        "send_to": ["Regionfullmäktige", "Hälso- och sjukvårdsnämnden"],
    }
    p.update(extra)
    return p


def bare_paragraph(number, title):
    """A paragraph with every optional list and text empty."""
    return paragraph(
        number,
        title,
        case_number="",
        summary=[],
        attendance_notes=[],
        proposals=[],
        proposition_order="",
        votes=[],
        decision_formula="",
        clauses=[],
        reservations=[],
        notes=[],
        immediately_adjusted=False,
        send_to=[],
    )


def sample(status="justerat"):
    return {
        "status": status,
        "body": "Region Örebro län",
        "organization": "Regionstyrelsen",
        "date": "2020-08-26",
        "date_text": "26 augusti 2020",
        "time": "09.30–12.00",
        "place": "Hörsal L1, Örebro universitet",
        "decision_makers": [
            {"name": "Andreas Svahn", "party": "S", "role": "ordförande", "replaces": ""},
            {"name": "Ola Karlsson", "party": "M", "role": "ledamot", "replaces": ""},
            {"name": "Jihad Menhem", "party": "V", "role": "ledamot", "replaces": ""},
            {
                "name": "Carina Dahl",
                "party": "S",
                "role": "ersättare",
                "replaces": "Nina Höijer (S)",
            },
        ],
        "substitutes": [{"name": "Zaki Habib", "party": "S"}],
        "others": [{"name": "Rickard Simonsson", "title": "Regiondirektör"}],
        "adjusters": [{"name": "Ola Karlsson", "party": "M"}],
        "substitute_adjuster": {"name": "Karin Sundin", "party": "S"},
        "adjustment": {
            "place": "Regionkansliet, Örebro",
            "date_text": "2 september 2020",
            "deadline_text": "9 september 2020",
        },
        "paragraph_range": "§§ 150–152",
        "signatures": [
            {"role": "Sekreterare", "name": "Kristina Berglund", "signed": None},
            {"role": "Ordförande", "name": "Andreas Svahn", "signed": "2020-09-02 14:03"},
            {"role": "Justerare", "name": "Ola Karlsson", "signed": None},
        ],
        "paragraphs": [
            paragraph(150, "Motion om fler vårdplatser"),
            paragraph(151, "Delårsrapport januari–juni 2020", votes=[], proposals=[]),
            bare_paragraph(152, "Anmälningsärenden"),
        ],
        "posting": {
            "organization": "Regionstyrelsen",
            "meeting_date": "2020-08-26",
            "adjusted_on": "2020-09-02",
            "posted_on": "2020-09-02",
            "taken_down": "2020-09-24",
            "last_appeal_day": "2020-09-23",
            "kept_at": "Regionkansliet, Eklundavägen 1, Örebro",
        },
        "hash": "ab" * 32,
        "secretary": "Kristina Berglund",
    }


def extract_sample(numbers=(150, 151)):
    data = sample()
    data["paragraphs"] = [p for p in data["paragraphs"] if p["number"] in numbers]
    data["certification"] = (
        "Utdraget överensstämmer med originalprotokollet. Intygas: Kristina Berglund, 2020-09-02"
    )
    return data


def worded(data):
    """`data` with its paragraphs worded as minutes_data words them."""
    return {**data, "paragraphs": [worded_paragraph(p) for p in data["paragraphs"]]}


def read(template, key, data):
    return PdfReader(io.BytesIO(render_pdf(template, {key: worded(data)})))


def text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(s):
    return re.sub(r"\s+", "", s)


def titles(reader):
    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry)
            else:
                yield entry.title

    return list(walk(reader.outline))


@pytest.fixture(scope="module")
def minutes():
    return read(MINUTES, "minutes", sample())


def test_first_page_has_the_facts_and_the_signatures(minutes):
    first = minutes.pages[0].extract_text()
    for label in (
        "Plats och tid",
        "Beslutande",
        "Ersättare",
        "Övriga närvarande",
        "Justerare",
        "Justeringens plats och tid",
        "Paragrafer",
        "Underskrifter",
    ):
        assert label in first, label
    flat = squash(first)
    for expected in (
        "kl.09.30–12.00",
        "AndreasSvahn(S),ordförande",
        "CarinaDahl(S),tjänstgörandeersättareförNinaHöijer(S)",
        "ZakiHabib(S)",
        "RickardSimonsson,Regiondirektör",
        "Ersättareförjusterare:KarinSundin(S)",
        "Regionkansliet,Örebro,2september2020",
        "§§150–152",
        "KristinaBerglund",
        "Signeraddigitalt2020-09-0214:03",
    ):
        assert expected in flat, expected
    # "ledamot" is the default role and is not printed.
    assert "OlaKarlsson(M),ledamot" not in flat


def test_every_page_has_the_header_with_page_numbers(minutes):
    total = len(minutes.pages)
    assert total > 1
    for number, page in enumerate(minutes.pages, start=1):
        page_text = page.extract_text()
        assert f"Sida {number} ({total})" in page_text
        assert "PROTOKOLL" in page_text
        assert "UTKAST" not in page_text
        assert "Region Örebro län" in page_text
        assert "2020-08-26" in page_text
    assert f"Sida 1 ({total})" in minutes.pages[0].extract_text()


def test_paragraphs_and_their_sections(minutes):
    flat = squash(text(minutes))
    for p in sample()["paragraphs"]:
        assert squash(f"{p['label']} {p['title']}") in flat
    for expected in (
        "Diarienummer:20RS6617",
        "Sammanfattning",
        "deltarinteihandläggningenpågrundavjäv",
        "Yrkanden",
        "JihadMenhem(V)yrkarbifalltillmotionen.",
        "Ja-röstförbifalltillförslagettillbeslut,nej-röstförbifalltillJihadMenhems(V)yrkande.",
        "Propositionsordning",
        "Omröstning",
        "LedamotPartiRöst",
        "Ja:2,Nej:1,Avstår:1",
        "Ordförandensutslagsröst",
        "Lottning:LottenföllpåOlaKarlsson(M).",
        "Beslut",
        "Regionstyrelsenbeslutar",
        "attföreslåregionfullmäktigeattavslåmotionen,samt",
        "Reservationer",
        "Protokollsanteckningar",
        "omedelbartjusterad",
        "Beslutetskickastill",
        "Hälso-ochsjukvårdsnämnden",
    ):
        assert expected in flat, expected


def test_one_bookmark_per_paragraph(minutes):
    paragraphs = sample()["paragraphs"]
    marks = titles(minutes)
    assert len(marks) == len(paragraphs)
    for mark, p in zip(marks, paragraphs, strict=True):
        assert mark == f"{p['label']} {p['title']}"


def test_posting_certificate_and_checksum_at_the_end(minutes):
    last = squash(minutes.pages[-1].extract_text())
    for expected in (
        "ANSLAG/BEVIS",
        "Protokolletärjusterat.Justeringenhartillkännagivitsgenomanslag.",
        "Organ",
        "Sammanträdesdatum",
        "Datumdåanslagetsättsupp2020-09-02",
        "Datumdåanslagettasned2020-09-24",
        "Sistadagföröverklagande2020-09-23",
        "FörvaringsplatsförprotokolletRegionkansliet,Eklundavägen1,Örebro",
    ):
        assert expected in last, expected
    assert last.endswith("Kontrollsumma(SHA-256):" + "ab" * 32)


def test_declares_pdf_a(minutes):
    metadata = minutes.xmp_metadata
    assert metadata is not None
    assert b"pdfaid" in metadata.stream.get_data()
    assert b"pdfaid" in render_pdf(MINUTES, {"minutes": worded(sample())})


def test_draft_is_marked_and_unposted_minutes_have_no_certificate():
    data = sample(status="utkast")
    data["posting"] = None
    data["hash"] = None
    data["signatures"][1]["signed"] = None
    reader = read(MINUTES, "minutes", data)
    for page in reader.pages:
        assert "PROTOKOLL – UTKAST" in page.extract_text()
    all_text = text(reader)
    assert "ANSLAG/BEVIS" not in all_text
    assert "Kontrollsumma" not in all_text
    assert "Signerad digitalt" not in all_text


def test_empty_lists_and_texts_do_not_break_the_compile():
    data = sample()
    data.update(
        decision_makers=[],
        substitutes=[],
        others=[],
        adjusters=[],
        substitute_adjuster=None,
        adjustment={"place": "", "date_text": "", "deadline_text": ""},
        paragraph_range="",
        signatures=[],
        paragraphs=[],
        posting=None,
        hash=None,
        time="",
    )
    reader = read(MINUTES, "minutes", data)
    assert len(reader.pages) == 1
    assert reader.outline == []
    first = reader.pages[0].extract_text()
    assert "Plats och tid" in first
    assert "Sida 1 (1)" in first
    assert "Övriga närvarande" not in first

    bare = sample()
    bare["paragraphs"] = [bare_paragraph(152, "Anmälningsärenden")]
    bare["adjustment"]["date_text"] = ""
    flat = squash(text(read(MINUTES, "minutes", bare)))
    assert "§152Anmälningsärenden" in flat
    assert "senast9september2020" in flat
    for heading in ("Diarienummer", "Yrkanden", "Omröstning", "Reservationer", "skickastill"):
        assert heading not in flat, heading


def test_hostile_strings_are_placed_literally():
    data = sample()
    data["organization"] = HOSTILE
    data["decision_makers"][0]["name"] = HOSTILE
    data["paragraphs"][0]["title"] = HOSTILE
    data["paragraphs"][0]["clauses"] = [HOSTILE]
    data["paragraphs"][0]["summary"][0]["runs"][0]["text"] = HOSTILE
    data["paragraphs"][0]["votes"][0]["ballots"][0]["name"] = HOSTILE
    data["paragraphs"][0]["votes"][0]["yes_label"] = HOSTILE
    data["paragraphs"][0]["proposals"][0]["text"] = HOSTILE
    data["posting"]["kept_at"] = HOSTILE
    reader = read(MINUTES, "minutes", data)
    flat = squash(text(reader))
    literal = squash(HOSTILE)
    # title page, header on every page, § heading, clause, summary, ballot, vote, proposal,
    # certificate
    assert flat.count(literal) >= len(reader.pages) + 8
    assert "fill:red" in flat
    assert squash(f"§ 150 {HOSTILE}") in [squash(t) for t in titles(reader)]
    extract = copy.deepcopy(data)
    extract["paragraphs"] = extract["paragraphs"][:1]
    extract["certification"] = HOSTILE
    assert literal in squash(text(read(EXTRACT, "extract", extract)))


def test_extract_of_two_paragraphs():
    reader = read(EXTRACT, "extract", extract_sample())
    all_text = text(reader)
    flat = squash(all_text)
    total = len(reader.pages)
    assert f"Sida 1 ({total})" in reader.pages[0].extract_text()
    for page in reader.pages:
        assert "PROTOKOLLSUTDRAG" in page.extract_text()
    for expected in (
        "OrganRegionstyrelsen",
        "Platsochtid",
        "Justerare",
        "§150Motionomflervårdplatser",
        "§151Delårsrapportjanuari–juni2020",
        "Justerandessignatur",
        "AndreasSvahn",
        "Utdragsbestyrkande",
        squash(extract_sample()["certification"]),
    ):
        assert expected in flat, expected
    assert "Anmälningsärenden" not in flat
    assert "Beslutande" not in flat
    assert "ANSLAG/BEVIS" not in flat
    assert len(titles(reader)) == 2
    assert b"pdfaid" in reader.xmp_metadata.stream.get_data()


def test_extract_of_a_draft_without_signatures():
    data = extract_sample(numbers=(152,))
    data["status"] = "utkast"
    data["signatures"] = []
    reader = read(EXTRACT, "extract", data)
    all_text = text(reader)
    assert "PROTOKOLLSUTDRAG – UTKAST" in all_text
    assert "Justerandes signatur" in all_text
    assert "§ 152" in all_text
