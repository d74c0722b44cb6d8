"""The Model National Response as a visitor reads it."""

import re

import pytest

from resources.models import CapabilityAreaPage, CapabilityPage, MnrFrameworkPage, ResourcePage
from tests.factories.resources import ResourcePageFactory

AREA_ORDER = [
    "Policy and Governance",
    "Criminal Justice",
    "Victim",
    "Societal",
    "Industry",
    "Media and Communications",
]


def test_twenty_one_capabilities_in_six_areas_in_order(initial_content):
    framework = MnrFrameworkPage.objects.get()
    areas = [area.specific for area in framework.get_children().live()]
    assert [area.title for area in areas] == AREA_ORDER
    numbers = [cap.number for area in areas for cap in CapabilityPage.objects.child_of(area).order_by("path")]
    assert numbers == list(range(1, 22))
    assert [len(CapabilityPage.objects.child_of(area)) for area in areas] == [3, 4, 4, 4, 4, 2]


def test_the_framework_page_lists_each_area_with_its_outcome_and_capabilities(client, initial_content):
    html = client.get("/model-national-response/").content.decode()
    positions = [html.index(f">{title}</a>") for title in AREA_ORDER]
    assert positions == sorted(positions)
    for area in CapabilityAreaPage.objects.all():
        assert area.outcome.replace("'", "&#x27;") in html
    for capability in CapabilityPage.objects.all():
        assert capability.url in html and capability.summary.replace("'", "&#x27;") in html


def test_a_capability_page_has_its_number_area_summary_and_four_parts(client, initial_content):
    html = client.get("/model-national-response/criminal-justice/dedicated-law-enforcement/").content.decode()
    assert "4. Dedicated law enforcement" in html and "Criminal Justice" in html
    for part in ["Definition", "Why is it needed", "Good practice", "More guidance and support"]:
        assert f"<h2>{part}</h2>" in html


@pytest.mark.parametrize(
    ("path", "previous", "following"),
    [
        ("/model-national-response/policy-and-governance/leadership/", None, "2. Research, analysis and monitoring"),
        ("/model-national-response/policy-and-governance/legislation/", "2. Research", "4. Dedicated law enforcement"),
        ("/model-national-response/criminal-justice/dedicated-law-enforcement/", "3. Legislation", "5. Judiciary"),
        ("/model-national-response/media-and-communications/universal-terminology/", "20. Ethical", None),
    ],
)
def test_previous_and_next_cross_area_boundaries(client, initial_content, path, previous, following):
    html = client.get(path).content.decode()
    pager = html[html.index('class="pager"') :]
    prev_link = re.search(r'rel="prev"[^>]*>.*?</span>\s*([^<]+)</a>', pager)
    next_link = re.search(r'rel="next"[^>]*>.*?</span>\s*([^<]+)</a>', pager)
    assert prev_link.group(1).startswith(previous) if previous else prev_link is None
    assert next_link.group(1).startswith(following) if following else next_link is None


def test_a_capability_lists_its_related_resources(client, capability, library):
    related = ResourcePageFactory(parent=library, title="Guide for investigators")
    related.related_capabilities = [capability]
    related.save_revision().publish()
    ResourcePageFactory(parent=library, title="Unrelated report")
    html = client.get(capability.url).content.decode()
    assert "Guide for investigators" in html and "Unrelated report" not in html


@pytest.mark.parametrize("count", [10, 100])
def test_a_capability_page_query_budget_does_not_grow_with_resources(
    client, capability, library, django_assert_max_num_queries, count
):
    for _ in range(count):
        resource = ResourcePageFactory(parent=library, with_document=False)
        resource.related_capabilities = [capability]
        resource.save()
    client.get(capability.url)
    with django_assert_max_num_queries(10):
        client.get(capability.url)


@pytest.mark.parametrize("path", ["/model-national-response/", "/model-national-response/victim/"])
def test_framework_and_area_pages_stay_within_the_query_budget(
    client, initial_content, django_assert_max_num_queries, path
):
    client.get(path)
    with django_assert_max_num_queries(10):
        client.get(path)


def test_page_type_rules_keep_the_framework_in_shape(framework, home_page):
    assert not CapabilityPage.can_create_at(framework)
    assert not CapabilityPage.can_create_at(home_page)
    assert CapabilityAreaPage.can_create_at(framework)
    assert not MnrFrameworkPage.can_create_at(home_page)  # only one framework
    assert not ResourcePage.can_create_at(home_page)


def test_the_home_page_lists_the_latest_resources(client, initial_content):
    html = client.get("/").content.decode()
    newest = ResourcePage.objects.live().order_by("-publication_date")[:3]
    section = html[html.index('id="latest-resources-heading"') :]
    for resource in newest:
        assert resource.title in section
