"""Briefing memos of the demo meeting. The texts are written for the demo; names, dates and
case facts come from the public notice. Items 5, 7 and 8 keep the defects the real notice
had (an unfilled name, unfilled recipient lists), so the demo shows memo validation at work.
"""

from typing import Any

SIGNATORY = ("Rickard Simonsson", "Regiondirektör")
BASIS_MEMO = "FöredragningsPM regionstyrelsen 2020-08-26"
NONE = "Beslutet medför inga sådana konsekvenser."
NO_COST = "Beslutet medför inga kostnader."
NO_FOLLOW_UP = "Ingen särskild uppföljning behövs."

# item number → memo content. "send_to": (kind, value): kind is "text" or "organ".
MEMOS: dict[int, dict[str, Any]] = {
    2: {
        "sections": {
            "sammanfattning": (
                "En motion från Willhelm Sundman (L) kom in den 16 juni 2020. Den föreslår "
                "att regionen ska kunna finansiera investeringar med gröna obligationer.\n\n"
                "Ekonomistaben på Regionkansliet stöder beredningen."
            ),
            "konsekvenser": "Anmälan av en motion medför inga sådana konsekvenser.",
            "ekonomi": NO_COST,
            "uppfoljning": "Motionen ska besvaras inom ett år från anmälan.",
        },
        "send_to": [("organ", "Regionfullmäktige")],
    },
    3: {
        "sections": {
            "sammanfattning": (
                "Jihad Menhem (V) lämnade den 18 augusti 2020 en motion om att alla barn i "
                "länet ska kunna vaccineras mot TBE utan avgift.\n\n"
                "Staben Hälso- och sjukvård på Regionkansliet stöder beredningen."
            ),
            "konsekvenser": "Anmälan av en motion medför inga sådana konsekvenser.",
            "ekonomi": NO_COST,
            "uppfoljning": "Motionen ska besvaras inom ett år från anmälan.",
        },
        "send_to": [("organ", "Regionfullmäktige"), ("text", "Hälso- och sjukvårdsnämnden")],
    },
    4: {
        "sections": {
            "sammanfattning": (
                "Ett medborgarförslag kom in den 15 juni 2020. Förslagsställaren vill att "
                "ansvaret för kommunernas äldreboenden och hemsjukvård förs över till "
                "regionen.\n\nFullmäktige föreslås låta hälso- och sjukvårdsnämnden besluta."
            ),
            "konsekvenser": NONE,
            "ekonomi": NO_COST,
            "uppfoljning": "Nämnden redovisar sitt beslut till fullmäktige.",
        },
        "send_to": [("organ", "Regionfullmäktige"), ("text", "Hälso- och sjukvårdsnämnden")],
    },
    5: {
        # As in the real notice: the person to elect is left as dots.
        "sections": {
            "sammanfattning": (
                "Patrik Rehnberg (S) har begärt att få lämna sitt uppdrag som ersättare i "
                "rådet för funktionshinderfrågor i Degerfors kommun. En ny ersättare ska "
                "väljas för resten av mandatperioden."
            ),
            "konsekvenser": NONE,
            "ekonomi": NO_COST,
            "uppfoljning": NO_FOLLOW_UP,
        },
        "send_to": [
            ("text", "Patrik Rehnberg (S)"),
            ("text", "Den valde"),
            ("text", "Rådet för funktionshinderfrågor i Degerfors kommun"),
            ("text", "Regionkansliet – staben Administration, juridik och säkerhet"),
        ],
    },
    6: {
        "sections": {
            "sammanfattning": (
                "Delårsrapporten per juli 2020 visar att fem av nio effektmål från "
                "fullmäktige och fyra av fem av styrelsens egna mål bedöms nås. "
                "Prognosen för helåret är ett positivt resultat.\n\n"
                "Av internkontrollplanens åtgärder är:\n\n"
                "| Status | Antal |\n|---|--:|\n| Genomförda | 5 |\n| Pågående | 15 |\n"
                "| Ej genomförda | 3 |\n\n"
                "Pandemin har gjort att några uppdrag har skjutits upp, bland annat:\n\n"
                "- medarbetarenkäten,\n- arbetet med regionkansliets kärnvärden."
            ),
            "beredning": "Regionstyrelsens arbetsutskott behandlade ärendet den 18 augusti 2020.",
            "konsekvenser": NONE,
            "ekonomi": "Rapporten redovisar utfall och prognos; beslutet i sig kostar inget.",
            "uppfoljning": "Nästa uppföljning är årsredovisningen för 2020.",
        },
        "send_to": [("text", "Regionkansliet – ekonomistaben")],
    },
    7: {
        # As in the real notice: the recipient list is the template's instruction.
        "sections": {
            "sammanfattning": (
                "Regionen kan få flera statsbidrag som ersätter merkostnader och "
                "intäktsbortfall under pandemin. Vissa kräver ansökan, andra betalas ut "
                "efter rekvisition eller utan ansökan."
            ),
            "arendebeskrivning": (
                "Bidragen gäller bland annat **merkostnader i vården**, testning för "
                "covid-19, kontaktvägar för personer med psykisk ohälsa och minskade "
                "biljettintäkter i kollektivtrafiken."
            ),
            "beredning": "Regionstyrelsens arbetsutskott behandlade ärendet den 18 augusti 2020.",
            "konsekvenser": NONE,
            "ekonomi": (
                "Bidragen finns inte i årets budget och blir tillkommande intäkter som förs "
                "till de verksamheter som haft kostnaderna."
            ),
            "uppfoljning": "Effekterna följs i månadsrapporterna och årsredovisningen.",
        },
        "send_to": [("text", "(Ange vem/vilka beslutet ska skickas till)")],
    },
    8: {
        # As in the real notice: the recipient list is the template's instruction.
        "sections": {
            "sammanfattning": (
                "Enligt finanspolicyn föreslås två namngivna tjänstepersoner få genomföra "
                "finansiella transaktioner, uppta lån inom fullmäktiges ram och omplacera "
                "befintliga lån, alltid med kontrasignation."
            ),
            "beredning": "Regionstyrelsens arbetsutskott behandlade ärendet den 18 augusti 2020.",
            "konsekvenser": NONE,
            "ekonomi": NO_COST,
            "uppfoljning": "Upplåning och omplaceringar anmäls till styrelsen som meddelanden.",
        },
        "send_to": [("text", "(Ange vem/vilka beslutet ska skickas till)")],
    },
    9: {
        "sections": {
            "sammanfattning": (
                "Förbundsmedlemmarna har låtit en arbetsgrupp gå igenom de fyra "
                "samordningsförbundens verksamhet och resultat. Genomlysningen visar "
                "skillnader i arbetssätt och resultat, och att förbunden redovisar på olika "
                "sätt så att resultaten inte går att jämföra."
            ),
            "konsekvenser": NONE,
            "ekonomi": NO_COST,
            "uppfoljning": "Regionalt samverkansråd återkommer om fortsatt arbete.",
        },
        "send_to": [("text", "Regionalt samverkansråd")],
    },
    10: {
        "sections": {
            "sammanfattning": (
                "Samordningsförbundet i norra Örebro län, SOFINT, har skickat ett förslag "
                "till ny förbundsordning. Regionen tillstyrker ändringarna."
            ),
            "konsekvenser": NONE,
            "ekonomi": "Förbundsordningen ändrar inte regionens andel av finansieringen.",
            "uppfoljning": "Förbundsordningen gäller när alla medlemmar har antagit den.",
        },
        "send_to": [
            ("organ", "Regionfullmäktige"),
            ("text", "Samordningsförbundet i norra Örebro län, SOFINT"),
        ],
    },
    11: {
        "sections": {
            "sammanfattning": (
                "Alla partier i regionfullmäktige har lämnat redovisning och granskningsrapport "
                "för hur partistödet 2019 har använts. Fullmäktige prövar bara att "
                "redovisningen har lämnats, inte dess innehåll."
            ),
            "konsekvenser": NONE,
            "ekonomi": "Partistödet för 2021 ryms i budgeten.",
            "uppfoljning": "Partierna redovisar 2020 senast den 30 juni 2021.",
        },
        "send_to": [("organ", "Regionfullmäktige"), ("text", "Partierna i regionfullmäktige")],
    },
    12: {
        "sections": {
            "sammanfattning": "Anmälningsärenden och meddelanden sedan förra sammanträdet.",
            "konsekvenser": NONE,
            "ekonomi": NO_COST,
            "uppfoljning": NO_FOLLOW_UP,
        },
        "send_to": [("text", "Akten")],
    },
}
