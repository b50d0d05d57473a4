"""Exporting to the e-archive, bad input: an open case, a missing file, a file changed since
it was registered, a format that is not archivable, a secret document, an export directory
that exists or cannot be written; an interrupted export leaves no package that looks
complete, and a resumed one finishes it."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansli.archive.package.validate import validate_tree
from kansli.registry import services
from kansli.registry.models import Case, Document, DocumentKind, Visibility
from tests.registry.helpers import docx_bytes


def pdf_bytes(text: str) -> bytes:
    """A real PDF/A-2b, as Kansli's own documents are made (Typst)."""
    import typst

    source = b'#set page(paper: "a4")\n#sys.inputs.at("text")\n'
    return typst.compile(source, sys_inputs={"text": text}, pdf_standards=["a-2b"])


D = datetime.date
TODAY = D(2026, 3, 17)


def register(case, description, data, name, **extra):
    return services.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2026, 2, 1),
        description=description,
        file=io.BytesIO(data),
        file_name=name,
        **extra,
    )


@pytest.fixture
def cases(body, series):
    made = []
    for index in range(3):
        case = services.case_register(
            actor=None,
            body=body,
            series=series,
            title=f"Ärende {index}",
            registered_on=D(2026, 1, 10),
        )
        register(case, "Skrivelse", pdf_bytes(f"Skrivelse {index}"), "skrivelse.pdf")
        made.append(case)
    for case in made[:2]:
        services.case_close(actor=None, case=case, closed_on=TODAY, decision="RS § 1")
    return made


def export(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("archive-export", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_open_case_is_named_and_not_exported(cases, tmp_path):
    target = tmp_path / "ut"
    with pytest.raises(CommandError, match="inte fullständig"):
        export("--case", cases[2].number, "--case", cases[0].number, "-o", str(target))
    assert [p.name.endswith(cases[0].number) for p in target.iterdir()] == [True]
    with pytest.raises(CommandError, match="Inget ärende har diarienumret 99RS9"):
        export("--case", "99RS9", "-o", str(tmp_path / "annan"))


def test_the_open_case_message_names_it(cases, tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "archive-export",
            "--case",
            cases[2].number,
            "-o",
            str(tmp_path / "ut"),
            stderr=err,
            stdout=io.StringIO(),
        )
    assert f"Ärende {cases[2].number} är inte avslutat" in err.getvalue()


@pytest.mark.parametrize("damage", ["missing", "changed"])
def test_a_missing_or_changed_file_is_named_and_leaves_nothing_half_written(
    cases, tmp_path, damage
):
    case = cases[0]
    second = register(
        case, "Komplettering", pdf_bytes("Komplettering"), "komplettering.pdf", closing_act=True
    )
    path = Path(second.file.path)
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(path.read_bytes() + b"%")
    target = tmp_path / "ut"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "archive-export",
            "--closed-in",
            "2026",
            "-o",
            str(target),
            stderr=err,
            stdout=io.StringIO(),
        )
    message = err.getvalue()
    assert second.number in message
    assert ("filen saknas" if damage == "missing" else "stämmer inte") in message
    names = sorted(p.name for p in target.iterdir())
    assert not [n for n in names if n.startswith(".")]  # no partial package left
    assert not [n for n in names if n.endswith(case.number)]  # the damaged case: nothing
    assert len(names) == 1  # the other closed case was exported
    assert validate_tree(target) == {names[0]: []}


def test_a_format_that_is_not_archivable_and_a_pdf_that_is_not_pdfa_are_flagged(cases, tmp_path):
    case = cases[0]
    from pypdf import PdfWriter

    plain = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(plain)
    word = register(case, "Avtal i Word", docx_bytes(), "avtal.docx", closing_act=True)
    loose = register(case, "Skannad bilaga", plain.getvalue(), "bilaga.pdf", closing_act=True)
    out, _err = export("--case", case.number, "-o", str(tmp_path / "ut"))
    assert f"Flaggad: handling {word.number}: Formatet" in out and "inget arkivformat" in out
    assert f"Flaggad: handling {loose.number}: Inte PDF/A" in out
    assert f"handling {case.number}-1:" not in out  # Typst's PDF/A-2b holds to its claim
    premis = next((tmp_path / "ut").iterdir()) / "metadata" / "preservation" / "premis.xml"
    text = premis.read_text()
    assert "PDF/A" in text and "inget arkivformat" in text
    assert validate_tree(tmp_path / "ut") == {p.name: [] for p in (tmp_path / "ut").iterdir()}


def test_a_secret_document_is_packed_with_its_marking_and_said_so(cases, tmp_path):
    case = cases[0]
    secret = register(
        case,
        "Läkarintyg",
        pdf_bytes("Intyg"),
        "intyg.pdf",
        closing_act=True,
        visibility=Visibility.SECRET,
        secrecy="OSL 25 kap. 1 §",
    )
    out, _err = export("--case", case.number, "-o", str(tmp_path / "ut"))
    assert "1 handlingar omfattas av sekretess" in out and secret.number in out
    assert "Läkarintyg" not in out and "intyg" not in out  # the number only
    erms = next((tmp_path / "ut").iterdir()) / "metadata" / "descriptive" / "erms.xml"
    assert "OSL 25 kap. 1 §" in erms.read_text()


def test_an_export_directory_that_exists_or_cannot_be_written_is_refused(cases, tmp_path):
    existing = tmp_path / "finns"
    existing.mkdir()
    (existing / "annat.txt").write_text("x")
    with pytest.raises(CommandError, match="finns redan och är inte tom"):
        export("--closed-in", "2026", "-o", str(existing))
    assert sorted(p.name for p in existing.iterdir()) == ["annat.txt"]
    a_file = tmp_path / "fil"
    a_file.write_text("x")
    with pytest.raises(CommandError, match=r"går inte att skriva i|ingen katalog"):
        export("--closed-in", "2026", "-o", str(a_file / "under"))
    with pytest.raises(CommandError, match="ingen katalog"):
        export("--closed-in", "2026", "-o", str(a_file))
    with pytest.raises(CommandError, match="Inga avslutade ärenden år 1999"):
        export("--closed-in", "1999", "-o", str(tmp_path / "tom"))
    with pytest.raises(CommandError, match="Året 20260 är inte möjligt"):
        export("--closed-in", "20260", "-o", str(tmp_path / "tom"))


def test_an_interrupted_export_is_resumed(cases, tmp_path):
    target = tmp_path / "ut"
    export("--closed-in", "2026", "-o", str(target))
    first, second = sorted(target.iterdir())
    # As an export killed in the middle of the second package leaves it:
    second.rename(target / f".{second.name}.partial")
    (target / f".{second.name}.partial" / "METS.xml").unlink()
    out, _err = export("--closed-in", "2026", "-o", str(target), "--resume")
    assert "1 paket skrivna, 1 fanns redan" in out
    assert sorted(p.name for p in target.iterdir()) == [first.name, second.name]
    assert validate_tree(target) == {first.name: [], second.name: []}
    assert Document.objects.count() == 3  # the export registers nothing


def test_a_hostile_or_broken_package_is_refused_by_the_read_back(cases, tmp_path):
    target = tmp_path / "ut"
    export("--case", cases[0].number, "-o", str(target))
    package = next(target.iterdir())
    mets = package / "METS.xml"
    text = mets.read_text()
    mets.write_text(
        text.replace(
            'xlink:href="metadata/descriptive/erms.xml"', 'xlink:href="../../../etc/passwd"', 1
        )
    )
    with pytest.raises(CommandError, match="pekar ut ur paketet"):
        call_command("archive-read", str(package), stdout=io.StringIO())
    mets.write_text(text[: len(text) // 2])
    with pytest.raises(CommandError, match="går inte att läsa"):
        call_command("archive-read", str(package), stdout=io.StringIO())


def test_two_cases_that_would_share_a_package_name_are_not_mixed_up(cases, tmp_path):
    from kansli.archive.export import export_cases
    from kansli.archive.gather import package_id

    first, second = (Case.objects.get(pk=c.pk) for c in cases[:2])  # closed
    first.number, second.number = "26RS/1", "26RS-1"  # numbers that make the same name
    assert package_id(first) == package_id(second)
    report = export_cases([first, second], tmp_path / "ut")
    assert report.written == ["26RS/1"], report.refused
    assert report.refused[0][0] == "26RS-1" and "samma paketnamn" in report.refused[0][1]
    assert len(list((tmp_path / "ut").iterdir())) == 1
