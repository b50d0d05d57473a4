"""Benchmark: the search index with a million synthetic public texts, on SQLite FTS5 and on
PostgreSQL full-text search.

`python -m bench.search [--documents N] [--database-url URL]` loads N documents into a database
of its own (a temporary SQLite file, or `kansli_bench_search` on the PostgreSQL server of URL,
created and dropped again), then times a few hundred realistic queries through the search
selector (hits, count and snippets, as the page gets them), and prints its figures with a JSON
line last. Without a URL (and without KANSLI_TEST_DATABASE_URL) it runs both databases, each in
a child process, and prints them side by side with ratios; bench/__main__.py does the same.

The texts are Swedish-like: words drawn with a Zipf distribution from real administrative
Swedish (nouns, verbs and adjectives in their inflections, stop words, compounds for a long
tail, place names and years), in sentences. Sizes (words of text, besides a 4–12-word title):

    88 %  summaries and short items   40–200 words (most near the lower end)
    11 %  memos and minutes           300–900 words
     1 %  PDFs                        2 000–5 000 words

about 190 words per document on average: 191 M words, 1.9 GB of text for a million documents.

Measured here (2 cores, PostgreSQL 15, SQLite 3.40, other work running beside it):

    1 000 000 documents   indexing               300 queries p50 / p95 / p99
    SQLite FTS5           263 s = 3 796 doc/s    4.8 / 13.5 / 22.4 ms
    PostgreSQL            597 s = 1 674 doc/s   13.5 / 35.0 / 39.4 ms

The whole run takes about 10 minutes for SQLite and 17 for PostgreSQL (the generation of the
texts is not counted in the indexing rate).
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.test")

ROOT = Path(__file__).resolve().parents[1]
BENCH_DATABASE = "kansli_bench_search"
QUERIES = 300
WARMUP = 60
ORGANIZATIONS = [
    "Regionfullmäktige",
    "Regionstyrelsen",
    "Hälso- och sjukvårdsnämnden",
    "Kulturnämnden",
    "Trafiknämnden",
    "Tandvårdsnämnden",
    "Regionala utvecklingsnämnden",
    "Revisionen",
    "Patientnämnden",
    "Regionstyrelsens arbetsutskott",
    "Samverkansnämnden",
    "Miljönämnden",
]
KEYS = {
    "handling": "document",
    "paragraf": "paragraph",
    "arende": "case",
    "sammantrade": "meeting",
    "pm": "memo",
}
KINDS = ["handling", "handling", "handling", "paragraf", "paragraf", "arende", "sammantrade", "pm"]

# Lemmas with their forms, roughly most common first (the draw is Zipf over this order).
NOUNS = """
beslut beslutet besluten besluts|ärende ärendet ärenden ärendena|nämnd nämnden nämnder nämnderna
protokoll protokollet protokollen|budget budgeten budgetar|region regionen regionens|förslag
förslaget förslagen|verksamhet verksamheten verksamheter|kostnad kostnaden kostnader kostnaderna
styrelse styrelsen styrelsens|handling handlingen handlingar handlingarna|sammanträde sammanträdet
sammanträden|yttrande yttrandet yttranden|uppdrag uppdraget uppdragen|förvaltning förvaltningen
förvaltningar|motion motionen motioner|plan planen planer planerna|rapport rapporten rapporter|
skrivelse skrivelsen skrivelser|avtal avtalet avtalen|ekonomi ekonomin|investering investeringen
investeringar|utredning utredningen utredningar|uppföljning uppföljningen|vård vården|patient
patienten patienter patienterna|kommun kommunen kommuner kommunerna|fullmäktige fullmäktiges|
ledamot ledamoten ledamöter ledamöterna|ersättare ersättaren ersättarna|ordförande ordföranden|
upphandling upphandlingen upphandlingar|remiss remissen remisser|svar svaret|mål målet målen|
resultat resultatet|år året åren|miljon miljoner|kronor|avgift avgiften avgifter|taxa taxan taxor|
bidrag bidraget bidragen|förening föreningen föreningar|fastighet fastigheten fastigheter|lokal
lokalen lokaler|personal personalen|medarbetare medarbetarna|trafik trafiken|kollektivtrafik
kollektivtrafiken|buss bussen bussar|tåg tåget|väg vägen vägar|cykelväg cykelvägen cykelvägar|
miljö miljön|klimat klimatet|energi energin|hälsa hälsan|sjukhus sjukhuset|vårdcentral
vårdcentralen vårdcentraler|tandvård tandvården|kultur kulturen|bibliotek biblioteket|idrott
idrotten|anläggning anläggningen anläggningar|skola skolan skolor|utbildning utbildningen|elev
eleven elever|barn barnen|ungdom ungdomar|äldreomsorg äldreomsorgen|socialtjänst socialtjänsten|
bostad bostaden bostäder|detaljplan detaljplanen detaljplaner|bygglov bygglovet|tillstånd
tillståndet|tillsyn tillsynen|överklagande överklagandet|dom domen|länsstyrelse länsstyrelsen|
regering regeringen|lag lagen lagar|skatt skatten skatter|ram ramen ramar|underskott
underskottet|överskott överskottet|intäkt intäkter|revision revisionen|revisor revisorerna|
årsredovisning årsredovisningen|delårsrapport delårsrapporten|reglemente reglementet|riktlinje
riktlinjer riktlinjerna|policy policyn|program programmet|strategi strategin|digitalisering
digitaliseringen|system systemet|säkerhet säkerheten|krisberedskap krisberedskapen|
räddningstjänst räddningstjänsten|avfall avfallet|vatten vattnet|avlopp avloppet|park parken|
gata gatan gator|parkering parkeringen|hamn hamnen|näringsliv näringslivet|företag företaget
företagen|arbetsmarknad arbetsmarknaden|integration integrationen|jämställdhet jämställdheten|
tillgänglighet tillgängligheten|landsbygd landsbygden|tätort tätorten|invånare invånarna|
medborgarförslag medborgarförslaget|interpellation interpellationen|fråga frågan frågor|
delegation delegationen|delegationsordning delegationsordningen|paragraf paragrafen|justering
justeringen|anslag anslaget|kallelse kallelsen|dagordning dagordningen|bilaga bilagan bilagor|
""".replace("\n", " ")
VERBS = """
besluta beslutar beslutade beslutat|föreslå föreslår föreslog föreslagit|godkänna godkänner
godkände godkänt|anta antar antog antagit|avslå avslår avslog avslagit|bifalla bifaller biföll
bifallit|fastställa fastställer fastställde fastställt|redovisa redovisar redovisade redovisat|
genomföra genomför genomförde genomfört|öka ökar ökade ökat|minska minskar minskade minskat|
behandla behandlar behandlade behandlat|besvara besvarar besvarade besvarat|uppdra uppdrar
uppdrog uppdragit|anmäla anmäler anmälde anmält|återremittera återremitterar återremitterade|
yttra yttrar yttrade|överlämna överlämnar överlämnade|justera justerar justerade justerat|
expediera expedierar expedierade|bevilja beviljar beviljade beviljat|fördela fördelar fördelade|
investera investerar investerade|upphandla upphandlar upphandlade|utreda utreder utredde utrett|
ansöka ansöker ansökte|delegera delegerar delegerade|
""".replace("\n", " ")
ADJECTIVES = """
ny nya nytt|kommunal kommunala kommunalt|regional regionala regionalt|ekonomisk ekonomiska
ekonomiskt|särskild särskilda särskilt|gemensam gemensamma gemensamt|långsiktig långsiktiga|
hållbar hållbara hållbart|total totala totalt|årlig årliga årligen|offentlig offentliga|statlig
statliga|tillfällig tillfälliga|ordinarie|övrig övriga|befintlig befintliga|planerad planerade|
ändrad ändrade ändrat|utökad utökade|reviderad reviderade|
""".replace("\n", " ")
STOP = """och att i på för med om till av som det en ett den är har ska kan inte de från vid
under efter samt enligt genom inom mellan även vilket detta denna""".split()  # noqa: SIM905
PLACES = """Örebro Karlskoga Lindesberg Kumla Hallsberg Askersund Nora Laxå Degerfors Lekeberg
Storgatan Drottninggatan Kungsgatan Järnvägsgatan Skolgatan Hamngatan""".split()  # noqa: SIM905
# Compounds for the long tail: two parts (~2 000 words) and three parts (~90 000 words).
PREFIXES = """skol vård trafik miljö bygg kultur fritids social bostads vatten energi avfall
personal ekonomi hälso region kommun samhälls rese tand barn ungdoms äldre folkhälso friluft
cykel buss väg gång park idrotts biblioteks musik konst turism närings arbets utbildnings
integrations klimat natur skogs jordbruks livsmedels djur säkerhets kris brand""".split()  # noqa: SIM905
SUFFIXES = """nämnden frågor plan planen avgift avgifter lokal lokaler ärende ärenden område
områden strategi program rapport bidrag verksamhet verksamheten stöd investering organisation
projekt projektet policy riktlinjer samverkan utredning utredningen tillsyn insatser satsning
satsningen enheten avdelningen kostnader budget budgeten mål uppdrag uppdraget råd rådet
chef""".split()  # noqa: SIM905


def _lemmas(text: str) -> list[list[str]]:
    return [group.split() for group in text.split("|") if group.strip()]


def _zipf(items: list, exponent: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for items in order."""
    total, out = 0.0, []
    for rank in range(1, len(items) + 1):
        total += 1 / rank**exponent
        out.append(total)
    return out


class Generator:
    """Deterministic Swedish-like documents (seeded)."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        nouns = [w for lemma in _lemmas(NOUNS) for w in lemma]
        verbs = [w for lemma in _lemmas(VERBS) for w in lemma]
        adjectives = [w for lemma in _lemmas(ADJECTIVES) for w in lemma]
        compounds = [p + s for p in PREFIXES for s in SUFFIXES]
        self.random.shuffle(compounds)
        tail = [p + q + s for p in PREFIXES for q in PREFIXES if p != q for s in SUFFIXES]
        self.random.shuffle(tail)
        # Content words: interleave the classes so the Zipf head holds each kind.
        content: list[str] = []
        for index in range(max(len(nouns), len(verbs), len(adjectives))):
            for words in (nouns, nouns, verbs, adjectives):
                if index < len(words):
                    content.append(words[index])
        content += PLACES + [str(year) for year in range(2010, 2026)] + compounds + tail
        self.content = content
        self.content_weights = _zipf(content, 1.0)
        self.stop = STOP
        self.stop_weights = _zipf(STOP, 1.0)
        self.nouns = nouns + compounds

    def _words(self, count: int) -> list[str]:
        r = self.random
        stops = r.choices(self.stop, cum_weights=self.stop_weights, k=count)
        content = r.choices(self.content, cum_weights=self.content_weights, k=count)
        flips = r.choices((0, 1), weights=(35, 65), k=count)
        return [content[i] if flips[i] else stops[i] for i in range(count)]

    def text(self, count: int) -> str:
        words = self._words(count)
        sentences, position = [], 0
        while position < count:
            length = self.random.randint(8, 20)
            sentence = words[position : position + length]
            position += length
            sentence[0] = sentence[0].capitalize()
            sentences.append(" ".join(sentence) + ".")
        return " ".join(sentences)

    def title(self) -> str:
        r = self.random
        head = r.choice(self.nouns[:60]).capitalize()
        rest = r.choices(self.content, cum_weights=self.content_weights, k=r.randint(3, 11))
        return " ".join([head, "om", *rest])

    def size(self) -> int:
        r = self.random
        roll = r.random()
        if roll < 0.88:
            return 40 + int(160 * r.random() ** 2)
        if roll < 0.99:
            return r.randint(300, 900)
        return r.randint(2000, 5000)


def documents(count: int, organization_ids: list[int], seed: int = 1):
    """IndexItems in publication order (dates rising from 2010)."""
    from kansli.search.services import IndexItem

    generator = Generator(seed)
    start = datetime.date(2010, 1, 1)
    span = (datetime.date(2025, 12, 31) - start).days
    for n in range(count):
        kind = generator.random.choice(KINDS)
        yield IndexItem(
            key=f"{KEYS[kind]}:{n}",
            kind=kind,
            title=generator.title(),
            text=generator.text(generator.size()),
            url=f"/insyn/{n}/",
            date=start + datetime.timedelta(days=span * n // max(count, 1)),
            organization_id=generator.random.choice(organization_ids),
        )


def queries(count: int, organization_ids: list[int], seed: int = 2) -> list[dict]:
    """Realistic queries: 1–3 words (inflected forms, some rare), some phrases, some filters."""
    generator = Generator(seed)
    r = generator.random
    out = []
    for _ in range(count):
        roll = r.random()
        if roll < 0.12:  # a phrase from a real sentence of the generator
            words = [w for w in generator.text(40).lower().replace(".", "").split()]
            words = [w for w in words if w not in STOP]
            at = r.randrange(len(words) - 1)
            text = f'"{words[at]} {words[at + 1]}"'
        else:
            size = r.choices((1, 2, 3), weights=(45, 40, 15))[0]
            # Searchers pick distinctive words: common, middling and rare ones.
            ranges = [(0, 300), (300, 5000), (5000, len(generator.content))]
            picks = r.choices(ranges, weights=(30, 40, 30), k=size)
            text = " ".join(generator.content[r.randrange(*span)] for span in picks)
        query: dict = {"query": text}
        if r.random() < 0.25:
            which = r.random()
            if which < 0.4:
                query["organization_id"] = r.choice(organization_ids)
            elif which < 0.7:
                query["kinds"] = [r.choice(KINDS)]
            else:
                year = r.randint(2010, 2025)
                query["date_from"] = datetime.date(year, 1, 1)
                query["date_to"] = datetime.date(year, 12, 31)
        out.append(query)
    return out


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _point_django_at(url: str) -> str:
    """Make the bench's own database the default one (before django.setup()): a new
    `kansli_bench_search` on the PostgreSQL server of url, or a new SQLite file. Returns what
    to drop afterwards."""
    if url:
        import psycopg

        admin = psycopg.connect(url, autocommit=True)
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}"')
        admin.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
        admin.close()
        own = urllib.parse.urlsplit(url)._replace(path=f"/{BENCH_DATABASE}").geturl()
        os.environ["KANSLI_TEST_DATABASE_URL"] = own
        return url
    folder = tempfile.mkdtemp(prefix="kansli-bench-search-")
    os.environ["KANSLI_TEST_DATABASE_URL"] = f"sqlite:///{folder}/search.sqlite3"
    return folder


def _drop(url: str, what: str) -> None:
    from django.db import connections

    connections.close_all()
    if url:
        import psycopg

        admin = psycopg.connect(url, autocommit=True)
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}"')
        admin.close()
    else:
        import shutil

        shutil.rmtree(what, ignore_errors=True)


def run_one(count: int, url: str, keep: bool = False) -> dict:
    import django

    what = _point_django_at(url)
    django.setup()
    from django.db import connection

    print(f"Databas: {connection.vendor} {connection.settings_dict['NAME']}", file=sys.stderr)
    try:
        return _measure(count)
    finally:
        if keep:
            print(f"Databasen finns kvar: {BENCH_DATABASE if url else what}", file=sys.stderr)
        else:
            _drop(url, what)


def _measure(count: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from kansli.people.services import body_create, organization_create
    from kansli.search.selectors import search
    from kansli.search.services import search_index_many

    call_command("migrate", verbosity=0)
    body = body_create(actor=None, name="Region Bench", case_number_format="{YY}{SERIES}{N}")
    organization_ids = [
        organization_create(actor=None, body=body, name=name, kind="namnd").pk
        for name in ORGANIZATIONS
    ]
    vendor = connection.vendor
    print(f"{vendor}: indexerar {_n(count)} dokument …", file=sys.stderr)

    size = {"bytes": 0, "words": 0}
    # Only the indexing is timed: each batch of texts is generated first.
    load_seconds = 0.0
    chunk = 20_000
    iterator = documents(count, organization_ids)
    indexed = 0
    while batch := [item for _, item in zip(range(chunk), iterator, strict=False)]:
        for item in batch:
            size["bytes"] += len(item.title.encode()) + len(item.text.encode())
            size["words"] += item.text.count(" ") + item.title.count(" ") + 2
        start = time.perf_counter()
        indexed += search_index_many(items=batch)
        load_seconds += time.perf_counter() - start
        print(f"  {indexed:>9} dokument, {load_seconds:7.1f} s", file=sys.stderr, flush=True)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM ANALYZE search_searchentry")
    finish_seconds = time.perf_counter() - start
    index_seconds = load_seconds + finish_seconds

    workload = queries(QUERIES + WARMUP, organization_ids)
    for query in workload[:WARMUP]:
        search(viewer=None, **query)
    latencies, hits, empty = [], [], 0
    plain, filtered = [], []
    for query in workload[WARMUP:]:
        start = time.perf_counter()
        page = search(viewer=None, **query)
        ms = (time.perf_counter() - start) * 1000
        latencies.append(ms)
        (filtered if len(query) > 1 else plain).append(ms)
        hits.append(page.total)
        empty += page.total == 0
    slowest = sorted(zip(latencies, workload[WARMUP:], strict=True), key=lambda x: -x[0])[:5]
    return {
        "vendor": vendor,
        "documents": count,
        "megabytes": size["bytes"] / 1e6,
        "words": size["words"],
        "load_seconds": load_seconds,
        "finish_seconds": finish_seconds,
        "index_seconds": index_seconds,
        "documents_per_second": count / index_seconds,
        "megabytes_per_second": size["bytes"] / 1e6 / index_seconds,
        "queries": len(latencies),
        "p50_ms": statistics.median(latencies),
        "p95_ms": _percentile(latencies, 0.95),
        "p99_ms": _percentile(latencies, 0.99),
        "max_ms": max(latencies),
        "p95_plain_ms": _percentile(plain, 0.95),
        "p95_filtered_ms": _percentile(filtered, 0.95) if filtered else 0.0,
        "median_hits": statistics.median(hits),
        "empty_results": empty,
        "slowest": [{"ms": round(ms, 1), **_jsonable(q)} for ms, q in slowest],
    }


def _jsonable(query: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in query.items()}


def _n(value: float) -> str:
    """A number with Swedish digit grouping."""
    return f"{value:,.0f}".replace(",", "\u00a0")


def describe(result: dict) -> None:
    """Print one backend's figures."""
    print(
        f"  {result['vendor']:<11} {_n(result['documents'])} dokument "
        f"({_n(result['megabytes'])} MB, {_n(result['words'] / 1e6)} M ord) på "
        f"{_n(result['index_seconds'])} s (varav slutoptimering {_n(result['finish_seconds'])} s)"
        f" = {_n(result['documents_per_second'])} dokument/s, "
        f"{result['megabytes_per_second']:.1f} MB/s"
    )
    print(
        f"  {'':<11} {result['queries']} sökningar: p50 {result['p50_ms']:.1f} ms, "
        f"p95 {result['p95_ms']:.1f} ms (utan filter {result['p95_plain_ms']:.1f}, "
        f"med filter {result['p95_filtered_ms']:.1f}), p99 {result['p99_ms']:.1f} ms, "
        f"max {result['max_ms']:.1f} ms; median {result['median_hits']:.0f} träffar, "
        f"{result['empty_results']} utan träff"
    )


def report(sqlite: dict, postgresql: dict) -> None:
    """Both backends side by side, with ratios (PostgreSQL / SQLite)."""
    print(f"Sökindex, {_n(sqlite['documents'])} syntetiska dokument:")
    describe(sqlite)
    describe(postgresql)
    print(
        "  kvot PostgreSQL/SQLite: indexering (dokument/s) "
        f"{postgresql['documents_per_second'] / sqlite['documents_per_second']:.2f}, "
        f"p50 {postgresql['p50_ms'] / sqlite['p50_ms']:.2f}, "
        f"p95 {postgresql['p95_ms'] / sqlite['p95_ms']:.2f}"
    )
    for result in (sqlite, postgresql):
        verdict = "under" if result["p95_ms"] < 30 else "ÖVER"
        print(f"  mål p95 < 30 ms: {result['vendor']} {verdict} ({result['p95_ms']:.1f} ms)")


def _child(count: int, url: str) -> dict:
    env = dict(os.environ, KANSLI_TEST_DATABASE_URL=url)
    process = subprocess.run(
        [sys.executable, "-m", "bench.search", "--documents", str(count), "--database-url", url],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(process.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Sökindexets prestanda på SQLite och PostgreSQL")
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("KANSLI_TEST_DATABASE_URL"),
        help="'' för SQLite, en postgres://-adress för PostgreSQL; utan: båda",
    )
    parser.add_argument(
        "--keep", action="store_true", help="låt benchmarkens databas finnas kvar efteråt"
    )
    arguments = parser.parse_args()
    if arguments.database_url is None:
        postgres = subprocess.run(
            [str(ROOT / "scripts/ensure-postgres.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
        sqlite = _child(arguments.documents, "")
        postgresql = _child(arguments.documents, postgres)
        report(sqlite, postgresql)
        print(json.dumps({"sqlite": sqlite, "postgresql": postgresql}))
        return
    result = run_one(arguments.documents, arguments.database_url, arguments.keep)
    describe(result)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
