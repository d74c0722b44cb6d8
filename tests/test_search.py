"""Search as a visitor uses it: word forms match, titles come first, each result says what it is."""

import re

import pytest

pytestmark = pytest.mark.django_db


def results(client, query):
    """(kind, title) of each result on the first page, in order."""
    html = client.get("/search/", {"q": query}).content.decode()
    return re.findall(r'<p class="result-kind">(.*?)</p>\s*<h2><a href="[^"]*">(.*?)</a></h2>', html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("helplines", ("Capability", "Child helpline")),
        ("hotlines", ("Capability", "CSEA hotline")),
        ("summits", ("Event", "Global Summit 2024: Focus on the Future")),
    ],
)
def test_a_word_finds_its_other_forms(client, initial_content, query, expected):
    assert expected in results(client, query)


def test_a_page_named_by_the_words_comes_before_pages_that_only_mention_them(client, initial_content):
    found = [title for _, title in results(client, "membership")]
    assert found[0] == "Membership"
    assert "Privacy notice" in found[1:]  # it speaks of membership requests too, but is not about them


def test_each_result_says_what_kind_of_page_it_is(client, initial_content):
    kinds = {kind for kind, _ in results(client, "national response")}
    assert {"Capability", "Framework"} <= kinds


def test_the_search_page_stays_within_its_query_budget(client, initial_content, django_assert_max_num_queries):
    client.get("/search/", {"q": "report"})  # warm the menu and settings, as any visit does
    with django_assert_max_num_queries(12):
        client.get("/search/", {"q": "report"})
