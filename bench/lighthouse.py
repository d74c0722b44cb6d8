"""Lighthouse's mobile audit of one page, through npx and the machine's own Chromium."""

import json
import os
import subprocess
import tempfile

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def audit(url, chromium, attempts=3):
    """The four category scores (0-100), with the audits that lost points, or None on failure.

    Lighthouse sometimes fails to record its trace (NO_NAVSTART) and asks to be run again;
    so it is, up to `attempts` times.
    """
    for _ in range(attempts):
        report = run_lighthouse(url, chromium)
        if report and all(report["categories"][name]["score"] is not None for name in CATEGORIES):
            return scores(report)
    return None


def run_lighthouse(url, chromium):
    with tempfile.TemporaryDirectory() as folder:
        report_path = os.path.join(folder, "report.json")
        subprocess.run(
            ["npx", "--yes", "lighthouse@12", url, "--quiet", "--output=json", f"--output-path={report_path}"]
            + [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            timeout=300,
        )
        if not os.path.exists(report_path):
            return None
        with open(report_path) as report_file:
            return json.load(report_file)


def scores(report):
    result = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    result["lost_points"] = [
        audit_id
        for audit_id, outcome in report["audits"].items()
        if outcome.get("score") is not None
        and outcome["score"] < 1
        and outcome.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return result
