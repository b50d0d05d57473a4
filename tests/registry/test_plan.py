"""The classification structure and the informationshanteringsplan: read from a table,
written back as one, cases classified at registration from their type, and every bad file
refused with its line and nothing written."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kansli.registry import plan_csv, services
from kansli.registry.models import Case, CaseType, ClassNode, RetentionRule
from kansli.registry.retention import plan_of
from kansli.registry.services.plan import plan_import

PLAN = """klass;benämning;handlingstyp;åtgärd;gallringsfrist;format;lagrum;ärendetyper;anmärkning
1;Styra och leda;;;;;;;
1.1;Politisk styrning;;;;;;;
1.1.1;Bereda och besluta politiska ärenden;;Bevaras;;PDF/A;Arkivlagen 3 §;Allmänt ärende;
1.1.1;;Kallelse;Gallras;2 år;PDF/A;RS 2025-12;;Finns i protokollet
1.1.1;;Minnesanteckning;Gallras;vid inaktualitet;;RS 2025-12;;
1.1.2;Hantera motioner och medborgarförslag;;Bevaras;;PDF/A;;Motion, Medborgarförslag;
"""


def read(text: str, known: dict[str, int] | None = None) -> plan_csv.PlanSheet:
    return plan_csv.read_text(text, known=known or {})


def test_a_plan_is_read_with_its_classes_and_rows():
    sheet = read(PLAN)
    assert sheet.ok, sheet.problems
    assert [c.code for c in sheet.classes] == ["1", "1.1", "1.1.1", "1.1.2"]
    assert sheet.classes[3].case_types == (CaseType.COUNCIL_MOTION, CaseType.CITIZEN_PROPOSAL)
    kinds = {(r.code, r.document_type): (r.action, r.years, r.on_inactuality) for r in sheet.rules}
    assert kinds[("1.1.1", "Kallelse")] == ("gallras", 2, False)
    assert kinds[("1.1.1", "Minnesanteckning")] == ("gallras", None, True)
    assert kinds[("1.1.1", "")] == ("bevaras", None, False)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("9.9.9;;Protokoll;Bevaras;;;;;", "Processen 9.9.9 finns inte"),
        ("1.1.1;;Protokoll;Gallras;0 år;;;;", "0 år är inte möjlig"),
        ("1.1.1;;Protokoll;Gallras;-3 år;;;;", "går inte att läsa"),
        ("1.1.1;;Protokoll;Gallras;500 år;;;;", "500 år är inte möjlig"),
        ("1.1.1;;Protokoll;Gallras;;;;;", "Ange när handlingarna gallras"),
        ("1.1.1;;Protokoll;Bevaras;5 år;;;;", "Det som bevaras har ingen gallringsfrist"),
        ("1.1.1;;Protokoll;Kasseras;;;;;", "Skriv Bevaras eller Gallras"),
        ("1.1;;Protokoll;Bevaras;;;;;", "1.1 är ingen process"),
        ("1.2.3.4;Fyra nivåer;;;;;;;", "är ingen klass"),
        ("1.3.1;Utan förälder;;;;;;;", "saknar överordnad klass 1.3"),
        ("1.1.1;Annat namn;;;;;;;", "har redan benämningen"),
        ("1.1.1;;Kallelse;Bevaras;;;;;", "har redan en rad för Kallelse"),
        ("1.1.2;;;;;;;Bygglov;", "Okänd ärendetyp ”Bygglov”"),
    ],
)
def test_a_bad_row_is_named_with_its_line_and_nothing_is_read(row, message):
    sheet = read(PLAN + row + "\n")
    assert not sheet.ok
    assert sheet.classes == [] and sheet.rules == []
    found = [(p.line, str(p)) for p in sheet.problems]
    assert any(message in text and line == 8 for line, text in found), found


def test_a_plan_row_may_name_a_process_kansli_already_has():
    sheet = read(
        "klass;handlingstyp;åtgärd;gallringsfrist\n1.1.1;Protokoll;Bevaras;\n", {"1.1.1": 3}
    )
    assert sheet.ok, sheet.problems


def test_an_import_writes_the_tree_and_a_second_replaces_the_rows_of_the_processes_named(body):
    plan_import(actor=None, body=body, sheet=read(PLAN))
    process = ClassNode.objects.get(body=body, code="1.1.1")
    assert process.parent.code == "1.1" and process.level == "process"
    assert RetentionRule.objects.filter(process=process).count() == 3
    known = {n.code: plan_csv.depth(n.code) for n in ClassNode.objects.filter(body=body)}
    again = plan_csv.read_text(
        "klass;handlingstyp;åtgärd;gallringsfrist\n1.1.1;Kallelse;Gallras;5 år\n", known=known
    )
    plan_import(actor=None, body=body, sheet=again)
    assert list(RetentionRule.objects.filter(process=process).values_list("years", flat=True)) == [
        5
    ]
    # the other process keeps its row; no class was removed
    assert RetentionRule.objects.filter(process__code="1.1.2").count() == 1
    assert ClassNode.objects.filter(body=body).count() == 4


def test_the_plan_written_out_reads_back_to_the_same_plan(body):
    plan_import(actor=None, body=body, sheet=read(PLAN))
    RetentionRule.objects.filter(document_type="Kallelse").update(note="=HYPERLINK(1)")
    text = plan_csv.write(plan_of(body))
    assert ";'=HYPERLINK(1)" in text  # no spreadsheet runs it as a formula
    sheet = read(text)
    assert sheet.ok, sheet.problems

    def rules(rows):
        return {
            (
                r.code,
                r.document_type,
                r.action,
                r.years,
                r.on_inactuality,
                r.archive_format,
                r.legal_basis,
                r.note,
            )
            for r in rows
        }

    first = read(PLAN)
    expected = rules(first.rules)
    expected = {(*row[:7], "=HYPERLINK(1)") if row[1] == "Kallelse" else row for row in expected}
    assert rules(sheet.rules) == expected
    assert {(c.code, c.name, c.case_types) for c in sheet.classes} == {
        (c.code, c.name, c.case_types) for c in first.classes
    }


def test_a_case_is_classified_at_registration_from_its_type(body, series):
    plan_import(actor=None, body=body, sheet=read(PLAN))
    motion = services.case_register(
        actor=None, body=body, series=series, title="Motion om cykelvägar", case_type="motion"
    )
    general = services.case_register(actor=None, body=body, series=series, title="Skrivelse")
    report = services.case_register(
        actor=None, body=body, series=series, title="Rapport", case_type=CaseType.REPORT
    )
    assert motion.process.code == "1.1.2"
    assert general.process.code == "1.1.1"
    assert report.process is None  # no process names the type: left for the registrar


def test_a_case_is_not_classified_to_a_group_or_another_bodys_process(body, series):
    plan_import(actor=None, body=body, sheet=read(PLAN))
    group = ClassNode.objects.get(body=body, code="1.1")
    with pytest.raises(ValidationError, match="ingen process"):
        services.case_register(actor=None, body=body, series=series, title="X", process=group)
    assert not Case.objects.exists()


def test_a_closed_case_is_reclassified_with_its_history(body, series, registrar):
    plan_import(actor=None, body=body, sheet=read(PLAN))
    case = services.case_register(actor=None, body=body, series=series, title="Skrivelse")
    services.case_close(
        actor=None, case=case, closed_on=datetime.date(2026, 3, 17), decision="RS 2026-03-17 § 4"
    )
    motions = ClassNode.objects.get(body=body, code="1.1.2")
    services.case_classify(actor=registrar, case=case, process=motions, reason="Fel process")
    case.refresh_from_db()
    assert case.process == motions
    from kansli.core.models import AuditEntry

    row = AuditEntry.objects.get(scope=f"case:{case.pk}", action="case_classify")
    assert "1.1.1" in row.summary and "1.1.2" in row.summary and "Fel process" in row.summary
    with pytest.raises(ValidationError, match="Ingenting har ändrats"):
        services.case_classify(actor=registrar, case=case, process=motions)


def test_only_archivists_change_the_plan(body, registrar):
    with pytest.raises(PermissionDenied):
        plan_import(actor=registrar, body=body, sheet=read(PLAN))
    assert not ClassNode.objects.exists()


def test_the_plan_page_reads_a_file_and_refuses_a_bad_one(client, body, archivist):
    client.force_login(archivist)
    url = reverse("registry:plan")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("plan.csv", (PLAN + "9.9.9;;Protokoll;Bevaras;;;;;\n").encode())
    page = client.post(url, {"file": bad})
    assert page.status_code == 200
    assert "Processen 9.9.9 finns inte" in page.content.decode()
    assert not ClassNode.objects.exists()
    good = SimpleUploadedFile("plan.csv", PLAN.encode("cp1252"))
    assert client.post(url, {"file": good}).status_code == 302
    assert ClassNode.objects.filter(body=body).count() == 4
    page = client.get(url).content.decode()
    assert "Bereda och besluta politiska ärenden" in page and "Gallras efter 2 år" in page
    csv_text = client.get(reverse("registry:plan_download")).content.decode("utf-8-sig")
    assert csv_text.startswith("klass;benämning;handlingstyp;åtgärd")
    assert "1.1.1;;Kallelse;Gallras;2 år;PDF/A;RS 2025-12;;Finns i protokollet" in csv_text


def test_the_plan_page_is_read_only_for_a_registrar_and_closed_to_elected(
    client, body, registrar, elected
):
    client.force_login(registrar)
    page = client.get(reverse("registry:plan"))
    assert page.status_code == 200 and "Läs in planen" not in page.content.decode()
    assert client.post(reverse("registry:plan"), {}).status_code == 403
    client.force_login(elected)
    assert client.get(reverse("registry:plan")).status_code == 403


def test_case_types_alone_for_a_known_process_and_empty_items():
    sheet = read("klass;ärendetyper\n1.1.1;Motion, ,Remiss,\n", {"1.1.1": 3})
    assert sheet.ok, sheet.problems
    assert sheet.classes[0].case_types == (CaseType.COUNCIL_MOTION, CaseType.REFERRAL)
    unknown = read("klass;ärendetyper\n1.1.9;Motion\n", {"1.1": 2})
    assert [str(p) for p in unknown.problems] == ["Rad 2: Klass 1.1.9 saknar benämning."]


def test_a_file_of_many_bad_rows_gives_a_bounded_list():
    rows = "".join(f"9.9.{n};;Protokoll;Kasseras;;;;;\n" for n in range(1, 400))
    sheet = read(
        "klass;benämning;handlingstyp;åtgärd;gallringsfrist;format;lagrum;ärendetyper;anmärkning\n"
        + rows
    )
    assert len(sheet.problems) == plan_csv.MAX_PROBLEMS + 1
    assert "fel till" in str(sheet.problems[-1])


def test_a_rename_and_the_plan_in_force_are_kept_in_the_history(body):
    from kansli.core.models import AuditEntry

    plan_import(actor=None, body=body, sheet=read(PLAN))
    known = {n.code: plan_csv.depth(n.code) for n in ClassNode.objects.filter(body=body)}
    again = plan_csv.read_text("klass;benämning\n1.1.1;Bereda ärenden i styrelsen\n", known=known)
    done = plan_import(actor=None, body=body, sheet=again)
    assert done.renamed == [
        "1.1.1: ”Bereda och besluta politiska ärenden” → ”Bereda ärenden i styrelsen”"
    ]
    row = AuditEntry.objects.filter(action="plan_import").order_by("-pk").first()
    assert "Nya benämningar: 1.1.1" in row.summary
    assert "1.1.1;Bereda ärenden i styrelsen;" in row.changes["plan"]
    assert plan_csv.read_text(row.changes["plan"], known={}).ok  # the plan, as it was read


def test_the_plan_as_a_workbook_keeps_codes_as_text_and_reads_back(body, client, registrar):
    plan_import(
        actor=None,
        body=body,
        sheet=read(PLAN + "1.10;Tionde gruppen;;;;;;;\n1.10.1;En process;;Bevaras;;;;;\n"),
    )
    client.force_login(registrar)
    data = client.get(reverse("registry:plan_download_xlsx")).content
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "1.10" in codes and all(isinstance(code, str) for code in codes)
    again = plan_csv.read_bytes(data, known={}, filename="plan.xlsx")
    assert again.ok, again.problems
    assert {c.code for c in again.classes} >= {"1.10", "1.10.1"}
