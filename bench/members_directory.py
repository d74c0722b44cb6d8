"""The members directory must not slow down as it grows.

Builds the site in a scratch SQLite database (production settings, page cache off), then
grows the directory to 50 and 500 published members (every tenth with a logo) and prints
the directory's and the home page's server time and query count at each size.

    python bench/members_directory.py [--sizes 50,500] [--requests 20]
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.resource_index import measure, set_up  # noqa: E402

ADDRESSES = {
    "directory": "/members/",
    "filtered": "/members/?sector=government",
    "home": "/",
}


def grow_directory(size):
    """Add published members until the directory holds at least `size`; returns how many it holds."""
    from wagtail.images.tests.utils import get_test_image_file

    from members.models import Member
    from membership.models import OrganisationType
    from website.models import CustomImage

    sectors = OrganisationType.values
    existing = Member.objects.count()
    for number in range(existing, size):
        logo = None
        if number % 10 == 0:
            logo = CustomImage.objects.create(title=f"Logo {number}", file=get_test_image_file())
        member = Member.objects.create(
            name=f"Generated member {number}",
            sector=sectors[number % len(sectors)],
            country="GB" if number % 2 else "",
            region="" if number % 2 else "Worldwide",
            logo=logo,
            live=False,
        )
        member.save_revision().publish()
    return Member.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,500", help="directory sizes to measure (default 50,500)")
    parser.add_argument("--requests", type=int, default=20, help="requests per address and size (default 20)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="members-directory-") as workdir:
        print("Building the site in a scratch database…", flush=True)
        set_up(workdir)
        rows = []
        for size in [int(size) for size in options.sizes.split(",")]:
            print(f"  growing the directory to {size} members", flush=True)
            held = grow_directory(size)
            for name, path in ADDRESSES.items():
                milliseconds, queries = measure(path, options.requests)
                rows.append((held, name, milliseconds, queries))

    print(f"\nMembers directory, server time (median of {options.requests}) and queries per request\n")
    print(f"| {'members':>7} | {'view':<10} | {'ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 9}|{'-' * 12}|{'-' * 9}|{'-' * 9}|")
    for size, name, milliseconds, queries in rows:
        print(f"| {size:>7} | {name:<10} | {milliseconds:>7.1f} | {queries:>7} |")


if __name__ == "__main__":
    main()
