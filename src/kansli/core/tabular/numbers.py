"""Numbers as Swedes write them: "1 234" (a space, no-break space or thin space between the
thousands), "1234,50" (a decimal comma), "-12" or "−12" (the minus sign), with "kr" or "%"
after if wanted. Integers and exact Decimals; a number that cannot be read safely is refused
with a Swedish message rather than guessed at ("1.234" may be a thousand or one)."""

import re
from decimal import Decimal

# A space, a no-break space, a thin space and a narrow no-break space between thousands.
GROUP_SEPARATORS = " \u00a0\u2009\u202f"
MINUS_SIGNS = "-−–"  # hyphen-minus, the minus sign, and the en dash word processors put in
SUFFIXES = ("kr", "%")
MAX_DIGITS = 28

_SEP = f"[{GROUP_SEPARATORS}]"
_PLAIN = re.compile(r"[0-9]+")
_GROUPED = re.compile(rf"[0-9]{{1,3}}(?:{_SEP}[0-9]{{3}})+")
_ANY_SPACE = re.compile(rf"{_SEP}+")
_POINT_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
# "1,234,567" or "1,234.50": English thousands, never a Swedish decimal comma
_COMMA_THOUSANDS = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+"
)
_EXAMPLES = "Skriv till exempel 1 234 eller 1234,50."


class NumberError(ValueError):
    """A cell that is not a number; the message is Swedish and names the cell's text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def parse_decimal(
    text: str, *, places: int | None = None, suffixes: tuple[str, ...] = SUFFIXES
) -> Decimal:
    """ "1 234,50 kr" → Decimal("1234.50"); at most `places` decimals when given."""
    original = text.strip()
    sign, integer, fraction = _parts(original, suffixes)
    if places is not None and len(fraction) > places:
        allowed = "inga decimaler" if places == 0 else f"högst {places}"
        raise NumberError(f"”{_shown(original)}” har för många decimaler ({allowed}).")
    return Decimal(f"{sign}{integer}.{fraction}" if fraction else f"{sign}{integer}")


def parse_integer(text: str, *, suffixes: tuple[str, ...] = SUFFIXES) -> int:
    """ "1 234" → 1234, "−12" → -12; a number with decimals is refused, unless they are
    zeros ("1 234,00")."""
    original = text.strip()
    sign, integer, fraction = _parts(original, suffixes)
    if fraction.strip("0"):
        raise NumberError(f"”{_shown(original)}” är inget heltal.")
    return int(f"{sign}{integer}")


def _parts(text: str, suffixes: tuple[str, ...]) -> tuple[str, str, str]:
    """The sign ("" or "-"), the integer digits and the decimal digits of a number."""
    if not text:
        raise NumberError("Talet saknas.")
    body = text
    for suffix in suffixes:
        if body.casefold().endswith(suffix.casefold()):
            body = body[: -len(suffix)].rstrip(GROUP_SEPARATORS)
            break
    sign = ""
    if body and body[0] in MINUS_SIGNS:
        sign, body = "-", body[1:].lstrip(GROUP_SEPARATORS)
    elif body.startswith("+"):
        body = body[1:].lstrip(GROUP_SEPARATORS)
    integer, fraction = _split_decimals(text, body)
    if _PLAIN.fullmatch(integer):
        digits = integer
    elif _GROUPED.fullmatch(integer):
        digits = _ANY_SPACE.sub("", integer)
    elif _PLAIN.fullmatch(_ANY_SPACE.sub("", integer)):
        raise NumberError(
            f"”{_shown(text)}” är inget tal: skriv tusental i grupper om tre siffror, till "
            "exempel 1 234 567."
        )
    else:
        raise NumberError(f"”{_shown(text)}” är inget tal. {_EXAMPLES}")
    if fraction and not _PLAIN.fullmatch(fraction):
        raise NumberError(f"”{_shown(text)}” är inget tal. {_EXAMPLES}")
    if len(digits) + len(fraction) > MAX_DIGITS:
        raise NumberError(f"”{_shown(text)}” är för stort.")
    return sign, digits.lstrip("0") or "0", fraction


def _split_decimals(text: str, body: str) -> tuple[str, str]:
    """The integer and decimal parts: a decimal comma, or a point where it cannot be a
    thousands separator."""
    if _COMMA_THOUSANDS.fullmatch(body):
        raise NumberError(
            f"”{_shown(text)}” har komma mellan tusentalen. Skriv tusental med mellanslag och "
            "decimaler med komma: 1 234 567 eller 1234,50."
        )
    if "," in body:
        if "." in body or body.count(",") > 1:
            raise NumberError(f"”{_shown(text)}” är inget tal. {_EXAMPLES}")
        integer, _, fraction = body.partition(",")
        return integer, fraction
    if "." in body:
        if _POINT_THOUSANDS.fullmatch(body):
            raise NumberError(
                f"”{_shown(text)}” kan vara både tusental och decimaler. Skriv 1 234 för ett "
                "heltal och 1,234 för decimaler."
            )
        if body.count(".") > 1:
            raise NumberError(f"”{_shown(text)}” är inget tal. {_EXAMPLES}")
        integer, _, fraction = body.partition(".")
        return integer, fraction
    return body, ""
