"""Case numbers (diarienummer): parsing and formatting, in one place.

A Body's format is a pattern of tokens and literal text:

    {YY}      two-digit year            {YYYY}  four-digit year
    {SERIES}  series code (letters)     {N}     running number within series and year

Region Örebro län writes `{YY}{SERIES}{N}` (20RS6617); many municipalities write
`{SERIES} {YYYY}/{N}` (KS 2018/124) or `{SERIES}/{YYYY}:{N}` (KSKF/2014:1); some have
no series, `{YYYY}/{N}` (2015/123). A registered document adds `-N`: 20RS6617-3.
"""

import datetime
import re
from dataclasses import dataclass

TOKENS = {
    "{YYYY}": r"(?P<yyyy>\d{4})",
    "{YY}": r"(?P<yy>\d{2})",
    "{SERIES}": r"(?P<series>[A-ZÅÄÖ]{1,12})",
    "{N}": r"(?P<n>[1-9]\d{0,6})",
}
_TOKEN_RE = re.compile(r"\{YYYY\}|\{YY\}|\{SERIES\}|\{N\}")
_PREFIX_RE = re.compile(r"^(?:dnr|diarienummer|darienummer)\s*[:.]?\s*", re.IGNORECASE)

PRESETS = {
    "{YY}{SERIES}{N}": "20RS6617 (år, serie, löpnummer)",
    "{SERIES} {YYYY}/{N}": "KS 2018/124 (serie, år/löpnummer)",
    "{SERIES}/{YYYY}:{N}": "KSKF/2014:1 (serie/år:löpnummer)",
    "{YYYY}/{N}": "2015/123 (år/löpnummer)",
}


@dataclass(frozen=True, order=True)
class CaseNumber:
    year: int
    series: str
    number: int


@dataclass(frozen=True)
class DocumentNumber:
    case: CaseNumber
    number: int


class CaseNumberFormat:
    """One Body's case-number pattern: parse text into a CaseNumber and back."""

    def __init__(self, pattern: str) -> None:
        tokens = _TOKEN_RE.findall(pattern)
        if tokens.count("{N}") != 1:
            raise ValueError("Mönstret måste innehålla {N} (löpnummer) exakt en gång.")
        if tokens.count("{YY}") + tokens.count("{YYYY}") != 1:
            raise ValueError("Mönstret måste innehålla året, {YY} eller {YYYY}, exakt en gång.")
        if tokens.count("{SERIES}") > 1:
            raise ValueError("Mönstret får innehålla {SERIES} högst en gång.")
        leftover = _TOKEN_RE.sub("", pattern)
        if re.search(r"[A-Za-z0-9{}]", leftover):
            raise ValueError(
                "Mönstret får bara innehålla {YY}, {YYYY}, {SERIES}, {N} och skiljetecken."
            )
        self.pattern = pattern
        self.has_series = "{SERIES}" in tokens
        regex = "".join(
            TOKENS[part] if part in TOKENS else re.escape(part)
            for part in re.split(r"(\{YYYY\}|\{YY\}|\{SERIES\}|\{N\})", pattern)
            if part
        )
        self._case_re = re.compile(rf"^{regex}$")
        self._document_re = re.compile(rf"^{regex}-(?P<doc>[1-9]\d{{0,5}})$")

    def format(self, case: CaseNumber) -> str:
        if self.has_series and not case.series:
            raise ValueError("Diarienumret saknar serie.")
        return (
            self.pattern.replace("{YYYY}", f"{case.year:04d}")
            .replace("{YY}", f"{case.year % 100:02d}")
            .replace("{SERIES}", case.series)
            .replace("{N}", str(case.number))
        )

    def format_document(self, document: DocumentNumber) -> str:
        return f"{self.format(document.case)}-{document.number}"

    def parse(self, text: str, *, today: datetime.date | None = None) -> CaseNumber:
        match = self._case_re.match(normalise(text))
        if match is None:
            raise ValueError(self._unknown(text))
        return self._case_number(match, today)

    def parse_document(self, text: str, *, today: datetime.date | None = None) -> DocumentNumber:
        match = self._document_re.match(normalise(text))
        if match is None:
            raise ValueError(
                f"”{text.strip()[:60]}” är inte ett handlingsnummer i formatet {self.example()}-N."
            )
        return DocumentNumber(self._case_number(match, today), int(match["doc"]))

    def example(self) -> str:
        return self.format(CaseNumber(2020, "RS" if self.has_series else "", 6617))

    def _unknown(self, text: str) -> str:
        return (
            f"”{text.strip()[:60]}” är inte ett diarienummer i huvudmannens format "
            f"(till exempel {self.example()})."
        )

    def _case_number(self, match: re.Match[str], today: datetime.date | None) -> CaseNumber:
        groups = match.groupdict()
        if groups.get("yyyy"):
            year = int(groups["yyyy"])
        else:
            year = expand_two_digit_year(int(groups["yy"]), today or datetime.date.today())
        series = match["series"] if self.has_series else ""
        return CaseNumber(year=year, series=series, number=int(match["n"]))


def normalise(text: str) -> str:
    """Trim, drop a leading "Dnr:", collapse inner whitespace, upper-case the letters."""
    text = _PREFIX_RE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).upper()


def expand_two_digit_year(yy: int, today: datetime.date) -> int:
    """20 → 2020. A two-digit year more than one year ahead of today is last century's."""
    year = 2000 + yy
    return year - 100 if year > today.year + 1 else year
