"""Many people sending the membership form at the same moment: nothing may be lost.

Starts the site as production runs it (gunicorn, 2 workers) on a scratch database, has
each simulated visitor open the form (its own cookie and CSRF token), waits until a
person could have filled it in, then sends every submission at once (distinct e-mail
addresses, distinct client addresses through the trusted proxy header). Then counts
the rows: there must be exactly one per submission and no 5xx answer.

    python bench/concurrency.py [--submissions 200] [--database-url postgresql://…]

With --database-url, a throwaway database is created on that PostgreSQL server and
dropped afterwards; without it, SQLite in a temporary folder.
"""

import argparse
import http.client
import re
import sys
import tempfile
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import Gunicorn, manage, prepare, production_environment, scratch_database  # noqa: E402

MEMBERSHIP = "/membership/"
SECONDS_A_PERSON_NEEDS = 3.5  # the form refuses anything sent back faster (membership/forms.py)


def request(base_url, method, path, body=None, headers=None):
    address = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def open_form(base_url, client_address):
    """What a visitor's browser holds after loading the form: its cookie and hidden fields."""
    status, headers, html = request(base_url, "GET", MEMBERSHIP, headers={"X-Forwarded-For": client_address})
    if status != 200:
        raise RuntimeError(f"the membership page answered {status}")
    cookie = "; ".join(value.split(";", 1)[0] for name, value in headers if name.lower() == "set-cookie")
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    return {"cookie": cookie, "hidden": hidden, "client_address": client_address}


def submission(number):
    return {
        "organisation_name": f"Load test organisation {number}",
        "organisation_type": "technology",
        "country": "GB",
        "contact_name": "Sam Taylor",
        "job_title": "Head of Trust and Safety",
        "email": f"load-{number}-{uuid.uuid4().hex[:8]}@example.org",
        "message": "Registering our interest.",
        "privacy_consent": "on",
        "fax_number": "",
    }


def send(base_url, form, fields):
    body = urllib.parse.urlencode({**form["hidden"], **fields})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": form["cookie"],
        "X-Forwarded-For": form["client_address"],
    }
    started = time.perf_counter()
    status, _, _ = request(base_url, "POST", MEMBERSHIP, body=body, headers=headers)
    return status, (time.perf_counter() - started) * 1000


def submit_concurrently(base_url, count):
    """Open `count` forms, wait as a person would, send them all at once; statuses and latencies."""
    addresses = [f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}" for number in range(1, count + 1)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        forms = list(pool.map(lambda address: open_form(base_url, address), addresses))
    time.sleep(SECONDS_A_PERSON_NEEDS)
    with ThreadPoolExecutor(max_workers=count) as pool:
        results = list(
            pool.map(lambda numbered: send(base_url, numbered[1], submission(numbered[0])), enumerate(forms))
        )
    return [status for status, _ in results], sorted(latency for _, latency in results)


def count_rows(environment, prefix="Load test organisation"):
    script = (
        "from membership.models import MembershipEnquiry as E; "
        f"print(E.objects.filter(organisation_name__startswith={prefix!r}).count())"
    )
    return int(manage(environment, "shell", "-c", script).strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--database-url", help="a PostgreSQL server to make a throwaway database on")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="concurrency-") as workdir, scratch_database(options.database_url) as url:
        environment = production_environment(workdir, SECURE_PROXY=1, **({"DATABASE_URL": url} if url else {}))
        print(f"Preparing the site on {'PostgreSQL' if url else 'SQLite'}…", flush=True)
        prepare(environment)
        with Gunicorn(environment) as server:
            statuses, latencies = submit_concurrently(server.url, options.submissions)
        rows = count_rows(environment)

    server_errors = sum(status >= 500 for status in statuses)
    answers = {status: statuses.count(status) for status in sorted(set(statuses))}
    p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
    print(f"\n{options.submissions} concurrent submissions on {'PostgreSQL' if url else 'SQLite'}, gunicorn 2 workers")
    print(f"  answers: {answers}")
    print(f"  rows saved: {rows}   5xx: {server_errors}")
    print(f"  latency ms: p50 {latencies[len(latencies) // 2]:.0f}, p99 {p99:.0f}, max {latencies[-1]:.0f}")
    if rows != options.submissions or server_errors:
        print("FAILED: every submission must be saved exactly once, with no server error.")
        sys.exit(1)


if __name__ == "__main__":
    main()
