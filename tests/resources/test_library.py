"""The resource library: filters, search, pagination, downloads, speed."""

import datetime

import pytest

from resources.models import ResourceType
from tests.factories.resources import ResourcePageFactory


def titles(client, **params):
    html = client.get("/resources/", params).content.decode()
    return {line.split(">")[1].split("<")[0] for line in html.split('<h2><a href="/resources/')[1:]}


@pytest.fixture
def shelf(library, capability):
    report = ResourcePageFactory(
        parent=library,
        title="Threat report",
        resource_type=ResourceType.REPORT,
        publication_date=datetime.date(2019, 5, 1),
    )
    report.topics.add("research")
    report.related_capabilities = [capability]
    report.save_revision().publish()
    ResourcePageFactory(
        parent=library,
        title="Takedown case study",
        resource_type=ResourceType.CASE_STUDY,
        publication_date=datetime.date(2021, 3, 1),
        with_document="fr",
    )
    ResourcePageFactory(
        parent=library,
        title="Terminology briefing",
        resource_type=ResourceType.BRIEFING,
        publication_date=datetime.date(2019, 9, 1),
    )
    return library


def test_resources_are_listed_newest_first(client, shelf):
    html = client.get("/resources/").content.decode()
    order = [html.index(title) for title in ["Takedown case study", "Terminology briefing", "Threat report"]]
    assert order == sorted(order)
    assert "3 resources." in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "report"}, {"Threat report"}),
        ({"topic": "research"}, {"Threat report"}),
        ({"capability": "4"}, {"Threat report"}),
        ({"year": "2019"}, {"Threat report", "Terminology briefing"}),
        ({"language": "fr"}, {"Takedown case study"}),
        ({"q": "takedown"}, {"Takedown case study"}),
        ({"q": "TERMINOLOGY briefing"}, {"Terminology briefing"}),
        ({"year": "2019", "type": "briefing"}, {"Terminology briefing"}),
        (
            {"year": "2019", "type": "report", "topic": "research", "capability": "4", "language": "en"},
            {"Threat report"},
        ),
        ({"year": "2021", "type": "report"}, set()),
    ],
)
def test_each_filter_alone_and_combined(client, shelf, params, expected):
    assert titles(client, **params) == expected


def test_a_filtered_view_shows_the_count_and_how_to_clear_it(client, shelf):
    html = client.get("/resources/", {"year": "2019"}).content.decode()
    assert "2 resources match your filters" in html
    assert '<a href="/resources/">Clear filters</a>' in html
    assert '<option value="2019" selected>' in html  # the form shows what is applied


@pytest.mark.parametrize(
    "params",
    [
        {"type": "<script>alert(1)</script>"},
        {"year": "abc"},
        {"page": "999999"},
        {"capability": "x"},
        {"topic": "no-such-topic"},
        {"language": "klingon"},
        {"q": "x" * 5000},
        {"page": "-1"},
    ],
)
def test_malformed_values_are_ignored_with_a_normal_page(client, shelf, params):
    response = client.get("/resources/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_page_beyond_the_last_shows_the_last(client, library):
    for _ in range(13):
        ResourcePageFactory(parent=library, with_document=False)
    html = client.get("/resources/", {"page": "999999"}).content.decode()
    assert "Page 2 of 2" in html


def test_twelve_a_page_with_filters_kept_across_pages(client, library):
    for _ in range(14):
        ResourcePageFactory(parent=library, resource_type=ResourceType.GUIDANCE, with_document=False)
    first = client.get("/resources/", {"type": "guidance"}).content.decode()
    assert first.count('<h2><a href="/resources/') == 12
    assert 'href="?type=guidance&amp;page=2"' in first
    second = client.get("/resources/", {"type": "guidance", "page": 2}).content.decode()
    assert second.count('<h2><a href="/resources/') == 2


@pytest.mark.parametrize("count", [10, 100])
def test_the_index_query_budget_does_not_grow_with_the_library(client, library, django_assert_max_num_queries, count):
    for number in range(count):
        resource = ResourcePageFactory(parent=library, with_document=False)
        resource.topics.add(f"topic-{number % 5}")
        resource.save()
    client.get("/resources/", {"type": "report"})
    with django_assert_max_num_queries(10):
        client.get("/resources/", {"type": "report", "topic": "topic-1"})


def test_a_resource_shows_each_documents_language_format_and_size(client, shelf):
    html = client.get("/resources/takedown-case-study/").content.decode()
    assert "(French, PDF, 29" in html


def test_a_content_warning_comes_before_the_content(client, library):
    ResourcePageFactory(parent=library, slug="assessment", content_warning=True, summary="Case studies of abuse.")
    html = client.get("/resources/assessment/").content.decode()
    html = html[html.index("<main") :]
    assert html.index("Content warning.") < html.index("Case studies of abuse.")


def test_a_document_download_returns_the_pdf(client, initial_content):
    html = client.get("/resources/global-threat-assessment-2019/").content.decode()
    link = html.split('<a href="/documents/')[1].split('"')[0]
    response = client.get("/documents/" + link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_initial_library_describes_the_alliances_publications(client, initial_content):
    html = client.get("/resources/").content.decode()
    for title in [
        "Model National Response",
        "Global Strategic Response",
        "Global Threat Assessment 2019",
        "Global Threat Assessment 2021",
        "Global Threat Assessment 2023",
        "Maturity Model",
    ]:
        assert title in html
    assert "11 resources." in html
    gta = client.get("/resources/global-threat-assessment-2019/").content.decode()
    for language in ["English", "French", "Spanish", "Portuguese", "Arabic"]:
        assert f"({language}, PDF" in gta
