"""Server time of single pages, in-process (Django's test client, no network): the median and
the fastest of REPEAT requests after one warm-up, and the queries of one request. Run by
bench.portal against its demo database (its environment selects settings and database);
prints one JSON line: {name: {"median_ms", "min_ms", "queries"}}.

    python -m bench.page_times NAME=URL … [--user USERNAME] [--repeat 50]
"""

import argparse
import json
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="+", help="NAME=URL; a NAME starting with member_ logs in")
    parser.add_argument("--user", default="ledamot")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from kansli.core.models import User

    anonymous, member = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    member.force_login(User.objects.get(username=args.user))
    results = {}
    for page in args.pages:
        name, url = page.split("=", 1)
        client = member if name.startswith("member_") else anonymous
        assert client.get(url).status_code == 200, url
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            client.get(url)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        results[name] = {
            "median_ms": statistics.median(times) * 1000,
            "min_ms": min(times) * 1000,
            "queries": count,
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
