"""Finding the persons a new name may already be: same full name and same party
(rules.namesake_key). Reads only; the forms and the CSV preview ask the user about them."""

from collections import defaultdict

from .models import Party, Person
from .rules import namesake_key

NamesakeIndex = dict[tuple[str, str], list[Person]]


def namesake_index() -> NamesakeIndex:
    """Every registered person under their namesake key (one query, for a whole CSV file).

    The key is compared in Python: the database's case-insensitive match is ASCII-only on
    SQLite, and "Åsa Öberg" must find "åsa öberg"."""
    index: NamesakeIndex = defaultdict(list)
    for person in Person.objects.select_related("party").order_by("pk"):
        code = person.party.code if person.party else None
        index[namesake_key(person.first_name, person.last_name, code)].append(person)
    return index


def namesakes_of(
    first_name: str,
    last_name: str,
    party: Party | None,
    *,
    exclude: int | None = None,
    index: NamesakeIndex | None = None,
) -> list[Person]:
    """The registered persons with this name and party (but not the person `exclude`)."""
    key = namesake_key(first_name, last_name, party.code if party else None)
    if index is None:
        candidates = Person.objects.filter(party=party).select_related("party").order_by("pk")
        found = [p for p in candidates if namesake_key(p.first_name, p.last_name, key[1]) == key]
    else:
        found = list(index.get(key, []))
    return [p for p in found if p.pk != exclude]


def namesake_question(found: list[Person]) -> str:
    """The question put to the user, in Swedish."""
    names = " och ".join(str(p) for p in found[:3])
    more = f" (och {len(found) - 3} till)" if len(found) > 3 else ""
    return (
        f"Det finns redan {names}{more} – är det samma person? Välj den befintliga personen "
        "eller ange att det är en ny person med samma namn."
    )
