"""The term pages in the browser's place: a secretary sets up a term from an empty
installation; every refusal renders its Swedish message (not a 500) and writes nothing."""

import datetime
import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kansli.core.models import AuditEntry
from kansli.people.models import Membership, Organization, Party, Person, Term

from .conftest import CHAIR, MEMBER, SUBSTITUTE, person, seat

D = datetime.date


@pytest.fixture
def manager(client, secretary):
    client.force_login(secretary)
    return client


def _text(response):
    return response.content.decode()


def _carried_text(page):
    """The text a CSV preview carries to the save."""
    match = re.search(r'<textarea name="text" hidden[^>]*>(.*?)</textarea>', page, re.S)
    assert match is not None
    return html.unescape(match.group(1))


def _seats_url(term, organization, suffix=""):
    return f"/mandatperioder/{term.pk}/organ/{organization.pk}/{suffix}"


class TestWhoMay:
    def test_the_public_and_other_roles_are_kept_out(self, client, elected, registrar, term, board):
        urls = [
            "/mandatperioder/",
            "/mandatperioder/ny/",
            f"/mandatperioder/{term.pk}/",
            f"/mandatperioder/{term.pk}/kopiera/",
            _seats_url(term, board),
            _seats_url(term, board, "ny/"),
            _seats_url(term, board, "csv/"),
            _seats_url(term, board, "ersattarordning/"),
            "/organ/nytt/",
            f"/organ/{board.pk}/andra/",
            "/partier/",
        ]
        for url in urls:
            assert client.get(url).status_code == 302, url  # to the login page
        for user in (elected, registrar):
            client.force_login(user)
            for url in urls:
                response = client.get(url)
                assert response.status_code == 403, url
                assert "nämndsekreterare och administratörer" in _text(response)
            assert "Mandatperioder" not in _text(client.get("/organ/"))
        assert client.post("/mandatperioder/ny/", {"name": "X"}).status_code == 403
        assert Term.objects.count() == 1

    def test_the_administrator_may(self, client, administrator):
        client.force_login(administrator)
        page = client.get("/mandatperioder/")
        assert page.status_code == 200 and 'href="/mandatperioder/"' in _text(page)


class TestFromAnEmptyInstallation:
    def test_term_organization_party_and_seats(self, manager, body):
        response = manager.post(
            "/mandatperioder/ny/", {"name": "2023–2026", "start": "2023-01-01", "end": "2026-12-31"}
        )
        term = Term.objects.get()
        assert response.status_code == 302 and response.url == f"/mandatperioder/{term.pk}/"
        response = manager.post(
            "/organ/nytt/",
            {
                "name": "Regionstyrelsen",
                "short_name": "RS",
                "kind": "styrelse",
                "email": "rs@region.example.se",
                "notice_days": "5",
            },
        )
        board = Organization.objects.get()
        assert response.status_code == 302 and board.email == "rs@region.example.se"
        manager.post(
            f"/organ/{board.pk}/andra/",
            {"name": "Regionstyrelsen", "kind": "styrelse", "notice_days": "6"},
        )
        board.refresh_from_db()
        assert board.notice_days == 6 and board.email == ""
        assert (
            manager.post("/partier/", {"code": "S", "name": "Socialdemokraterna"}).status_code
            == 302
        )
        party = Party.objects.get()
        response = manager.post(
            _seats_url(term, board, "ny/"),
            {
                "first_name": "Anna",
                "last_name": "Exempelsson",
                "party": party.pk,
                "email": "anna@example.se",
                "role": "ordforande",
                "start": "2023-01-01",
                "end": "2026-12-31",
            },
        )
        assert response.status_code == 302
        page = _text(manager.get(f"/mandatperioder/{term.pk}/"))
        assert "Regionstyrelsen" in page and '<td class="num">1</td>' in page
        seats = _text(manager.get(_seats_url(term, board)))
        assert "Anna Exempelsson" in seats and "anna@example.se" in seats
        public = _text(manager.get(f"/organ/{board.pk}/", {"datum": "2024-01-01"}))
        assert "Anna Exempelsson" in public and "Ordförande" in public

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"name": "X", "start": "2027-01-01", "end": "2026-01-01"}, "kan inte sluta innan"),
            ({"name": "", "start": "2027-01-01", "end": "2030-12-31"}, "Ange mandatperiodens namn"),
            ({"name": "X", "start": "1 jan", "end": "2030-12-31"}, "ÅÅÅÅ-MM-DD"),
        ],
    )
    def test_bad_terms(self, manager, body, data, message):
        response = manager.post("/mandatperioder/ny/", data)
        assert response.status_code == 200 and message in _text(response)
        assert not Term.objects.exists()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"name": "regionstyrelsen", "kind": "styrelse"}, "finns redan ett organ"),
            ({"name": "Nämnden", "kind": "styrelse", "email": "nej@"}, "giltig e-postadress"),
            ({"name": "Nämnden", "kind": "okänd"}, "Välj i listan"),
        ],
    )
    def test_bad_organizations(self, manager, board, data, message):
        response = manager.post("/organ/nytt/", {"notice_days": "5", **data})
        assert response.status_code == 200 and message in _text(response)
        assert Organization.objects.count() == 1

    def test_bad_parties(self, manager, parties):
        response = manager.post("/partier/", {"code": "s", "name": "Annat"})
        assert response.status_code == 200 and "finns redan ett parti" in _text(response)
        response = manager.post(f"/partier/{parties['S'].pk}/andra/", {"code": "M", "name": "X"})
        assert response.status_code == 200 and "finns redan ett parti" in _text(response)
        assert Party.objects.count() == 3 and Party.objects.get(pk=parties["S"].pk).code == "S"


class TestSeatForm:
    def _post(self, manager, term, board, parties, **data):
        values = {
            "first_name": "Anna",
            "last_name": "Exempelsson",
            "party": parties["S"].pk,
            "role": "ledamot",
            "start": "2023-01-01",
            "end": "2026-12-31",
            **data,
        }
        return manager.post(_seats_url(term, board, "ny/"), values)

    def test_a_namesake_is_asked_about(self, manager, term, board, parties):
        anna = person(parties, "Anna", "Exempelsson", "S")
        response = self._post(manager, term, board, parties)
        page = _text(response)
        assert response.status_code == 200
        assert "Det finns redan Anna Exempelsson (S) – är det samma person?" in page
        assert "Nej, en annan person med samma namn" in page
        assert not Membership.objects.exists() and Person.objects.count() == 1
        # "the same person"
        response = self._post(manager, term, board, parties, person_choice=str(anna.pk))
        assert response.status_code == 302
        assert Membership.objects.get().person == anna and Person.objects.count() == 1

    def test_a_namesake_answered_as_another_person(self, manager, term, board, parties):
        person(parties, "Anna", "Exempelsson", "S")
        assert self._post(manager, term, board, parties, person_choice="ny").status_code == 302
        assert Person.objects.count() == 2

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"start": "2022-12-01"}, "måste ligga inom mandatperioden"),
            ({"end": "2027-06-30"}, "måste ligga inom mandatperioden"),
            ({"start": "2024-01-01", "end": "2023-06-01"}, "kan inte sluta innan det börjar"),
            ({"role": "ordforande", "first_name": "Bertil"}, "har redan en ordförande"),
            ({"role": "ersattare", "substitute_order": "3"}, "Ersättare nr 3 går inte"),
            ({"role": "ledamot", "substitute_order": "1"}, "bara för ersättare"),
            ({"email": "anna@"}, "giltig e-postadress"),
            ({"first_name": ""}, "Ange förnamnet"),
        ],
    )
    def test_bad_seats(self, manager, term, board, parties, data, message):
        seat(person(parties, "Olle", "Ordförande", "M"), board, CHAIR, term)
        response = self._post(manager, term, board, parties, **data)
        assert response.status_code == 200 and message in _text(response)
        assert Membership.objects.count() == 1 and Person.objects.count() == 1

    def test_the_first_day_offered(self, manager, term, board, parties):
        """The term's first day while the composition is entered; then today, within the term."""
        url = _seats_url(term, board, "ny/")
        assert 'name="start" value="2023-01-01"' in _text(manager.get(url))
        seat(person(parties, "Anna", "Exempelsson", "S"), board, MEMBER, term)
        today = min(max(timezone.localdate(), term.start), term.end)
        assert f'name="start" value="{today.isoformat()}"' in _text(manager.get(url))

    def test_a_person_leaves_and_another_comes(self, manager, term, board, parties):
        leaving = seat(person(parties, "Anna", "Exempelsson", "S"), board, MEMBER, term)
        url = f"/mandatperioder/{term.pk}/uppdrag/{leaving.pk}/avsluta/"
        assert manager.get(url).status_code == 200
        response = manager.post(url, {"end": "2027-01-01"})
        assert response.status_code == 200 and "sista dag" in _text(response)
        assert manager.post(url, {"end": "2024-05-31"}).status_code == 302
        self._post(manager, term, board, parties, first_name="Bertil", start="2024-06-01")
        page = _text(manager.get(_seats_url(term, board)))
        assert "2024-05-31" in page and "Avslutat" in page and "Bertil Exempelsson" in page
        public = _text(manager.get(f"/organ/{board.pk}/", {"datum": "2024-06-01"}))
        assert "Bertil Exempelsson" in public and "Anna Exempelsson" in public  # in history

    def test_the_substitutes_order(self, manager, term, board, parties):
        a = seat(person(parties, "Anna", "Ett", "S"), board, SUBSTITUTE, term)
        b = seat(person(parties, "Bo", "Två", "S"), board, SUBSTITUTE, term)
        url = _seats_url(term, board, "ersattarordning/")
        assert "Plats för Anna Ett (S)" in _text(manager.get(url))
        response = manager.post(url, {f"seat_{a.pk}": "1", f"seat_{b.pk}": "1"})
        assert response.status_code == 200
        assert "nr 1 finns flera gånger och nr 2 saknas" in _text(response)
        response = manager.post(url, {f"seat_{a.pk}": "1", f"seat_{b.pk}": "x"})
        assert response.status_code == 200 and "Skriv ett heltal" in _text(response)
        assert Membership.objects.get(pk=b.pk).substitute_order == 2
        assert manager.post(url, {f"seat_{a.pk}": "2", f"seat_{b.pk}": "1"}).status_code == 302
        assert Membership.objects.get(pk=b.pk).substitute_order == 1

    def test_a_seat_of_another_term_or_organization_is_not_found(
        self, manager, term, old_term, board, parties
    ):
        old = seat(person(parties, "Anna", "Exempelsson", "S"), board, MEMBER, old_term)
        assert (
            manager.get(f"/mandatperioder/{term.pk}/uppdrag/{old.pk}/avsluta/").status_code == 404
        )
        assert manager.get(_seats_url(term, board).replace(str(board.pk), "999")).status_code == 404


CSV = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna@example.se\n"
    "Berg, Bertil;M;1:e vice ordförande;;\n"
    "Eva Fiktiv;S;ersättare;1;\n"
)


class TestCsv:
    def _upload(self, manager, term, board, data, name="ledamoter.csv", **extra):
        upload = SimpleUploadedFile(name, data, content_type="text/csv")
        return manager.post(
            _seats_url(term, board, "csv/"), {"file": upload, "start": "2023-01-01", **extra}
        )

    def test_preview_then_save(self, manager, term, board, parties):
        response = self._upload(manager, term, board, CSV.encode())
        page = _text(response)
        assert response.status_code == 200 and "Granska innan du sparar" in page
        assert page.count("Ny person") == 3 and not Membership.objects.exists()
        response = manager.post(
            _seats_url(term, board, "csv/"), {"step": "save", "text": CSV, "start": "2023-01-01"}
        )
        assert response.status_code == 302
        assert Membership.objects.filter(term=term).count() == 3
        assert AuditEntry.objects.filter(action="seats_import").count() == 1
        message = _text(manager.get(_seats_url(term, board)))
        assert "Sparade 3 uppdrag i Regionstyrelsen" in message

    def test_pasted_text_and_a_namesake_question(self, manager, term, board, parties):
        anna = person(parties, "Anna", "Exempelsson", "S")
        response = manager.post(
            _seats_url(term, board, "csv/"), {"text": CSV, "start": "2023-01-01"}
        )
        page = _text(response)
        assert "Det finns redan Anna Exempelsson (S)" in page and "– är det samma person?" in page
        save = {"step": "save", "text": CSV, "start": "2023-01-01"}
        response = manager.post(_seats_url(term, board, "csv/"), save)
        assert response.status_code == 200 and "Ingenting sparades" in _text(response)
        assert "Rad 2: svara på frågan" in _text(response) and not Membership.objects.exists()
        response = manager.post(_seats_url(term, board, "csv/"), {**save, "step": "same"})
        assert f'value="{anna.pk}" checked' in _text(response) and not Membership.objects.exists()
        response = manager.post(_seats_url(term, board, "csv/"), {**save, "person_2": str(anna.pk)})
        assert response.status_code == 302
        assert Membership.objects.get(role=CHAIR).person == anna and Person.objects.count() == 3

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"namn;parti;roll;ordning\nAnna Exempelsson;XP;ledamot;\n", "Partiet ”XP” finns inte"),
            (b"namn;roll;ordning\nAnna Exempelsson;ledamot;\n", "Kolumnen parti saknas"),
            (b"namn;parti;roll;ordning\nAnna Exempelsson;S;boss;\n", "Okänd roll ”boss”"),
            (
                b"namn;parti;roll;ordning\n"
                b"Anna Exempelsson;S;ledamot;\nAnna Exempelsson;S;ledamot;\n",
                "står redan på rad 2",
            ),
            ("namn;parti;roll;ordning\nÅsa Öberg;S;ledamot;\n".encode("utf-16-le"), "UTF-16"),
            (b"namn;parti;roll;ordning\n\x81sa;S;ledamot;\n", "varken UTF-8 eller Windows-1252"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "äldre Office-dokument"),
            (b"", "Filen är tom"),
            (b"\x00\x01\x02binary\x00\xff", "binär"),
            (b"%PDF-1.7\n1 0 obj\n", "PDF"),
            (
                b"namn;parti;roll;ordning\n" + b"Per Son;S;ledamot;\n" * 10_000,
                "Filen har 10000 rader; högst 1000",
            ),
            (b"namn;parti;roll;ordning\n" + b"x" * 1_100_000, "Filen är för stor (1,1 MB)"),
            (
                b"namn;parti;roll;ordning;e-post\nAnna Exempelsson;S;ledamot;;nej@\n",
                "giltig e-postadress",
            ),
        ],
    )
    def test_bad_files(self, manager, term, board, parties, data, message):
        response = self._upload(manager, term, board, data)
        assert response.status_code == 200
        assert message in _text(response), _text(response)[-3000:]
        assert not Membership.objects.exists() and not Person.objects.exists()

    @pytest.mark.parametrize(
        ("encoding", "notice"),
        [
            ("cp1252", "Filen lästes som Windows-1252 (ANSI)."),
            ("utf-16", "Filen lästes som UTF-16 (Unicode-text)."),
            ("utf-8-sig", "Filen lästes som UTF-8 (med BOM)."),
        ],
    )
    def test_a_file_in_another_encoding_is_read_then_saved(
        self, manager, term, board, parties, encoding, notice
    ):
        """Once refused unless UTF-8; now read, and the preview says how."""
        data = CSV.replace("Berg, Bertil", "Öberg, Åsa").encode(encoding)
        page = _text(self._upload(manager, term, board, data))
        assert "Granska innan du sparar" in page and notice in page
        assert "förnamn Åsa, efternamn Öberg" in page
        response = manager.post(
            _seats_url(term, board, "csv/"),
            {"step": "save", "text": _carried_text(page), "start": "2023-01-01"},
        )
        assert response.status_code == 302
        assert Person.objects.filter(first_name="Åsa", last_name="Öberg").exists()

    def test_an_excel_workbook_is_read_then_saved(self, manager, term, board, parties):
        openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed")
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in [line.split(";") for line in CSV.splitlines()]:
            sheet.append(row)
        sheet.insert_rows(2)  # an empty row: the line numbers are Excel's row numbers
        sheet["D5"] = 1  # a substitute's order as a number, not text
        buffer = io.BytesIO()
        workbook.save(buffer)
        page = _text(self._upload(manager, term, board, buffer.getvalue(), name="ledamoter.xlsx"))
        assert "Filen lästes som Excel-arbetsbok (.xlsx)" in page, page[-3000:]
        assert "förnamn Bertil, efternamn Berg" in page and "<td>5</td>" in page
        response = manager.post(
            _seats_url(term, board, "csv/"),
            {"step": "save", "text": _carried_text(page), "start": "2023-01-01"},
        )
        assert response.status_code == 302
        assert Membership.objects.get(role=SUBSTITUTE).substitute_order == 1

    def test_a_question_on_a_line_past_1000(self, manager, term, board, parties):
        """Line numbers are written unlocalized: "person_1002", not "person_1 002"."""
        anna = person(parties, "Anna", "Exempelsson", "S")
        text = "namn;parti;roll;ordning\n" + "\n" * 1000 + "Anna Exempelsson;S;ledamot;\n"
        page = _text(
            manager.post(_seats_url(term, board, "csv/"), {"text": text, "start": "2023-01-01"})
        )
        assert 'name="person_1002"' in page
        save = {"step": "save", "text": text, "start": "2023-01-01", "person_1002": str(anna.pk)}
        assert manager.post(_seats_url(term, board, "csv/"), save).status_code == 302
        assert Membership.objects.get().person == anna

    def test_neither_or_both(self, manager, term, board, parties):
        response = manager.post(_seats_url(term, board, "csv/"), {"start": "2023-01-01"})
        assert "Välj en CSV-fil eller klistra in raderna" in _text(response)
        response = self._upload(manager, term, board, CSV.encode(), text=CSV)
        assert "inte båda" in _text(response)

    def test_a_tampered_preview_is_read_again(self, manager, term, board, parties):
        save = {"step": "save", "text": "namn;parti\nx;y\n", "start": "2023-01-01"}
        response = manager.post(_seats_url(term, board, "csv/"), save)
        assert response.status_code == 200 and "saknas" in _text(response)
        response = manager.post(_seats_url(term, board, "csv/"), {"step": "save", "start": "x"})
        assert response.status_code == 302 and not Membership.objects.exists()


class TestCopy:
    def test_copy_from_the_previous_term(self, manager, term, old_term, board, parties):
        seat(person(parties, "Anna", "Exempelsson", "S"), board, CHAIR, old_term)
        seat(person(parties, "Eva", "Fiktiv", "S"), board, SUBSTITUTE, old_term)
        page = _text(manager.get(f"/mandatperioder/{term.pk}/"))
        assert "Kopiera från förra mandatperioden (2019–2022)" in page
        page = _text(manager.get(f"/mandatperioder/{term.pk}/kopiera/"))
        assert "Kopiera 2 uppdrag" in page and not Membership.objects.filter(term=term).exists()
        response = manager.post(f"/mandatperioder/{term.pk}/kopiera/")
        assert response.status_code == 302
        assert Membership.objects.filter(term=term).count() == 2
        page = _text(manager.get(f"/mandatperioder/{term.pk}/"))
        assert (
            "Kopierade 2 uppdrag från mandatperioden 2019–2022: Regionstyrelsen (1 ledamöter"
            in page
        )
        response = manager.post(f"/mandatperioder/{term.pk}/kopiera/")
        assert response.status_code == 200 and "alla organ har redan uppdrag" in _text(response)
        assert Membership.objects.filter(term=term).count() == 2

    def test_nothing_to_copy(self, manager, term):
        response = manager.post(f"/mandatperioder/{term.pk}/kopiera/")
        assert response.status_code == 200 and "ingen mandatperiod före" in _text(response)


class TestPersonEmail:
    def test_staff_see_and_edit_it_the_public_never(self, client, manager, parties, board, term):
        anna = person(parties, "Anna", "Exempelsson", "S", email="anna@example.se")
        seat(anna, board, MEMBER, term)
        url = f"/fortroendevalda/{anna.pk}/"
        assert "anna@example.se" in _text(manager.get(url))
        response = manager.post(
            f"{url}andra/",
            {
                "first_name": "Anna",
                "last_name": "Exempelsson",
                "party": parties["S"].pk,
                "email": "x@",
            },
        )
        assert response.status_code == 200 and "giltig e-postadress" in _text(response)
        manager.post(
            f"{url}andra/",
            {
                "first_name": "Anna",
                "last_name": "Exempelsson",
                "party": parties["S"].pk,
                "email": "anna.e@example.se",
            },
        )
        anna.refresh_from_db()
        assert anna.email == "anna.e@example.se"
        manager.logout()
        for public in (url, f"/organ/{board.pk}/?datum=2024-01-01", "/fortroendevalda/", "/organ/"):
            page = _text(client.get(public))
            assert "example.se" not in page, public

    def test_renaming_into_a_namesake_asks(self, manager, parties):
        person(parties, "Anna", "Exempelsson", "S")
        other = person(parties, "Anna", "Annan", "S")
        data = {"first_name": "Anna", "last_name": "Exempelsson", "party": parties["S"].pk}
        response = manager.post(f"/fortroendevalda/{other.pk}/andra/", data)
        assert response.status_code == 200 and "är det samma person" in _text(response)
        assert "Det är en annan person med samma namn och parti" in _text(response)
        other.refresh_from_db()
        assert other.last_name == "Annan"
        response = manager.post(
            f"/fortroendevalda/{other.pk}/andra/", {**data, "another_person": "on"}
        )
        assert response.status_code == 302
