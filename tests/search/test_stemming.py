"""The analyser: inflected forms share a stem; stop words and noise are not indexed."""

from kansli.search.stemming import MAX_INDEXED_WORDS, index_stems, stem


def test_inflections_share_a_stem():
    for forms in (
        ("beslut", "beslutet", "besluten", "beslutade", "beslutar"),
        ("protokoll", "protokollet", "protokollen"),
        ("ärende", "ärendet", "ärenden"),
        ("sammanträde", "sammanträdet", "sammanträden"),
        ("utskott", "utskottet"),
        ("nämnd", "nämnden", "nämnder", "nämnderna"),
        ("handling", "handlingen", "handlingar", "handlingarna"),
    ):
        assert len({stem(form) for form in forms}) == 1, forms


def test_index_stems():
    assert index_stems("Protokollet och besluten, § 12!") == "protokoll beslut 12"
    assert index_stems("") == ""
    assert index_stems("a" * 65 + " beslut") == "beslut"
    assert index_stems("snake_case") == "snak cas"  # underscore separates words
    long = index_stems("ord " * (MAX_INDEXED_WORDS + 10))
    assert long.count(" ") + 1 == MAX_INDEXED_WORDS
