"""The minutes of the demo meeting, recorded as held but not yet adjusted (signed).

The notice gives the agenda; who attended, the paragraph numbers, the debate on item 3, the
vote and the conflict of interest at item 10 are made up for the demo, as is every text
here. People are named as in the notice; no private person's contact details.
"""

import datetime
from typing import Any

D = datetime.date

# A demo value: a plausible first paragraph for Regionstyrelsen in late August 2020, not
# the number in the real minutes.
FIRST_NUMBER = 150

SECRETARY = "Kristina Berglund"
KEPT_AT = "Regionkansliet, Eklundavägen 1, Örebro"
ADJUSTMENT_PLACE = "Regionkansliet, Örebro"
ADJUSTMENT_DATE = D(2020, 9, 2)

CHAIR = "Andreas Svahn"
ADJUSTER = "Ola Karlsson"  # as item 1 proposes; minutes_create reads it from there
SUBSTITUTE_ADJUSTER = "Karin Sundin"

# Members not present at all; Kansli proposes Carina Dahl (S) for Nina Höijer (S) and
# Gunilla Fredriksson (SD) for Patrik Nyström (SD).
ABSENT = ["Nina Höijer", "Patrik Nyström"]

# Who came and when: (name, present from item, present to and including item).
# None means from the start / to the end. Jihad Menhem (V) arrives at item 3; until then
# Jessica Carlqvist (V) serves for him and she leaves after item 2.
LATE_OR_EARLY: dict[str, tuple[int | None, int | None]] = {
    "Jihad Menhem": (3, None),
    "Jessica Carlqvist": (None, 2),
}
SUBSTITUTES_PRESENT = [
    "Carina Dahl",
    "Zaki Habib",
    "Jessica Carlqvist",
    "Oskar Svärd",
    "Gunilla Fredriksson",
]

OTHERS_PRESENT = "\n".join(
    [
        "Rickard Simonsson, Regiondirektör",
        "Kristina Berglund, Nämndsekreterare",
        "Maria Boström, Nämndsekreterare",
    ]
)

TBE_PROPOSAL = "bifall till förslaget i ärendet"
TBE_MOTION = "bifall till motionen"

# item number → what the meeting did beyond the proposal. Keys: "summary" (replaces the
# memo's summary when given), "proposals" and "reservations" ((name, text)), "notes"
# ((name or None, text)), "proposition_order", "disqualified" (names), "clauses"
# (replaces the proposal's clauses when given) and "vote".
PARAGRAPHS: dict[int, dict[str, Any]] = {
    3: {
        "proposals": [
            ("Jihad Menhem", TBE_MOTION),
            ("Andreas Svahn", TBE_PROPOSAL),
        ],
        "proposition_order": (
            "Ordföranden ställer proposition på förslaget i ärendet mot Jihad Menhems (V) "
            "yrkande om bifall till motionen och finner att regionstyrelsen beslutar enligt "
            "förslaget i ärendet. Omröstning begärs. Regionstyrelsen godkänner följande "
            "propositionsordning: den som vill bifalla förslaget i ärendet röstar ja, den som "
            "vill bifalla Jihad Menhems (V) yrkande röstar nej."
        ),
        # Everyone serving votes ja except those in "no" (loader._paragraph).
        "vote": {
            "yes_label": TBE_PROPOSAL,
            "no_label": TBE_MOTION,
            "no": ["Jihad Menhem"],
        },
        "reservations": [("Jihad Menhem", "till förmån för eget yrkande")],
    },
    5: {
        # The notice left the name open ("..... (S)"); the meeting fills it in. The person
        # elected is a demo choice.
        "clauses": [
            "att bevilja Patrik Rehnbergs (S) begäran om entledigande från uppdraget som "
            "ersättare i rådet för funktionshinderfrågor i Degerfors kommun, samt",
            "att till ny ersättare i rådet för funktionshinderfrågor i Degerfors kommun utse "
            "Gunnel Kask (S) för tiden 2020-08-26 – 2022-12-31.",
        ],
    },
    10: {
        # The conflict is made up for the demo; no reason is given in the minutes.
        "disqualified": ["Sebastian Cehlin"],
    },
    13: {
        "summary": (
            "Regiondirektör Rickard Simonsson informerar om läget i regionens arbete med "
            "covid-19 inför hösten, om provtagningen i länet och om arbetet med "
            "delårsrapporterna."
        ),
        "clauses": ["att lägga informationen till handlingarna."],
    },
}
