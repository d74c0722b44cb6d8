"""The members directory page: members by sector with counts, filters, links, and its speed."""

import re

import pytest
import wagtail_factories

from membership.models import OrganisationType
from tests.factories.members import GovernmentFactory, MemberFactory
from website.models import CustomImage


class LogoFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage


def listed(html):
    """The names the directory lists, in order (the text of each member's heading, before any hidden words)."""
    headings = re.findall(r'<h3 class="directory-member__name">(.*?)</h3>', html, re.S)
    return [re.sub(r"<span.*", "", re.sub(r"<a [^>]*>", "", heading), flags=re.S).strip() for heading in headings]


def page_text(client, **params):
    response = client.get("/members/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def members(directory):
    GovernmentFactory(name="Kenya", country="KE")
    GovernmentFactory(name="Canada", country="CA")
    MemberFactory(name="African Union", sector=OrganisationType.REGIONAL, region="Africa")
    MemberFactory(name="Example Search", website="https://search.example.org", year_joined=2020)
    MemberFactory(name="Draft Company", live=False)
    MemberFactory(name="Hidden Company", visible=False)


def test_members_are_listed_by_sector_with_counts_and_a_total(client, members):
    html = page_text(client)
    assert "<h1>Our members</h1>" in html
    assert "4 members in the directory." in html
    # Sectors in the order of the membership criteria, each with its count.
    government = html.index('id="sector-government"')
    assert government < html.index('id="sector-regional"') < html.index('id="sector-technology"')
    assert 'Government of a UN member state <span class="meta">(2)</span>' in html
    assert 'Technology company <span class="meta">(1)</span>' in html
    assert listed(html) == ["Canada", "Kenya", "African Union", "Example Search"]  # by name within a sector
    assert "Member since 2020" in html and '<p class="meta">Africa</p>' in html
    assert '<p class="meta">Kenya</p>' not in html  # a government listed by its country's name says it once
    assert '<a href="#sector-government">Government of a UN member state (2)</a>' in html


def test_only_published_visible_members_are_shown(client, members):
    html = page_text(client)
    assert "Draft Company" not in html
    assert "Hidden Company" not in html


def test_a_member_with_a_website_links_to_it_and_says_it_leaves_the_site(client, members):
    html = page_text(client)
    assert 'href="https://search.example.org" rel="external">Example Search' in html
    assert "(leaves this site)" in html
    assert '<h3 class="directory-member__name">Kenya</h3>' in html  # no website, no link


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"sector": "government"}, ["Kenya", "Canada"], ["African Union", "Example Search"]),
        ({"country": "KE"}, ["Kenya"], ["Canada", "African Union"]),
        ({"region": "Africa"}, ["African Union"], ["Kenya", "Example Search"]),
        ({"sector": "government", "country": "CA"}, ["Canada"], ["Kenya"]),
    ],
)
def test_filters_alone_and_combined(client, members, params, shown, hidden):
    html = page_text(client, **params)
    assert "match your filters" in html and '<a href="/members/">Clear filters</a>' in html
    assert set(shown) <= set(listed(html))
    assert not set(hidden) & set(listed(html))


def test_the_filters_offer_only_what_some_member_has_and_ignore_unknown_values(client, members):
    html = page_text(client)
    assert '<option value="KE">Kenya</option>' in html
    assert '<option value="FR">' not in html  # no member in France
    assert '<option value="financial">' not in html  # no financial institution yet
    html = page_text(client, sector="no-such-sector", country="ZZ")
    assert "4 members in the directory." in html


def test_no_match_says_how_to_clear_the_filters(client, members):
    html = page_text(client, sector="government", region="Africa")
    assert "No members match these filters" in html


def fill(count, with_logos):
    for number in range(count):
        sector = list(OrganisationType.values)[number % 6]
        logo = LogoFactory() if with_logos else None
        MemberFactory(name=f"Organisation {number:03}", sector=sector, country="GB" if number % 2 else "", logo=logo)


@pytest.mark.parametrize("with_logos", [False, True])
def test_queries_stay_flat_from_5_to_60_members(
    client, directory, django_assert_max_num_queries, settings, with_logos
):
    settings.PAGE_CACHE_ENABLED = False
    fill(5, with_logos)
    client.get("/members/")  # logos' renditions are made once, on the first view
    with django_assert_max_num_queries(10) as few:
        page_text(client)
    fill(55, with_logos)
    client.get("/members/")
    with django_assert_max_num_queries(10) as many:
        assert "60 members in the directory." in page_text(client)
    assert len(many) == len(few)
