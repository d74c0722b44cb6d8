"""The Board page as a visitor reads it: the Chair, the Board and the Secretariat, from the snippets."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import BoardMember
from tests.factories.governance import BoardMemberFactory

URL = "/about/board/"


def headings(html, level):
    """The page's own headings of one level, in order (not the footer's)."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.findall(rf"<h{level}[^>]*>([^<]+)</h{level}>", main)


def test_the_chair_comes_first_then_the_board_then_the_secretariat(client, board_page):
    BoardMemberFactory(name="Sam Chair", chair=True, position="Director", organisation="Example Agency")
    BoardMemberFactory(name="Alex Member", sector="technology")
    BoardMemberFactory(name="Jo Staff", secretariat=True, position="Executive Director", organisation="")
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert headings(html, 1) == ["Board and governance"]
    assert headings(html, 2) == ["Chair", "Board members", "Secretariat"]
    assert headings(html, 3) == ["Sam Chair", "Alex Member", "Jo Staff"]
    assert "<p>Director, Example Agency</p>" in html
    assert "Sector: Technology company" in html
    assert "<p>Executive Director</p>" in html


def test_without_a_chair_the_page_has_no_chair_section(client, board_page):
    BoardMemberFactory(name="Alex Member")
    html = client.get(URL).content.decode()
    assert "Chair" not in headings(html, 2)
    assert "Board members" in headings(html, 2)
    assert "Secretariat" not in headings(html, 2)  # nobody recorded, no empty section


def test_a_vice_chair_is_named_as_such_among_the_board(client, board_page):
    BoardMemberFactory(name="Vic Deputy", role=BoardMember.Role.VICE_CHAIR)
    html = client.get(URL).content.decode()
    assert "Vice-Chair" in html
    assert "Chair" not in headings(html, 2)


def test_members_appear_in_the_order_editors_give_them(client, board_page):
    BoardMemberFactory(name="Second", sort_order=2)
    BoardMemberFactory(name="First", sort_order=1)
    assert headings(client.get(URL).content.decode(), 3) == ["First", "Second"]


def test_source_notes_are_never_shown_to_the_public(client, board_page):
    BoardMemberFactory(source_note="Seen on a private briefing, 3 March 2025")
    BoardMemberFactory(secretariat=True, source_note="Named in a newsletter")
    html = client.get(URL).content.decode()
    assert "private briefing" not in html
    assert "newsletter" not in html


def test_a_photo_is_described_by_the_name_alone(client, board_page):
    BoardMemberFactory(name="Pat Pictured", with_photo=True)
    BoardMemberFactory(name="Nat Unpictured")
    html = client.get(URL).content.decode()
    assert html.count("<img") == 1 + html.count('class="brand"')  # the header's logo, and Pat's photo
    assert 'alt="Pat Pictured"' in html


def test_a_new_board_member_shows_at_once_to_visitors(client, board_page):
    client.get(URL)  # now in the page cache
    BoardMemberFactory(name="Newly Appointed")
    assert "Newly Appointed" in client.get(URL).content.decode()


def queries_to_render(client):
    client.get(URL)  # warms the per-process caches (site root paths, renditions made once)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False  # measure the page itself, not the cache in front of it


def test_the_query_budget_stays_flat_as_the_board_grows(client, board_page, uncached):
    BoardMemberFactory(chair=True, with_photo=True)
    BoardMemberFactory.create_batch(3, with_photo=True)
    BoardMemberFactory(secretariat=True)
    few = queries_to_render(client)
    # Half with photos: each has six renditions, and the test's small local-memory cache (300
    # entries) would otherwise drop the site's cached menu and count it against the page.
    BoardMemberFactory.create_batch(25, with_photo=True)
    BoardMemberFactory.create_batch(30)
    many = queries_to_render(client)
    assert BoardMember.objects.count() == 60
    assert few == many <= 10
