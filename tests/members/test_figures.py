"""Headline figures counted from the directory: they change as members are published, at once."""

import pytest

from members.directory import directory_counts
from membership.models import OrganisationType
from tests.factories.members import GovernmentFactory, MemberFactory
from website.content import stream


@pytest.fixture
def counted_home(home_page):
    home_page.figures = stream(
        ("figure", {"number": "", "counted_from": "members", "label": "members"}),
        ("figure", {"number": "", "counted_from": "countries", "label": "member countries"}),
        ("figure", {"number": "", "counted_from": "government", "label": "governments"}),
        ("figure", {"number": "20+", "counted_from": "", "label": "technology companies"}),
    )
    home_page.save_revision().publish()
    return home_page


def figures(client):
    html = client.get("/").content.decode()
    section = html[html.index('id="figures-heading"') :]
    return section[: section.index("</section>")]


def test_counts_are_of_published_visible_members(db):
    GovernmentFactory(country="KE")
    GovernmentFactory(country="KE")
    GovernmentFactory(country="CA")
    MemberFactory(sector=OrganisationType.CIVIL_SOCIETY)
    MemberFactory(live=False)
    MemberFactory(visible=False)
    counts = directory_counts()
    assert counts["members"] == 4
    assert counts["countries"] == 2
    assert counts["government"] == 3 and counts["civil_society"] == 1 and counts["financial"] == 0


def test_a_counted_figure_shows_the_count_and_a_typed_one_what_was_typed(client, counted_home):
    GovernmentFactory(country="KE")
    MemberFactory()
    html = figures(client)
    assert "<strong>2</strong> <span>members</span>" in html
    assert "<strong>1</strong> <span>member countries</span>" in html
    assert "<strong>1</strong> <span>governments</span>" in html
    assert "<strong>20+</strong> <span>technology companies</span>" in html


def test_publishing_a_member_changes_the_home_page_at_once(client, counted_home):
    draft = GovernmentFactory(name="Ghana", country="GH", live=False)
    assert "<strong>0</strong> <span>members</span>" in figures(client)  # now in the page cache
    assert "<strong>0</strong> <span>members</span>" in figures(client)
    draft.save_revision().publish()
    assert "<strong>1</strong> <span>members</span>" in figures(client)
    draft.visible = False
    draft.save_revision().publish()
    assert "<strong>0</strong> <span>members</span>" in figures(client)


def test_the_home_page_stays_within_its_query_budget(client, counted_home, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")  # what the site looks up once (its root paths), before members are added
    for _ in range(5):
        GovernmentFactory(country="KE")
    with django_assert_max_num_queries(10) as few:
        client.get("/")
    for _ in range(55):
        GovernmentFactory(country="GH")
    with django_assert_max_num_queries(10) as many:
        assert "<strong>60</strong> <span>members</span>" in figures(client)
    assert len(many) == len(few)  # both counted afresh: adding members changed the content


def test_figures_in_a_page_body_are_counted_too(client, home_page):
    from tests.factories.home import StandardPageFactory

    GovernmentFactory(country="KE")
    body = stream(
        (
            "figures",
            {
                "heading": "The Alliance today",
                "figures": [
                    {"number": "", "counted_from": "government", "label": "governments"},
                    {"number": "About 70", "counted_from": "", "label": "countries"},
                ],
            },
        )
    )
    StandardPageFactory(parent=home_page, slug="about", body=body)
    html = client.get("/about/").content.decode()
    assert "<strong>1</strong> <span>governments</span>" in html
    assert "<strong>About 70</strong> <span>countries</span>" in html
