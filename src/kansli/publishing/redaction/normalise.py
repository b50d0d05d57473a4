"""The comparison key of a contact detail, for the allow list of public contacts."""

import re

from .email_address import plain_email

_PHONE_CHARS = re.compile(r"[\d\s()+\-‐‑–—./]+")
_NOT_DIGIT = re.compile(r"\D")
_WHITESPACE = re.compile(r"\s+")
# Markdown emphasis and commas do not tell two addresses apart: "Box 1613, 701 16 Örebro"
# is the same address as "Box 1613\n701 16 Örebro" and "**Box 1613**".
_ADDRESS_NOISE = re.compile(r"[,*_]")


def normalise_contact(value: str) -> str:
    """The key under which a contact detail is compared with the allow list.

    An e-mail address (anything with "@" or "(at)"): lower-cased, an obfuscated "(at)"/"(dot)"
    written plainly. A telephone number (only digits, spaces, dashes, brackets and "+", at
    least 7 digits): the digits, with a leading +46/0046 and a "(0)" after it made into 0.
    Anything else, an address: lower-cased, commas and Markdown emphasis dropped, whitespace
    collapsed to one space."""
    value = value.strip()
    email = plain_email(value)
    if "@" in email and not _WHITESPACE.search(email):
        return email
    if _PHONE_CHARS.fullmatch(value) and len(_NOT_DIGIT.sub("", value)) >= 7:
        phone = value.replace("(0)", "")
        digits = _NOT_DIGIT.sub("", phone)
        if phone.startswith("+"):
            digits = "0" + digits.removeprefix("46") if digits.startswith("46") else digits
        elif digits.startswith("0046"):
            digits = "0" + digits.removeprefix("0046")
        return digits
    return _WHITESPACE.sub(" ", _ADDRESS_NOISE.sub(" ", value)).strip().lower()
