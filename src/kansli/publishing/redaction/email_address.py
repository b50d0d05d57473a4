"""E-mail addresses, also with Swedish letters and written as "namn(at)region.se"."""

import re

from .findings import Finding, Kind

# Atomic: what is taken as the local part is not given back (no backtracking, fast on prose).
_LOCAL = r"(?>[\w!#$%&'+/=?^`~-]+(?:\.[\w!#$%&'+/=?^`~-]+)*)"
_S = r"[ \t\u00a0]"  # a space on the same line
# "@", or "at"/"snabel-a"/"a" in brackets, with or without spaces: "namn [at] region.se".
_AT = rf"(?:{_S}?@{_S}?|{_S}?[(\[{{<]{_S}?(?:at|AT|snabel-a|a){_S}?[)\]}}>]{_S}?)"
_DOT = rf"(?:\.|{_S}?[(\[{{<]{_S}?(?:dot|punkt){_S}?[)\]}}>]{_S}?)"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_PATTERN = re.compile(
    rf"(?<![\w!#$%&'+/=?^`~.-]){_LOCAL}{_AT}(?:{_LABEL}{_DOT})+[^\W\d_]{{2,}}(?![\w-])"
)


def find_email_addresses(text: str) -> list[Finding]:
    """E-mail addresses in `text`: local part @ domain, where the domain ends in a top-level
    domain of letters. Also obfuscated forms "namn(at)region.se", "namn [at] region.se" and
    "namn@region(dot)se". A bare "@" in prose ("möte @ 10") and "namn@localhost" are not found."""
    return [Finding(Kind.EMAIL, m.group(), m.start(), m.end()) for m in _PATTERN.finditer(text)]


_AT_ONLY = re.compile(_AT)
_DOT_ONLY = re.compile(rf"{_S}?[(\[{{<]{_S}?(?:dot|punkt){_S}?[)\]}}>]{_S}?")


def plain_email(value: str) -> str:
    """An e-mail address plainly and in lower case: "Namn (at) Region.se" -> "namn@region.se"."""
    value = _AT_ONLY.sub("@", value.strip(), count=1)
    return _DOT_ONLY.sub(".", value).lower()
