"""Facts for the demo: Region Örebro län's regional board and its meeting of 2020-08-26.

Names, dates, case numbers, titles and the decision proposals are facts from the public
meeting notice; every longer text here is written for the demo. No private person's
contact details.
"""

import datetime
from typing import Any

D = datetime.date

BODY = {
    "name": "Region Örebro län",
    "short_name": "Region Örebro län",
    "case_number_format": "{YY}{SERIES}{N}",
    "party_order": "S,KD,C,M,L,MP,SD,V",
}

SERIES = [("RS", "Regionstyrelsen"), ("OLL", "Örebro läns landsting (äldre serie)")]
DEFAULT_SERIES = "RS"  # the series new cases, motions and the meetings' own cases go in

PARTIES = [
    ("S", "Socialdemokraterna"),
    ("M", "Moderaterna"),
    ("KD", "Kristdemokraterna"),
    ("C", "Centerpartiet"),
    ("L", "Liberalerna"),
    ("MP", "Miljöpartiet de gröna"),
    ("SD", "Sverigedemokraterna"),
    ("V", "Vänsterpartiet"),
]

TERM = ("Mandatperioden 2019–2022", D(2019, 1, 1), D(2022, 12, 31))

# (name, kind, parent name)
ORGANIZATIONS = [
    ("Regionfullmäktige", "fullmaktige", None),
    ("Regionstyrelsen", "styrelse", "Regionfullmäktige"),
    ("Regionstyrelsens arbetsutskott", "utskott", "Regionstyrelsen"),
    ("Hälso- och sjukvårdsnämnden", "namnd", "Regionfullmäktige"),
    ("Samhällsbyggnadsnämnden", "namnd", "Regionfullmäktige"),
    ("Rådet för funktionshinderfrågor i Degerfors kommun", "externt", None),
]

BOARD = "Regionstyrelsen"

# Regionstyrelsen 2019–2022: (first name, last name, party, role)
MEMBERS = [
    ("Andreas", "Svahn", "S", "ordforande"),
    ("Behcet", "Barsom", "KD", "vice_ordforande"),
    ("Ola", "Karlsson", "M", "andre_vice_ordforande"),
    ("Karin", "Sundin", "S", "ledamot"),
    ("Nina", "Höijer", "S", "ledamot"),
    ("Irén", "Lejgren", "S", "ledamot"),
    ("Per", "Eriksson", "S", "ledamot"),
    ("Joakim", "Carlsson", "S", "ledamot"),
    ("Torbjörn", "Ahlin", "C", "ledamot"),
    ("Sebastian", "Cehlin", "M", "ledamot"),
    ("Anna", "Ågerfalk", "L", "ledamot"),
    ("Mats", "Gunnarsson", "MP", "ledamot"),
    ("Elin", "Jensen", "SD", "ledamot"),
    ("Patrik", "Nyström", "SD", "ledamot"),
    ("Jihad", "Menhem", "V", "ledamot"),
]

SUBSTITUTES = [
    ("Carina", "Dahl", "S"),
    ("Zaki", "Habib", "S"),
    ("Gunnel", "Kask", "S"),
    ("Azra", "Prepica", "S"),
    ("Inga-Lill", "Bergensten", "KD"),
    ("Sven-Erik", "Sahlén", "KD"),
    ("Charlotte", "Edberger", "C"),
    ("Lars-Göran", "Zetterlund", "C"),
    ("Oskar", "Svärd", "M"),
    ("Pär-Ove", "Lindqvist", "M"),
    ("Willhelm", "Sundman", "L"),
    ("Monika", "Aune", "MP"),
    ("Gunilla", "Fredriksson", "SD"),
    ("Fredrik", "Dahlberg", "SD"),
    ("Jessica", "Carlqvist", "V"),
]

# The external council of item 5: the resigning substitute's seat, ended by the decision.
EXTERNAL_SEAT = ("Patrik", "Rehnberg", "S", "Rådet för funktionshinderfrågor i Degerfors kommun")

# (name, unit, title)
OFFICIALS = [
    ("Rickard Simonsson", "Regionkansliet", "Regiondirektör"),
    ("Kristina Berglund", "Nämndadministration", "Nämndsekreterare"),
    ("Maria Boström", "Nämndadministration", "Nämndsekreterare"),
    ("Maria Persson", "Nämndadministration", "Handläggare"),
    ("Caroline Klefbom", "Staben Ekonomi", "Finanscontroller"),
    ("Yvonne Nilsson Hirsch", "Staben Hälso- och sjukvård", "Utredare"),
]

MEETING: dict[str, Any] = {
    "organization": BOARD,
    "date": D(2020, 8, 26),
    "start_time": datetime.time(9, 30),
    "end_time": datetime.time(12, 0),
    "place": "Hörsal L1, Örebro universitet",
    "absence_contact": "Nämndsekreteraren Kristina Berglund, Nämndadministration",
}

# One demo account per role, and the adjuster beside the chair so that both can sign the
# minutes: (username, first, last, role, linked official or person)
DEMO_PASSWORD = "kansli-demo"
USERS = [
    ("registrator", "Rebecka", "Registrator", "registrator", None),
    (
        "handlaggare",
        "Yvonne",
        "Nilsson Hirsch",
        "handlaggare",
        ("official", "Yvonne Nilsson Hirsch"),
    ),
    ("sekreterare", "Kristina", "Berglund", "namndsekreterare", ("official", "Kristina Berglund")),
    ("ledamot", "Andreas", "Svahn", "fortroendevald", ("person", "Andreas Svahn")),
    # The adjuster of the demo minutes: signs after the chair.
    ("justerare", "Ola", "Karlsson", "fortroendevald", ("person", "Ola Karlsson")),
    ("admin", "Adam", "Administratör", "administrator", None),
    ("arkivarie", "Arvid", "Arkivarie", "arkivarie", None),
]
