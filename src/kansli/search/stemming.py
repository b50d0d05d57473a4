"""The one analyser of the search index: words, Swedish stems and stop words.

Both backends index and query the stems made here (SQLite FTS5 holds them as text, PostgreSQL
as a tsvector built from them), so a query finds the same entries on either database, and the
snippets highlight exactly the words the index matched.

Stems come from the Snowball Swedish algorithm (the `snowballstemmer` package) with one
addition: Snowball leaves the definite neuter "-et" on words such as "protokollet", "ärendet"
and "utskottet", so a search for "protokollet" would not find "protokoll". A Snowball stem that
still ends in "-et" (word of six letters or more) is stemmed again without it. The addition
conflates a few unrelated words ("budget" and "budg…"); that only widens a search a little.
"""

import re
import threading
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# Letters and digits (any script); underscore and everything else separate words.
WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (hashes, runs of letters from a broken PDF): never indexed or searched.
MAX_WORD_LENGTH = 64
# An entry is indexed up to this many words and characters of stems (PostgreSQL's tsvector
# holds at most 1 MB; a long PDF still gets its first ~100 pages indexed).
MAX_INDEXED_WORDS = 50_000
MAX_INDEXED_CHARS = 500_000

# Snowball's Swedish stop-word list (the same as PostgreSQL's swedish.stop): never indexed.
_STOP_LIST = """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
    några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
    vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_local = threading.local()


def _snowball(word: str) -> str:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:  # Snowball stemmers keep state: one per thread
        stemmer = _local.stemmer = snowballstemmer.stemmer("swedish")
    result: str = stemmer.stemWord(word)
    return result


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one lower-case word."""
    result = _snowball(word)
    if len(word) >= 6 and result.endswith("et") and len(result) >= 6:
        result = _snowball(result[:-2])
    return result


def words(text: str) -> Iterator[str]:
    """The lower-case words of a text, too long ones left out."""
    for match in WORD.finditer(text):
        word = match.group().lower()
        if len(word) <= MAX_WORD_LENGTH:
            yield word


def index_stems(text: str) -> str:
    """A text as the index holds it: its stems in order, stop words left out, space-separated,
    at most MAX_INDEXED_WORDS words and MAX_INDEXED_CHARS characters."""
    out: list[str] = []
    size = 0
    for word in words(text):
        if word in STOP_WORDS:
            continue
        stemmed = stem(word)
        size += len(stemmed) + 1
        if len(out) >= MAX_INDEXED_WORDS or size > MAX_INDEXED_CHARS:
            break
        out.append(stemmed)
    return " ".join(out)
