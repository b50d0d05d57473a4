# ruff: noqa: E501 - the plan is a table, one row per line
"""The demo's classification structure and informationshanteringsplan: small, in the shape of
a Swedish region's process-based plan (verksamhetsområde → processgrupp → process, after SKR's
KLASSA), written for the demo. The references to decisions are made up."""

PLAN = """klass;benämning;handlingstyp;åtgärd;gallringsfrist;format;lagrum;ärendetyper;anmärkning
1;Styra och leda;;;;;;;
1.1;Politisk styrning;;;;;;;
1.1.1;Bereda och besluta ärenden;;Bevaras;;PDF/A;Arkivlagen (1990:782) 3 §;Allmänt ärende;
1.1.1;;Protokoll;Bevaras;;PDF/A;Arkivlagen (1990:782) 3 §;;Originalet med underskrifter
1.1.1;;Protokollsutdrag;Gallras;vid inaktualitet;;Informationshanteringsplan RS 2020-10;;Beslutet finns i protokollet
1.1.1;;Kallelse;Gallras;2 år;PDF/A;Informationshanteringsplan RS 2020-10;;Ärendena finns i protokollet
1.1.1;;Tjänsteskrivelse;Bevaras;;PDF/A;;;
1.1.2;Hantera motioner och medborgarförslag;;Bevaras;;PDF/A;Arkivlagen (1990:782) 3 §;Motion, Medborgarförslag;
1.1.3;Förrätta val och entlediganden;;Bevaras;;PDF/A;;Val och entledigande;
1.2;Styrdokument och delegering;;;;;;;
1.2.1;Ta fram styrdokument;;Bevaras;;PDF/A;;Styrdokument;
1.2.2;Anmäla delegationsbeslut och meddelanden;;Bevaras;;PDF/A;;Delegationsbeslut och anmälningar;
1.2.2;;Meddelande;Gallras;vid inaktualitet;;Informationshanteringsplan RS 2020-10;;Kopior för kännedom
1.3;Uppföljning;;;;;;;
1.3.1;Följa upp verksamhet och ekonomi;;Bevaras;;PDF/A;;Rapport och uppföljning;
1.3.1;;Underlag;Gallras;2 år;;Informationshanteringsplan RS 2020-10;;Sammanställt i rapporten
2;Stödja verksamheten;;;;;;;
2.1;Ekonomi;;;;;;;
2.1.1;Hantera bidrag och finansiering;;Bevaras;;PDF/A;;Ekonomi;
2.1.1;;Räkenskapsinformation;Gallras;7 år;;Bokföringslagen (1999:1078) 7 kap. 2 §;;
2.2;Information och remisser;;;;;;;
2.2.1;Besvara remisser;;Bevaras;;PDF/A;;Remiss;
2.2.1;;Remiss;Gallras;vid inaktualitet;;Informationshanteringsplan RS 2020-10;;Remissen finns hos avsändaren
2.2.2;Pröva begäran om allmän handling;;Bevaras;;PDF/A;;;
2.2.2;;Begäran;Gallras;2 år;;Informationshanteringsplan RS 2020-10;;Beslut om avslag bevaras
"""

# A document's type in the plan, from how the demo's descriptions begin.
_TYPES = (
    ("Motion", "Motion"),
    ("Medborgarförslag", "Medborgarförslag"),
    ("Begäran om entledigande", "Avsägelse"),
    ("Delårsrapport", "Rapport"),
    ("Rapport", "Rapport"),
    ("Finansrapport", "Rapport"),
    ("Redovisning", "Redovisning"),
    ("Regeringsbeslut", "Beslut"),
    ("Överenskommelse", "Avtal"),
    ("Förslag till ny förbundsordning", "Remiss"),
    ("Förteckning", "Förteckning"),
)


def document_type_of(description: str) -> str:
    for start, kind in _TYPES:
        if description.startswith(start):
            return kind
    return "Skrivelse"
