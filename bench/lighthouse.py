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


def audit(url, chromium):
    """The four category scores (0-100), with the audits that lost points, or None on failure."""
    with tempfile.TemporaryDirectory() as folder:
        report_path = os.path.join(folder, "report.json")
        finished = subprocess.run(
            ["npx", "--yes", "lighthouse@12", url, "--quiet", "--output=json", f"--output-path={report_path}"]
            + [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            timeout=300,
        )
        if finished.returncode != 0 or not os.path.exists(report_path):
            return None
        with open(report_path) as report_file:
            report = json.load(report_file)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["lost_points"] = [
        audit_id
        for audit_id, result in report["audits"].items()
        if result.get("score") is not None
        and result["score"] < 1
        and result.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores
