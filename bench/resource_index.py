"""The resource library must not slow down as it grows.

Builds the site in a scratch SQLite database (production settings, page cache off), then
grows the library to 10, 500 and 5,000 resources (each with a topic, a capability and a
download) and prints the filtered index's server time and query count at each size.

    python bench/resource_index.py [--sizes 10,500,5000] [--requests 20]
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import production_environment  # noqa: E402

ADDRESSES = {
    "unfiltered": "/resources/",
    "filtered": "/resources/?type=report&language=en",
    "keyword": "/resources/?q=threat",
}


def set_up(workdir):
    os.environ.update(production_environment(workdir, PAGE_CACHE=0))
    import django

    django.setup()
    from django.core.management import call_command

    quiet = open(os.devnull, "w")
    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("load_initial_content", stdout=quiet)


def grow_library(size):
    """Add resources until the library holds at least `size`; returns how many it holds."""
    from wagtail.documents.models import Document

    from resources.models import CapabilityPage, ResourceDocument, ResourceIndexPage, ResourcePage

    library = ResourceIndexPage.objects.get()
    capabilities = list(CapabilityPage.objects.all())
    document = Document.objects.first()
    existing = ResourcePage.objects.count()
    for number in range(existing, size):
        resource = ResourcePage(
            title=f"Generated report {number}",
            slug=f"generated-report-{number}",
            resource_type="report" if number % 2 else "briefing",
            publication_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=number % 5000),
            summary="A generated publication about protecting children online, for measuring the library.",
        )
        library.add_child(instance=resource)
        resource.topics.add("generated", f"topic {number % 12}")
        resource.related_capabilities.add(capabilities[number % len(capabilities)])
        ResourceDocument.objects.create(page=resource, document=document, language="en")
        if number % 500 == 499:
            print(f"    {number + 1} resources", flush=True)
    return ResourcePage.objects.count()


def measure(path, requests):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # warm: templates, fragments
    timings = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,500,5000", help="library sizes to measure (default 10,500,5000)")
    parser.add_argument("--requests", type=int, default=20, help="requests per address and size (default 20)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="resource-index-") as workdir:
        print("Building the site in a scratch database…", flush=True)
        set_up(workdir)
        rows = []
        for size in sizes:
            print(f"  growing the library to {size} resources", flush=True)
            held = grow_library(size)
            for name, path in ADDRESSES.items():
                milliseconds, queries = measure(path, options.requests)
                rows.append((held, name, milliseconds, queries))

    print(f"\nResource index, server time (median of {options.requests}) and queries per request\n")
    print(f"| {'resources':>9} | {'view':<10} | {'ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 11}|{'-' * 12}|{'-' * 9}|{'-' * 9}|")
    for size, name, milliseconds, queries in rows:
        print(f"| {size:>9} | {name:<10} | {milliseconds:>7.1f} | {queries:>7} |")


if __name__ == "__main__":
    main()
