"""The events index, an event page and the calendar files must not slow down as events pile up.

Builds the site in a scratch SQLite database (production settings, page cache off), then
grows the events to 10, 100 and 500 (half upcoming, half spread over past years, every
kind) and prints each address's server time and query count at each size.

    python bench/events.py [--sizes 10,100,500] [--requests 20]
"""

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.resource_index import measure, set_up  # noqa: E402

ADDRESSES = {
    "index": "/events/",
    "filtered": "/events/?kind=webinar&year=2020",
    "event page": "/events/global-summit-2022/",
    "event.ics": "/events/global-summit-2022/event.ics",
    "upcoming.ics": "/events/upcoming.ics",
}
KINDS = ["summit", "webinar", "meeting"]


def grow_events(size):
    """Add events until there are at least `size`; returns how many there are."""
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get()
    now = datetime.datetime.now(datetime.UTC).replace(minute=0, second=0, microsecond=0)
    existing = EventPage.objects.count()
    for number in range(existing, size):
        days = number if number % 2 else -number * 7
        start = now + datetime.timedelta(days=days)
        index.add_child(
            instance=EventPage(
                title=f"Generated event {number}",
                slug=f"generated-event-{number}",
                kind=KINDS[number % 3],
                start=start,
                end=start + datetime.timedelta(hours=2),
                time_zone="Europe/Brussels",
                city="Brussels",
                country="BE",
                introduction="A generated event, for measuring the events pages.",
            )
        )
    return EventPage.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,500", help="numbers of events to measure (default 10,100,500)")
    parser.add_argument("--requests", type=int, default=20, help="requests per address and size (default 20)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="events-") as workdir:
        print("Building the site in a scratch database…", flush=True)
        set_up(workdir)
        rows = []
        for size in sizes:
            print(f"  growing the events to {size}", flush=True)
            held = grow_events(size)
            for name, path in ADDRESSES.items():
                milliseconds, queries = measure(path, options.requests)
                rows.append((held, name, milliseconds, queries))

    print(f"\nEvents, server time (median of {options.requests}) and queries per request\n")
    print(f"| {'events':>6} | {'address':<12} | {'ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 8}|{'-' * 14}|{'-' * 9}|{'-' * 9}|")
    for size, name, milliseconds, queries in rows:
        print(f"| {size:>6} | {name:<12} | {milliseconds:>7.1f} | {queries:>7} |")


if __name__ == "__main__":
    main()
