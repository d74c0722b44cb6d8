"""Screenshots for the README: the home page on a phone and a desktop, an article, an event and
the members directory; and, right to left, the Arabic home page and membership form (its error
summary after an empty send, then its first questions) at 375 and 1280 px.

python docs/screenshots.py      (needs Chromium: apt-get install chromium, and for Arabic a font
                                 with Arabic letters: fonts-dejavu-core has them)
"""

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.server import Gunicorn, manage, prepare, production_environment  # noqa: E402

HERE = Path(__file__).resolve().parent
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def send_empty(page):
    """Send the form with nothing filled in: the error summary comes first, focused."""
    page.locator("main form button[type='submit']").last.click()
    page.wait_for_selector(".error-summary")


def go_to_first_question(page):
    """From the error summary, its first link, to the question it names (red bar and all)."""
    send_empty(page)
    page.locator(".error-summary a").first.click()


# file name: (address, viewport, what to do before the picture)
VIEWS = {
    "home-phone.png": ("/", PHONE, None),
    "home-desktop.png": ("/", DESKTOP, None),
    "article-desktop.png": ("/news/global-taskforce-on-child-sexual-abuse-online/", DESKTOP, None),
    "event-phone.png": ("/events/global-summit-2024/", PHONE, None),
    "members-desktop.png": ("/members/", DESKTOP, None),
    "home-ar-phone.png": ("/ar/", SMALL_PHONE, None),
    "home-ar-desktop.png": ("/ar/", DESKTOP, None),
    "membership-errors-ar-phone.png": ("/ar/membership/", SMALL_PHONE, send_empty),
    "membership-errors-ar-desktop.png": ("/ar/membership/", DESKTOP, send_empty),
    "membership-form-ar-phone.png": ("/ar/membership/", SMALL_PHONE, go_to_first_question),
    "membership-form-ar-desktop.png": ("/ar/membership/", DESKTOP, go_to_first_question),
}
# The interface's translations, compiled as `make` compiles them (the Arabic pages' menus, form and errors).
COMPILE_MESSAGES = ["compilemessages", "-v", "0"] + [
    f"--ignore={folder}" for folder in (".venv", "var", "media", "bench", "tests")
]


def keep_small(path):
    """64 colours are plenty for flat page colours and text, and a fraction of the bytes."""
    from PIL import Image

    Image.open(path).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main():
    with tempfile.TemporaryDirectory(prefix="screenshots-") as workdir:
        environment = production_environment(workdir)
        manage(environment, *COMPILE_MESSAGES)
        prepare(environment)
        with Gunicorn(environment) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            for name, (address, viewport, action) in VIEWS.items():
                page = browser.new_page(viewport=viewport)
                response = page.goto(server.url + address)
                if response.status != 200:
                    raise SystemExit(f"{address} answered {response.status}: is its translation built?")
                if action:
                    action(page)
                page.screenshot(path=HERE / name)
                keep_small(HERE / name)
                print(f"wrote docs/{name}")
            browser.close()


if __name__ == "__main__":
    main()
