"""How fast the site serves its pages, measured against a static file (`make bench`).

Starts the site as production runs it (gunicorn, 2 workers, DEBUG off, the content of
load_initial_content), warms each address, then loads it with a bounded number of
connections (wrk when installed, else a Python load generator) for a few seconds, twice.
Prints requests/s, p50/p99 latency and the body's size on the wire (every request takes
gzip, as browsers do), each throughput as a ratio to the static CSS file,
writes the figures as JSON to bench/results/, and adds Lighthouse's mobile scores when
`npx` and Chromium are available.

    python bench/run.py [--seconds 12] [--connections 4] [--no-lighthouse]
"""

import argparse
import datetime
import json
import re
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import body_size, measure  # noqa: E402
from bench.server import Gunicorn, prepare, production_environment  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CAPABILITY = "/model-national-response/criminal-justice/dedicated-law-enforcement/"
FILTERED_INDEX = "/resources/?type=report&language=en"
LIGHTHOUSE_PAGES = {
    "home": "/",
    "membership": "/membership/",
    "capability": CAPABILITY,
    "resource index": FILTERED_INDEX,
    "article": "/news/global-taskforce-on-child-sexual-abuse-online/",
    "event": "/events/global-summit-2024/",
    "members directory": "/members/",
    "help finder": "/how-to-report-abuse/",
    "help finder, a country": "/how-to-report-abuse/kenya/",
}


def static_css_address(base_url):
    """The hashed address of the site's style sheet, as the home page links it."""
    html = urllib.request.urlopen(base_url + "/").read().decode()
    return re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1)


def run_cases(server, cases, seconds, connections, repeats):
    rows = []
    for name, path in cases:
        url = server.url + path
        measure(url, seconds=2, connections=connections)  # warm: caches, renditions, worker imports
        runs = [measure(url, seconds=seconds, connections=connections) for _ in range(repeats)]
        rows.append({"case": name, "path": path, "runs": runs, "bytes": body_size(url)})
        print(f"  measured {name}", flush=True)
    return rows


def summarise(rows):
    static = next(row for row in rows if row["case"] == "static CSS file")
    limit = mean(run["requests_per_second"] for run in static["runs"])
    for row in rows:
        row["requests_per_second"] = mean(run["requests_per_second"] for run in row["runs"])
        row["p50_ms"] = mean(run["p50_ms"] for run in row["runs"])
        row["p99_ms"] = mean(run["p99_ms"] for run in row["runs"])
        row["errors"] = sum(run["errors"] for run in row["runs"])
        row["ratio_to_static"] = row["requests_per_second"] / limit
    return rows


def mean(values):
    values = list(values)
    return sum(values) / len(values)


def print_table(rows, tool):
    print(f"\nThroughput and latency ({tool}; mean of {len(rows[0]['runs'])} runs a case)\n")
    print(
        f"| {'case':<28} | {'requests/s':>10} | {'vs static':>9} | {'p50 ms':>7} | {'p99 ms':>7} "
        f"| {'bytes':>6} | {'errors':>6} |"
    )
    print(f"|{'-' * 30}|{'-' * 12}|{'-' * 11}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 8}|")
    for row in rows:
        print(
            f"| {row['case']:<28} | {row['requests_per_second']:>10.0f} | {row['ratio_to_static']:>9.2f} "
            f"| {row['p50_ms']:>7.2f} | {row['p99_ms']:>7.2f} | {row['bytes']:>6} | {row['errors']:>6} |"
        )


def lighthouse_scores(base_url):
    """Lighthouse's mobile scores (0-100) per page, or None when it cannot run here."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not (shutil.which("npx") and chromium):
        return None
    from bench.lighthouse import audit

    return {name: audit(base_url + path, chromium) for name, path in LIGHTHOUSE_PAGES.items()}


def print_lighthouse(scores):
    if scores is None:
        print("\nLighthouse: skipped (needs npx and Chromium).")
        return
    print("\nLighthouse, mobile\n")
    print(f"| {'page':<16} | performance | accessibility | best practices | SEO |")
    print(f"|{'-' * 18}|-------------|---------------|----------------|-----|")
    for page, score in scores.items():
        if score is None:
            print(f"| {page:<16} | (Lighthouse failed on this page) |")
            continue
        print(
            f"| {page:<16} | {score['performance']:>11} | {score['accessibility']:>13} "
            f"| {score['best-practices']:>14} | {score['seo']:>3} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=12, help="length of each run (default 12)")
    parser.add_argument("--repeats", type=int, default=2, help="runs per case (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse audits")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        print("Building the site in a scratch database…", flush=True)
        cached = production_environment(workdir, PAGE_CACHE=1)
        prepare(cached)
        load = dict(seconds=options.seconds, connections=options.connections, repeats=options.repeats)

        with Gunicorn(production_environment(workdir, PAGE_CACHE=0)) as server:
            print("Uncached server (PAGE_CACHE=0):", flush=True)
            uncached = run_cases(server, [("home page, uncached", "/")], **load)
        with Gunicorn(cached) as server:
            print("Cached server:", flush=True)
            css = static_css_address(server.url)
            rows = run_cases(server, [("static CSS file", css), ("home page, cached", "/")], **load)
            rows += uncached
            rows += run_cases(
                server,
                [
                    ("capability page", CAPABILITY),
                    ("resource index, filtered", FILTERED_INDEX),
                    ("membership page (form)", "/membership/"),
                ],
                **load,
            )
            scores = None if options.no_lighthouse else lighthouse_scores(server.url)

    summarise(rows)
    tool = rows[0]["runs"][0]["tool"]
    print_table(rows, tool)
    print_lighthouse(scores)
    write_results(rows, scores, tool, options)


def write_results(rows, scores, tool, options):
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"bench-{stamp}.json"
    report = {"when": stamp, "tool": tool, "options": vars(options), "cases": rows, "lighthouse": scores}
    path.write_text(json.dumps(report, indent=2))
    print(f"\nFigures written to {path.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    main()
