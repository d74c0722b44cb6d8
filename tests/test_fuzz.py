"""Random and hostile input never makes a server error: always a normal page or a 4xx.

Hypothesis sends thousands of bodies to the membership form (missing fields, huge values,
invalid UTF-8, control characters, HTML and SQL fragments, wrong types, duplicated keys)
and random query strings to search and the resource index.
"""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.membership import MembershipPageFactory, form_data
from tests.factories.resources import ResourceIndexPageFactory, ResourcePageFactory

FIELD_NAMES = list(form_data()) + ["csrfmiddlewaretoken", "unknown", ""]
HOSTILE = [
    "<script>alert(1)</script>",
    "'; DROP TABLE membership_membershipenquiry; --",
    '" OR 1=1 --',
    '=HYPERLINK("http://example.com")',
    "\x00\x01\x1b[31m",
    "\u202e\ufeff\ud7ff",
    "../../../../etc/passwd",
    "%00%ff%fe",
    "x" * 5000,
    "0",
    "-1",
    "1e309",
    "None",
    "[]",
    "{}",
]
FUZZ = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

text_values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300), st.text(min_size=1000, max_size=20_000))
pairs = st.lists(st.tuples(st.sampled_from(FIELD_NAMES), text_values), max_size=30)  # keys may repeat


raw_bytes = st.binary(max_size=4000)


@pytest.fixture
def form_site(home_page, monkeypatch):
    monkeypatch.setattr("membership.views.RATE_LIMIT", 10**9)  # the fuzzer is one very busy client
    return MembershipPageFactory(parent=home_page)


def assert_answered(response):
    assert response.status_code < 500, response.content[:500]


@settings(FUZZ, max_examples=800)
@given(body=st.one_of(pairs.map(lambda p: urllib.parse.urlencode(p).encode()), raw_bytes))
def test_the_membership_form_answers_any_body_without_a_server_error(client, form_site, body):
    response = client.generic("POST", "/membership/", body, content_type="application/x-www-form-urlencoded")
    assert_answered(response)


@settings(FUZZ, max_examples=200)
@given(body=raw_bytes, boundary=st.sampled_from(["", "x", "----b"]))
def test_the_membership_form_answers_any_multipart_body(client, form_site, body, boundary):
    content_type = f"multipart/form-data; boundary={boundary}" if boundary else "multipart/form-data"
    assert_answered(client.generic("POST", "/membership/", body, content_type=content_type))


@pytest.fixture
def library(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library)
    resource.topics.add("grooming")
    resource.save_revision().publish()
    return library


query_keys = st.sampled_from(["q", "type", "topic", "capability", "year", "language", "page", "x", ""])
query_values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200), st.integers().map(str))
queries = st.one_of(
    st.lists(st.tuples(query_keys, query_values), max_size=12).map(urllib.parse.urlencode),
    st.binary(max_size=500).map(lambda raw: urllib.parse.quote_from_bytes(raw, safe="=&%")),
)


@FUZZ
@given(query=queries)
def test_the_resource_index_answers_any_query_string(client, library, query):
    assert_answered(client.get(f"/resources/?{query}"))


@FUZZ
@given(query=queries)
def test_search_answers_any_query_string(client, library, query):
    assert_answered(client.get(f"/search/?{query}"))
