"""The 13 agenda items of Regionstyrelsen 2020-08-26: titles, case numbers and decision
proposals are facts from the public notice; the document descriptions are written for the
demo. Each document: (kind, date, counterpart, description, visibility, secrecy).
"""

import datetime
from typing import NotRequired, TypeAlias, TypedDict

D = datetime.date

RS_DECIDES = "Regionstyrelsen beslutar"
RS_PROPOSES = "Regionstyrelsen föreslår regionfullmäktige besluta"
MEMO = "FöredragningsPM regionstyrelsen 2020-08-26"

# The case: (number, case type, official or None, registered on).
CaseFacts: TypeAlias = tuple[str, str, str | None, datetime.date]
# Each document: (kind, date, counterpart, description, visibility, secrecy[, text])
# visibility: offentlig / intern / sekretess
DocumentFacts: TypeAlias = (
    tuple[str, datetime.date, str, str, str, str]
    | tuple[str, datetime.date, str, str, str, str, str]
)


class ItemFacts(TypedDict):
    number: int
    title: str
    case: CaseFacts | None
    formula: NotRequired[str]
    clauses: NotRequired[list[str]]
    documents: NotRequired[list[DocumentFacts]]


ITEMS: list[ItemFacts] = [
    {
        "number": 1,
        "title": "Protokollsjustering",
        "case": None,
        "formula": RS_DECIDES,
        "clauses": [
            "att utse Ola Karlsson (M) att justera dagens protokoll med Karin Sundin (S) "
            "som ersättare."
        ],
    },
    {
        "number": 2,
        "title": "Anmälan av motion från Willhelm Sundman (L) om att införa möjligheten att "
        "emittera gröna obligationer för framtida investeringar i Region Örebro län",
        "case": ("20RS6617", "motion", "Maria Boström", D(2020, 6, 16)),
        "formula": RS_PROPOSES,
        "clauses": [
            "att remittera motionen till regionstyrelsen för beredning, samt",
            "att ta anmälan till protokollet.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 16),
                "Willhelm Sundman (L)",
                "Motion om att införa möjligheten att emittera gröna obligationer",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 3,
        "title": "Anmälan av motion från Jihad Menhem (V) om att ge alla barn i Örebro län "
        "tillgång till avgiftsfritt TBE-vaccin",
        "case": ("20RS8413", "motion", "Kristina Berglund", D(2020, 8, 18)),
        "formula": RS_PROPOSES,
        "clauses": [
            "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
            "att ta anmälan till protokollet.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 8, 18),
                "Jihad Menhem (V)",
                "Motion om avgiftsfritt TBE-vaccin för barn och unga",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 4,
        "title": "Anmälan av medborgarförslag om att de kommunala äldreboendena och den "
        "kommunala hemsjukvården borde ligga under landstingets ansvar",
        "case": ("20RS6550", "medborgarforslag", "Maria Boström", D(2020, 6, 15)),
        "formula": RS_PROPOSES,
        "clauses": [
            "att överlåta till hälso- och sjukvårdsnämnden att besluta i ärendet, samt",
            "att ta anmälan till protokollet.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 15),
                "Enskild förslagsställare",
                "Medborgarförslag om ansvaret för äldreboenden och hemsjukvård",
                "intern",
                "",
            ),
            (
                "inkommen",
                D(2020, 6, 22),
                "Enskild förslagsställare",
                "Komplettering till medborgarförslaget om äldreboenden",
                "offentlig",
                "",
                # Made-up contact details (a number PTS reserves for fiction, an example.se
                # address): the privacy step finds them and the document waits for review.
                "Förslagsställaren kompletterar sitt förslag och nås på telefon 070-174 06 52 "
                "eller e-post forslagsstallare@example.se, Exempelgatan 4, 702 10 Örebro.",
            ),
        ],
    },
    {
        "number": 5,
        "title": "Entledigande samt kompletteringsval till rådet för funktionshinderfrågor i "
        "Degerfors kommun",
        "case": ("20RS6891", "val", "Kristina Berglund", D(2020, 6, 24)),
        "formula": RS_DECIDES,
        "clauses": [
            "att bevilja Patrik Rehnbergs (S) begäran om entledigande från uppdraget som "
            "ersättare i rådet för funktionshinderfrågor i Degerfors kommun, samt",
            "att till ny ersättare i rådet för funktionshinderfrågor i Degerfors kommun utse "
            "..... (S) för tiden 2020-08-26 – 2022-12-31.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 24),
                "Patrik Rehnberg (S)",
                "Begäran om entledigande från uppdrag som ersättare",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 6,
        "title": "Regionstyrelsen inklusive Regionkansliets delårsrapport 2020",
        "case": ("20RS6584", "rapport", "Maria Persson", D(2020, 6, 16)),
        "formula": RS_DECIDES,
        "clauses": ["att godkänna regionstyrelsen inklusive Regionkansliets delårsrapport 2020."],
        "documents": [
            (
                "upprattad",
                D(2020, 8, 14),
                "",
                "Delårsrapport 2020 för regionstyrelsen inklusive Regionkansliet",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 7,
        "title": "Ansökan om statsbidrag kopplade till covid-19",
        "case": ("20RS6315", "ekonomi", None, D(2020, 6, 8)),
        "formula": RS_DECIDES,
        "clauses": [
            "att ansöka om ersättningar för merkostnader till följd av sjukdomen covid-19 samt",
            "att uppdra åt samhällsbyggnadsnämnden i egenskap av kollektivtrafikmyndighet att "
            "ansöka om ersättning för minskade biljettintäkter under utbrottet av covid-19.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 12),
                "Folkhälsomyndigheten",
                "Förtydligande om kostnader och ersättning för testningsresurser för covid-19",
                "offentlig",
                "",
            ),
            (
                "inkommen",
                D(2020, 6, 25),
                "Regeringen, Socialdepartementet",
                "Regeringsbeslut S2020/03317/FS om medel för kontaktmöjligheter inom psykiatrin",
                "offentlig",
                "",
            ),
            (
                "inkommen",
                D(2020, 7, 2),
                "Sveriges Kommuner och Regioner",
                "Överenskommelse om ökad nationell testning för covid-19 2020",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 8,
        "title": "Fullmakt att genomföra finansiella transaktioner",
        "case": ("20RS5739", "ekonomi", "Caroline Klefbom", D(2020, 5, 20)),
        "formula": RS_DECIDES,
        "clauses": [
            "att tills vidare bemyndiga Caroline Klefbom, finanscontroller Region Örebro län, och "
            "Maria Pisoni Sundahl, ekonomi- och personalchef Länsgården Fastigheter AB, i "
            "enlighet med Region Örebro läns finanspolicy samt riktlinje för finansförvaltningen, "
            "att genomföra finansiella affärstransaktioner för Region Örebro län. Dessa "
            "transaktioner ska tecknas i förening med redovisningsansvarig Inger Andersson eller "
            "ekonomidirektör Lennart Frommegård,",
            "att tills vidare delegera rätten att fatta beslut om att genomföra upplåning för "
            "Region Örebro län inom regionfullmäktiges fastställda låneram till Caroline Klefbom, "
            "finanscontroller Region Örebro län och Maria Pisoni Sundahl, ekonomi- och "
            "personalchef Länsgården Fastigheter AB. Affärsavslutet ska kontrasigneras med "
            "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård, samt",
            "att tills vidare delegera rätten att fatta beslut om att omplacera och konvertera "
            "befintliga lån för Region Örebro län till Caroline Klefbom, finanscontroller Region "
            "Örebro län och Maria Pisoni Sundahl, ekonomi- och personalchef Länsgården "
            "Fastigheter AB. Affärsavslutet ska kontrasigneras med redovisningsansvarig Inger "
            "Andersson eller ekonomidirektör Lennart Frommegård.",
        ],
        "documents": [
            (
                "upprattad",
                D(2020, 8, 11),
                "",
                "Förteckning över behörigheter och inloggningsuppgifter i bankernas system",
                "sekretess",
                "OSL 18 kap. 8 §",
            ),
        ],
    },
    {
        "number": 9,
        "title": "Samordningsförbunden inom Örebro län – förbundsmedlemmarnas genomlysning av "
        "verksamheten",
        "case": ("20RS3926", "rapport", "Yvonne Nilsson Hirsch", D(2020, 3, 30)),
        "formula": RS_DECIDES,
        "clauses": [
            "att ge regiondirektören i uppdrag att ta rapporten vidare till Regionalt "
            "samverkansråd."
        ],
        "documents": [
            (
                "upprattad",
                D(2020, 8, 11),
                "",
                "Rapport: Samordningsförbunden inom Örebro län – förbundsmedlemmarnas genomlysning "
                "av verksamheten",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 10,
        "title": "Förslag till förbundsordning för samordningsförbundet i norra Örebro län, SOFINT",
        "case": ("20RS6208", "styrdokument", "Yvonne Nilsson Hirsch", D(2020, 6, 8)),
        "formula": RS_PROPOSES,
        "clauses": [
            "att anta förslag till förbundsordning för samordningsförbundet i norra "
            "Örebro län, SOFINT."
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 8),
                "Samordningsförbundet i norra Örebro län, SOFINT",
                "Förslag till ny förbundsordning för SOFINT med följebrev",
                "offentlig",
                "",
            ),
        ],
    },
    {
        "number": 11,
        "title": "Redovisning av regionalt partistöd till politiska partier år 2019 och "
        "utbetalning av partistöd för år 2021",
        "case": ("20RS5116", "ekonomi", "Kristina Berglund", D(2020, 5, 4)),
        "formula": RS_PROPOSES,
        "clauses": [
            "att förklara att de politiska partierna i regionfullmäktige har inkommit med "
            "redovisningar av hur partistödet för 2019 har använts, samt",
            "att partistöd för 2021 ska betalas ut.",
        ],
        "documents": [
            (
                "inkommen",
                D(2020, 6, 30),
                party,
                f"Redovisning av regionalt partistöd 2019, {party}",
                # the reports name the parties' reviewers with private contact details
                "intern",
                "",
            )
            for party in (
                "Miljöpartiet de gröna",
                "Socialdemokraterna",
                "Sverigedemokraterna",
                "Liberalerna",
                "Moderaterna",
                "Centerpartiet",
                "Vänsterpartiet",
                "Kristdemokraterna",
            )
        ],
    },
    {
        "number": 12,
        "title": "Anmälnings- och meddelandeärenden",
        "case": ("20RS387", "delegation", None, D(2020, 1, 8)),
        "formula": RS_DECIDES,
        "clauses": ["att godkänna redovisningen."],
        "documents": [
            (
                "inkommen",
                D(2020, 7, 31),
                "Finansenheten",
                "Finansrapport och innehavsrapport juni och juli 2020",
                "offentlig",
                "",
            ),
        ],
    },
    {"number": 13, "title": "Regiondirektörens information", "case": None},
]
