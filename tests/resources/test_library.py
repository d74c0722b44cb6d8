"""The resource library: filters, search, pagination, downloads, speed."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resources.models import ResourcePage, ResourceType
from tests.factories.resources import DocumentFactory, ResourcePageFactory


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


def test_the_filters_offer_only_values_some_live_resource_has(client, shelf, capability):
    ResourcePageFactory(parent=shelf, title="Unpublished guidance", resource_type=ResourceType.GUIDANCE,
                        publication_date=datetime.date(2011, 1, 1), languages=["ru"], live=False)  # fmt: skip
    html = client.get("/resources/").content.decode()
    form = html[html.index('class="library-filters"') :]
    form = form[: form.index("</form>")]
    assert options(form, "type") == ["", "report", "briefing", "case_study"]
    assert options(form, "year") == ["", "2021", "2019"]
    assert options(form, "language") == ["", "en", "fr"]
    assert options(form, "topic") == ["", "research"]
    assert options(form, "capability") == ["", "4"]


def options(form, name):
    select = form[form.index(f'name="{name}"') :]
    select = select[: select.index("</select>")]
    return [part.split('"')[0] for part in select.split('<option value="')[1:]]


def test_a_language_the_publication_is_offered_in_finds_it_without_a_download(client, library):
    ResourcePageFactory(parent=library, title="Assessment in six languages", with_document=False,
                        official_url="https://www.example.org/assessment", languages=["en", "ar", "zh"])  # fmt: skip
    ResourcePageFactory(parent=library, title="English download", with_document="en")
    assert titles(client, language="zh") == {"Assessment in six languages"}
    assert titles(client, language="en") == {"Assessment in six languages", "English download"}
    html = client.get("/resources/assessment-in-six-languages/").content.decode()
    assert "Published in English, Arabic, Chinese." in html


@pytest.mark.parametrize(
    ("precision", "shown", "machine", "kept"),
    [
        ("year", "2019", "2019", datetime.date(2019, 1, 1)),
        ("month", "June 2019", "2019-06", datetime.date(2019, 6, 1)),
        ("day", "15 June 2019", "2019-06-15", datetime.date(2019, 6, 15)),
    ],
)
def test_a_date_is_shown_and_kept_only_as_precisely_as_it_is_known(client, library, precision, shown, machine, kept):
    resource = ResourcePageFactory(parent=library, slug="dated", publication_date=datetime.date(2019, 6, 15),
                                   date_precision=precision)  # fmt: skip
    for path in ("/resources/", "/resources/dated/"):
        assert f'<time datetime="{machine}">{shown}</time>' in client.get(path).content.decode()
    resource.refresh_from_db()
    assert resource.publication_date == kept  # no invented day or month to sort by


def test_a_year_alone_sorts_before_the_months_of_that_year(client, library):
    ResourcePageFactory(parent=library, title="Known to the year", publication_date=datetime.date(2019, 12, 31),
                        date_precision="year")  # fmt: skip
    ResourcePageFactory(parent=library, title="Known to the month", publication_date=datetime.date(2019, 3, 1),
                        date_precision="month")  # fmt: skip
    html = client.get("/resources/").content.decode()
    assert html.index("Known to the month") < html.index("Known to the year")


def test_an_official_page_is_a_link_that_says_it_leaves_the_site(client, library):
    ResourcePageFactory(parent=library, slug="assessment", with_document=False,
                        official_url="https://www.weprotect.org/global-threat-assessment-23")  # fmt: skip
    html = client.get("/resources/assessment/").content.decode()
    link = html[html.index('<a class="external-link"') :]
    link = link[: link.index("</a>")]
    assert 'href="https://www.weprotect.org/global-threat-assessment-23"' in link
    assert "Read it on weprotect.org" in link  # visible: where it goes
    assert '<span class="visually-hidden"> (leaves this site)</span>' in link  # heard: that it leaves
    assert 'aria-hidden="true"' in link  # the icon is decoration only
    assert "/documents/" not in html  # nothing pretends to be the publication


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password"))
    return client


def add_resource(client, library, **changes):
    fields = {
        "title": "Global Threat Assessment 2023",
        "slug": "gta-2023",
        "resource_type": "report",
        "publication_date": "2023-10-18",
        "date_precision": "month",
        "publisher": "WeProtect Global Alliance",
        "summary": "An assessment of child sexual abuse online.",
        "official_url": "",
        "documents": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    fields.update(changes)
    languages = fields.pop("languages", [])  # ticked boxes: one value each, not nested
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library.pk])
    return client.post(url, {**nested_form_data(fields), "languages": languages})


def test_the_editor_refuses_a_resource_with_neither_an_official_page_nor_a_download(editor_client, library):
    form = editor_client.get(reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library.pk]))
    assert form.status_code == 200
    assert 'type="checkbox" name="languages" value="ar"' in form.content.decode()
    response = add_resource(editor_client, library)
    assert response.status_code == 200
    assert "Give the address of the publication&#x27;s official page, or add at least one download" in (
        response.content.decode()
    )
    assert not ResourcePage.objects.exists()


def test_an_official_page_alone_is_enough(editor_client, library):
    response = add_resource(editor_client, library, official_url="https://weprotect.org/global-threat-assessment-23",
                            languages=["en", "fr"])  # fmt: skip
    assert response.status_code == 302
    resource = ResourcePage.objects.get()
    assert resource.live and resource.languages == ["en", "fr"]
    assert resource.publication_date == datetime.date(2023, 10, 1)


def test_a_download_alone_is_enough(editor_client, library):
    document = DocumentFactory()
    response = add_resource(
        editor_client, library, documents=inline_formset([{"document": document.pk, "language": "en"}])
    )
    assert response.status_code == 302
    assert ResourcePage.objects.get().documents.get().document == document
