"""Screenshots for the README: the home page on a phone and a desktop, and an article, an event
and the members directory.

python docs/screenshots.py      (needs Chromium: apt-get install chromium)
"""

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.server import Gunicorn, prepare, production_environment  # noqa: E402

HERE = Path(__file__).resolve().parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# file name: (address, viewport)
VIEWS = {
    "home-phone.png": ("/", PHONE),
    "home-desktop.png": ("/", DESKTOP),
    "article-desktop.png": ("/news/global-taskforce-on-child-sexual-abuse-online/", DESKTOP),
    "event-phone.png": ("/events/global-summit-2024/", PHONE),
    "members-desktop.png": ("/members/", DESKTOP),
}


def keep_small(path):
    """64 colours are plenty for flat page colours and text, and a fraction of the bytes."""
    from PIL import Image

    Image.open(path).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main():
    with tempfile.TemporaryDirectory(prefix="screenshots-") as workdir:
        environment = production_environment(workdir)
        prepare(environment)
        with Gunicorn(environment) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            for name, (address, viewport) in VIEWS.items():
                page = browser.new_page(viewport=viewport)
                page.goto(server.url + address)
                page.screenshot(path=HERE / name)
                keep_small(HERE / name)
                print(f"wrote docs/{name}")
            browser.close()


if __name__ == "__main__":
    main()
