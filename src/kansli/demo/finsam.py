"""The demo's Finsam data: the four samordningsförbund of Örebro län, their members and boards,
populations, the state's amounts, SOFINT's new förbundsordning and the follow-up figures of
2019 (and 2018 for Degerfors/Karlskoga) — loaded through the services, idempotently.

Sources: the county's 2020 review of its federations in the corpus
(/work/shared/corpus/003_d59628155d4ad2ed.txt, section 4–7 and Bilaga 1) and the memo on
SOFINT's förbundsordning (case 20RS6208). Figures not in the corpus are marked as demo values.
"""

import datetime
from decimal import Decimal
from typing import TypedDict

from kansli.finsam import services as finsam
from kansli.finsam.models import (
    BoardTerm,
    CharterAdoption,
    CharterVersion,
    Federation,
    FederationMember,
    FollowUp,
    MemberKind,
    Population,
    StateAllocation,
)
from kansli.people.models import Body

from .report import LoadReport

Figures = dict[str, int | Decimal | None]
REGION, FK, AF = "Region Örebro län", "Försäkringskassan", "Arbetsförmedlingen"


class FederationFacts(TypedDict):
    name: str
    short_name: str
    aliases: list[str]
    municipalities: list[str]
    board: tuple[int, int]  # seats, substitutes


# Corpus, 4.1 and figure 1: the federations, their members and their boards (one member and
# one substitute per member). The corpus writes "Hallberg"; the municipality is Hallsberg.
FEDERATIONS: list[FederationFacts] = [
    {
        "name": "Finsam Lekeberg och Örebro",
        "short_name": "Lekeberg/Örebro",
        "aliases": ["Finsam Lekeberg/Örebro"],
        "municipalities": ["Örebro kommun", "Lekebergs kommun"],
        "board": (5, 5),
    },
    {
        "name": "Samordningsförbundet Sydnärke",
        "short_name": "Sydnärke",
        "aliases": [],
        "municipalities": ["Askersunds kommun", "Hallsbergs kommun", "Kumla kommun", "Laxå kommun"],
        "board": (7, 7),
    },
    {
        "name": "Finsam Degerfors/Karlskoga",
        "short_name": "Degerfors/Karlskoga",
        "aliases": [],
        "municipalities": ["Degerfors kommun", "Karlskoga kommun"],
        "board": (5, 5),
    },
    {
        "name": "Samordningsförbundet Norra Örebro län – SOFINT",
        "short_name": "SOFINT",
        "aliases": ["Sofint", "Samordningsförbundet i norra Örebro län"],
        "municipalities": [
            "Lindesbergs kommun",
            "Hällefors kommun",
            "Ljusnarsbergs kommun",
            "Nora kommun",
        ],
        "board": (7, 7),
    },
]

# The term of office 2019-04-01 – 2023-03-31 (rules.board_term); SOFINT's förbundsordning
# (20RS6208, 7 §) asks a qualified majority of 3/4 for the decisions below.
BOARD_TERM = (datetime.date(2019, 4, 1), datetime.date(2023, 3, 31))
SOFINT_MAJORITY = (
    "3/4 för budget, verksamhetsplan, beslut om projekt och ändring av pågående projekt, "
    "årsredovisning och tillsättning av förbundschef"
)

# Inhabitants on 1 November, for the split of the municipalities' quarter in 2023 and 2024
# (rules.population_reference_date). APPROXIMATE DEMO VALUES, rounded in the manner of SCB's
# figures; not taken from SCB.
POPULATIONS = {
    "Örebro kommun": (157_700, 158_600),
    "Lekebergs kommun": (8_700, 8_800),
    "Askersunds kommun": (11_400, 11_400),
    "Hallsbergs kommun": (16_100, 16_200),
    "Kumla kommun": (22_000, 22_100),
    "Laxå kommun": (5_600, 5_600),
    "Degerfors kommun": (9_300, 9_300),
    "Karlskoga kommun": (30_500, 30_600),
    "Lindesbergs kommun": (23_600, 23_600),
    "Hällefors kommun": (6_800, 6_700),
    "Ljusnarsbergs kommun": (4_800, 4_800),
    "Nora kommun": (10_700, 10_700),
}
POPULATION_DAYS = (datetime.date(2022, 11, 1), datetime.date(2023, 11, 1))

# The state's amount per federation (kr). DEMO VALUES, in proportion to the corpus's
# allocations (the members' contributions together are twice the state's amount: SOFINT
# about 4 mnkr, Lekeberg/Örebro about 8–9 mnkr).
STATE_AMOUNTS = {
    2023: {
        "Lekeberg/Örebro": 4_350_000,
        "Sydnärke": 2_700_000,
        "Degerfors/Karlskoga": 2_850_000,
        "SOFINT": 2_000_000,
    },
    2024: {
        "Lekeberg/Örebro": 4_480_000,
        "Sydnärke": 2_780_000,
        "Degerfors/Karlskoga": 2_930_000,
        "SOFINT": 2_060_000,
    },
}

# SOFINT's new förbundsordning (case 20RS6208, before regionstyrelsen 2020-08-26). It takes
# effect when every member has adopted it; in the demo four of seven have. The adoption
# dates are DEMO VALUES.
CHARTER_TITLE = "Förbundsordning för Samordningsförbundet Norra Örebro län – SOFINT"
CHARTER_PROPOSED_ON = datetime.date(2020, 6, 1)
CHARTER_CASE = "20RS6208"
CHARTER_ADOPTIONS = {
    FK: datetime.date(2020, 6, 24),
    AF: datetime.date(2020, 6, 30),
    "Nora kommun": datetime.date(2020, 9, 21),
    "Lindesbergs kommun": datetime.date(2020, 9, 28),
}

# Corpus 7.1.1, "Fördelning av verksamhetens kostnader 2019 (%)": individual, structural,
# administration.
COST_SPLIT_2019 = {
    "Lekeberg/Örebro": (75, 6, 19),
    "Sydnärke": (74, 2, 23),
    "Degerfors/Karlskoga": (82, 1, 17),
    "SOFINT": (54, 3, 43),
}


def _costs(short_name: str, administration: int) -> dict[str, int]:
    """DERIVED: the costs for individual and structural interventions, from the
    administration cost and the percentage split (total = administration / its share)."""
    individual, structural, admin = COST_SPLIT_2019[short_name]
    total = Decimal(administration) * 100 / admin
    return {
        "cost_individual": int((total * individual / 100).to_integral_value()),
        "cost_structural": int((total * structural / 100).to_integral_value()),
        "cost_administration": administration,
    }


# The follow-up of 2019. Where each figure comes from (corpus):
# - member_contributions: 5.1, "2019 hade förbundet 8 mnkr … Karlskoga/Degerfors 5,6 mnkr,
#   Sydnärke 5,3 mnkr och SOFINT 4 mnkr" (rounded millions).
# - cost_administration: 7.1, administration cost 2019 in tkr (1 552 / 1 342 / 1 238 / 1 373).
# - cost_individual, cost_structural: DERIVED by _costs from 7.1.1's percentage split.
# - reception/coaching_team_cost: 5, "Kostnad för respektive MT och CT 2019"; Lekeberg and
#   Örebro summed; Sydnärke without Växa (paid by Tillväxtverket).
# - reception/coaching_team_staff: 5, full-time posts in MT and CT 2019, personal plus
#   samordnare (Lekeberg and Örebro summed). As in the table, Sydnärke's CT includes 1.65
#   posts paid by Tillväxtverket and Degerfors/Karlskoga's 1.0 paid by MUCF, whose costs the
#   cost table leaves out.
# - population_16_64: DERIVED, 20 times Bilaga 1's "5 % av arbetsför befolkning (16-64 år)"
#   (5 078 / 1 576 / 1 157 / 1 297).
# - participants: DERIVED from Bilaga 1's share of the target group reached in 2019 (Lekeberg
#   18.3 % of 230 ≈ 42 plus Örebro 2.5 % of 4 848 ≈ 121; Sydnärke 8.3 % of 1 576 ≈ 131;
#   Degerfors/Karlskoga 21 % of 1 157 ≈ 243; SOFINT 5.6 % of 1 297 ≈ 73). Together 610, as
#   5.1 says.
# - participants_ended: DERIVED from 5.1's shares ended (Lekeberg 50 % of 42 = 21 plus
#   Örebro 22 % of 121 ≈ 27; Sydnärke 62 % ≈ 81; Degerfors/Karlskoga 44 % ≈ 107; SOFINT
#   46 % ≈ 34).
# - ended to work/studies + ready for regular services: 5.1 and 5.3.1 give the sums
#   (Sydnärke 47, Degerfors/Karlskoga 37, SOFINT 29, 137 for all four, so 24 for
#   Lekeberg/Örebro); the split between the two is a DEMO VALUE following the text (Sydnärke
#   and SOFINT mostly "ready", Degerfors/Karlskoga mostly work/studies).
# - participants_new: DEMO VALUES (the corpus shows them only in a chart).
# - equity: not in the corpus; left unknown.
FOLLOW_UPS_2019: dict[str, Figures] = {
    "Lekeberg/Örebro": {
        "member_contributions": 8_000_000,
        **_costs("Lekeberg/Örebro", 1_552_000),
        "participants": 163,
        "participants_new": 95,
        "participants_ended": 48,
        "ended_to_work_or_studies": 9,
        "ended_ready_for_regular": 15,
        "reception_team_staff": Decimal("3.35"),
        "reception_team_cost": 534_847 + 1_645_068,
        "coaching_team_staff": Decimal("7.30"),
        "coaching_team_cost": 380_212 + 3_208_366,
        "population_16_64": 101_560,
    },
    "Sydnärke": {
        "member_contributions": 5_300_000,
        **_costs("Sydnärke", 1_342_000),
        "participants": 131,
        "participants_new": 80,
        "participants_ended": 81,
        "ended_to_work_or_studies": 15,
        "ended_ready_for_regular": 32,
        "reception_team_staff": Decimal("1.75"),
        "reception_team_cost": 1_051_782,
        "coaching_team_staff": Decimal("5.05"),
        "coaching_team_cost": 1_827_867,
        "population_16_64": 31_520,
    },
    "Degerfors/Karlskoga": {
        "member_contributions": 5_600_000,
        **_costs("Degerfors/Karlskoga", 1_238_000),
        "participants": 243,
        "participants_new": 110,
        "participants_ended": 107,
        "ended_to_work_or_studies": 22,
        "ended_ready_for_regular": 15,
        "reception_team_staff": Decimal("0"),
        "reception_team_cost": 0,
        "coaching_team_staff": Decimal("9.25"),
        "coaching_team_cost": 5_238_570,
        "population_16_64": 23_140,
    },
    "SOFINT": {
        "member_contributions": 4_000_000,
        **_costs("SOFINT", 1_373_000),
        "participants": 73,
        "participants_new": 45,
        "participants_ended": 34,
        "ended_to_work_or_studies": 11,
        "ended_ready_for_regular": 18,
        "reception_team_staff": Decimal("1.20"),
        "reception_team_cost": 135_146,
        "coaching_team_staff": Decimal("2.75"),
        "coaching_team_cost": 1_584_100,
        "population_16_64": 25_940,
    },
}

# Degerfors/Karlskoga 2018: DEMO VALUES chosen so that 2018 ended with 118 participants
# (210 − 92) while 2019 began with 133 (243 − 110): the 15 more the review found (6.2).
# The allocation and the MUCF grant of 750 tkr (all used) are from 4.3; the administration
# share of 18 % from 7.1.
FOLLOW_UPS_2018: dict[str, Figures] = {
    "Degerfors/Karlskoga": {
        "member_contributions": 5_600_000,
        "cost_individual": 4_700_000,
        "cost_structural": 60_000,
        "cost_administration": 1_008_000,
        "participants": 210,
        "participants_new": 105,
        "participants_ended": 92,
        "ended_to_work_or_studies": 20,
        "ended_ready_for_regular": 12,
        "population_16_64": 23_100,
    },
}

# Corpus 4.3, "Extra medel": granted and used in kronor.
EXTRA_FUNDS = {
    ("Sydnärke", 2019): [finsam.ExtraFundsInput("Tillväxtverket", 1_100_000, 783_000)],
    ("Degerfors/Karlskoga", 2019): [finsam.ExtraFundsInput("MUCF", 527_000, 527_000)],
    ("Degerfors/Karlskoga", 2018): [finsam.ExtraFundsInput("MUCF", 750_000, 750_000)],
}


def finsam_load(report: LoadReport, body: Body) -> None:
    federations = {facts["short_name"]: _federation(report, body, facts) for facts in FEDERATIONS}
    for year, amounts in STATE_AMOUNTS.items():
        missing = {
            federations[short]: amount
            for short, amount in amounts.items()
            if not StateAllocation.objects.filter(federation=federations[short], year=year).exists()
        }
        if missing:
            finsam.state_allocations_record(actor=None, year=year, amounts=missing)
            for _ in missing:
                report.count("statens bidrag till samordningsförbund")
    _charter(report, federations["SOFINT"])
    for year, figures_by_federation in ((2018, FOLLOW_UPS_2018), (2019, FOLLOW_UPS_2019)):
        for short, figures in figures_by_federation.items():
            federation = federations[short]
            if FollowUp.objects.filter(federation=federation, year=year).exists():
                continue
            finsam.follow_up_record(
                actor=None,
                federation=federation,
                year=year,
                figures=dict(figures),
                extra_funds=EXTRA_FUNDS.get((short, year), []),
            )
            report.count("uppföljningar av samordningsförbund")


def _federation(report: LoadReport, body: Body, facts: FederationFacts) -> Federation:
    federation = Federation.objects.filter(body=body, short_name=facts["short_name"]).first()
    if federation is None:
        federation = finsam.federation_create(
            actor=None,
            body=body,
            name=facts["name"],
            short_name=facts["short_name"],
            aliases=facts["aliases"],
        )
        report.count("samordningsförbund")
    members = [(MemberKind.REGION, REGION), (MemberKind.SOCIAL_INSURANCE, FK)]
    members.append((MemberKind.EMPLOYMENT, AF))
    members += [(MemberKind.MUNICIPALITY, name) for name in facts["municipalities"]]
    for kind, name in members:
        member = FederationMember.objects.filter(federation=federation, name=name).first()
        if member is None:
            member = finsam.federation_member_add(
                actor=None, federation=federation, kind=kind, name=name
            )
            report.count("förbundsmedlemmar")
        if kind == MemberKind.MUNICIPALITY:
            _populations(report, member)
    if not BoardTerm.objects.filter(federation=federation, start=BOARD_TERM[0]).exists():
        seats, substitutes = facts["board"]
        finsam.board_term_create(
            actor=None,
            federation=federation,
            start=BOARD_TERM[0],
            end=BOARD_TERM[1],
            members=seats,
            substitutes=substitutes,
            qualified_majority=SOFINT_MAJORITY if facts["short_name"] == "SOFINT" else "",
        )
        report.count("styrelser i samordningsförbund")
    return federation


def _populations(report: LoadReport, member: FederationMember) -> None:
    for day, inhabitants in zip(POPULATION_DAYS, POPULATIONS[member.name], strict=True):
        if not Population.objects.filter(member=member, on=day).exists():
            finsam.population_record(actor=None, member=member, on=day, inhabitants=inhabitants)
            report.count("invånarantal")


def _charter(report: LoadReport, federation: Federation) -> None:
    charter = CharterVersion.objects.filter(federation=federation, case_number=CHARTER_CASE).first()
    if charter is None:
        charter = finsam.charter_propose(
            actor=None,
            federation=federation,
            title=CHARTER_TITLE,
            proposed_on=CHARTER_PROPOSED_ON,
            case_number=CHARTER_CASE,
        )
        report.count("förbundsordningar")
    for name, adopted_on in CHARTER_ADOPTIONS.items():
        member = FederationMember.objects.get(federation=federation, name=name)
        if not CharterAdoption.objects.filter(charter=charter, member=member).exists():
            finsam.charter_adopt(actor=None, charter=charter, member=member, adopted_on=adopted_on)
            report.count("antaganden av förbundsordning")
