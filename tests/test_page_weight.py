"""The home page stays small: HTML, CSS and JavaScript together at most 50 KB compressed."""

import gzip
import re

from django.contrib.staticfiles import finders

BUDGET_BYTES = 50 * 1024


def linked_assets(html):
    """The style sheets and scripts the page loads (all from this origin)."""
    return re.findall(r'<(?:link rel="stylesheet"|script)[^>]* (?:href|src)="([^"]+)"', html)


def test_the_home_page_with_its_css_and_javascript_fits_in_50_kb_compressed(client, initial_content):
    html = client.get("/").content
    assets = linked_assets(html.decode())
    assert any(path.endswith(".css") for path in assets) and any(path.endswith(".js") for path in assets)

    total = len(gzip.compress(html))
    for path in assets:
        assert path.startswith("/static/"), f"{path} is loaded from another origin"
        with open(finders.find(path.removeprefix("/static/")), "rb") as asset:
            total += len(gzip.compress(asset.read()))

    assert total <= BUDGET_BYTES, f"{total} bytes compressed"


def test_no_page_loads_anything_from_another_origin(client, initial_content):
    for url in ("/", "/membership/", "/resources/", "/model-national-response/"):
        html = client.get(url).content.decode()
        for address in re.findall(r'(?:src|srcset)="([^"]+)"', html) + linked_assets(html):
            assert address.startswith("/"), f"{url} loads {address}"
