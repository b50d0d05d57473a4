"""Text a user typed, made safe to store and to print: the one place that decides which
characters Kansli keeps (decision 0012).

Removed, by Unicode general category:
- Cc, control characters, except tab and line feed where a text may have several lines;
  CR LF, a lone CR, vertical tab, form feed, NEL and the line and paragraph separators
  (Zl, Zp) become a line feed there, and a space in a one-line text (as do tab and line feed);
- Cs, surrogates: never text on their own (a lone one cannot even be stored as UTF-8);
- Co, private use: no agreed meaning, no font draws them the same way;
- the 66 noncharacters (U+FDD0–U+FDEF and U+xFFFE, U+xFFFF of every plane).
Kept: every other category, Cf too (joiners build emoji and shape Arabic and Indic scripts,
direction marks order mixed right-to-left text, the soft hyphen marks where a word breaks),
and Cn, code points unassigned in this Python's Unicode version: a character added to Unicode
since (a new emoji) is the user's text all the same. The PDF renderer prints what no font
draws as a replacement mark (core.pdf), so a kept character never stops a PDF.
"""

import re

NEWLINE = "\n"

# Everything that ends a line, in the order of the longest match first.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Cc but tab and line feed, Cs, Co and the noncharacters. Unicode's stability policy fixes
# these sets for good, so they are written out (tests/core/test_text.py compares them with
# the Unicode database over the whole range).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_REMOVED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd" + _NONCHARACTERS + "]+"
)


def is_noncharacter(code_point: int) -> bool:
    return 0xFDD0 <= code_point <= 0xFDEF or (code_point & 0xFFFE) == 0xFFFE


def clean_text(value: str, *, multiline: bool = True) -> str:
    """`value` without the characters Kansli never keeps (see the module); line breaks made
    line feeds, or spaces when `multiline` is false."""
    if value.isascii() and value.isprintable():
        return value
    value = _LINE_BREAKS.sub(NEWLINE, value)
    if not multiline:
        value = value.replace("\n", " ").replace("\t", " ")
    return _REMOVED.sub("", value)
