"""The register is for the membership team only, by every way into it, and its list applies
no lookup but its own filters: the address must not become a query on any table."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from membership.models import Kind, OrganisationType, Status
from membership.wagtail_hooks import MembershipEnquiryAdmin
from tests.factories.membership import MembershipEnquiryFactory, NoteFactory, StatusChangeFactory

LIST = "/admin/membership/membershipenquiry/"


def listed(client, params=None):
    response = client.get(LIST, params or {})
    assert response.status_code == 200
    return [entry.pk for entry in response.context["object_list"]]


@pytest.fixture
def two_entries(people):
    """Two entries any of the probing lookups below would tell apart, were it applied."""
    probed = MembershipEnquiryFactory(submission_token="token-probed")
    NoteFactory(enquiry=probed, text="Secret call notes")
    StatusChangeFactory(enquiry=probed, changed_by=people["superuser"])
    other = MembershipEnquiryFactory(submission_token="token-other")
    return probed, other


def probes(people):
    return {
        "password hash": {
            "changes__changed_by__username": "boss",
            "changes__changed_by__password__startswith": people["superuser"].password[:6],
        },
        "notes": {"notes__text__icontains": "secret"},
        "submission token": {"submission_token__startswith": "token-probed"},
        "unknown field": {"no_such_field": "1"},
    }


@pytest.mark.parametrize("probe", ["password hash", "notes", "submission token", "unknown field"])
def test_the_list_ignores_lookups_that_are_not_its_declared_filters(client, people, two_entries, probe):
    client.force_login(people["team"])
    everything = listed(client)
    assert len(everything) == 2
    assert listed(client, probes(people)[probe]) == everything


def test_export_ignores_them_too(client, people, two_entries):
    client.force_login(people["team"])
    for params in probes(people).values():
        response = client.get(LIST, {"export": "csv", **params})
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert {row["Reference"] for row in rows} == {entry.reference for entry in two_entries}


@pytest.mark.parametrize(
    "params",
    [
        {"received_at__gte": "abc"},
        {"received_at__lt": "2024-13-45"},
        {"kind__isnull": "abc"},
        {"received_at": "abc"},
        {"received_at__gte": "abc", "export": "csv"},
    ],
    ids=["date from", "date before", "isnull", "bare date", "export"],
)
def test_an_unreadable_value_for_a_declared_filter_is_a_400(client, people, enquiry, params):
    client.force_login(people["team"])
    response = client.get(LIST, params)
    assert response.status_code == 400
    content = response.content.decode()
    assert "could not read that request" in content and "Traceback" not in content


def test_the_declared_filters_ordering_search_and_pages_still_work(client, people):
    old = MembershipEnquiryFactory(
        organisation_name="Old Org",
        received_at=timezone.now() - timedelta(days=3),
        organisation_type=OrganisationType.GOVERNMENT,
    )
    new = MembershipEnquiryFactory(organisation_name="New Org", kind=Kind.APPLICATION, country="FR")
    contacted = MembershipEnquiryFactory(organisation_name="Contacted Org", status=Status.CONTACTED)
    client.force_login(people["team"])
    since = (timezone.now() - timedelta(days=1)).isoformat()
    expected = [
        ({"kind__exact": "application"}, [new.pk]),
        ({"kind": "application"}, [new.pk]),
        ({"status": "new"}, [new.pk, old.pk]),  # the dashboard panel's link
        ({"status__exact": "contacted"}, [contacted.pk]),
        ({"organisation_type__exact": "government"}, [old.pk]),
        ({"country__exact": "FR"}, [new.pk]),
        ({"received_at__gte": since}, [contacted.pk, new.pk]),
        ({"received_at__lt": since}, [old.pk]),
        ({"kind__isnull": "false"}, [contacted.pk, new.pk, old.pk]),
        ({"q": "Old"}, [old.pk]),
        ({"o": "2", "p": "1"}, [contacted.pk, new.pk, old.pk]),  # by organisation name (column 0 is the tick box)
    ]
    for params, pks in expected:
        assert listed(client, params) == pks, params


# Every URL the register's model admin registers, as Wagtail serves it, by its name and the
# names of its arguments; a URL added later is in this table without anyone adding it here.
REGISTERED = [
    (url.name, tuple(url.pattern.regex.groupindex))
    for url in MembershipEnquiryAdmin().get_admin_urls_for_registration()
]
CASES = [(name, arguments, "") for name, arguments in REGISTERED] + [
    ("membership_membershipenquiry_modeladmin_index", (), "?export=csv")
]


def test_the_table_holds_every_view_of_the_register():
    names = {name for name, _ in REGISTERED}
    for action in ["index", "create", "edit", "delete", "inspect", "history"]:
        assert f"membership_membershipenquiry_modeladmin_{action}" in names
    assert "membership_notify_interest" in names


@pytest.mark.parametrize(("name", "arguments", "query"), CASES, ids=[f"{case[0]}{case[2]}" for case in CASES])
@pytest.mark.parametrize("who", ["anonymous", "editor", "moderator", "team", "superuser"])
def test_every_register_url_answers_only_who_may_view_the_register(
    client, people, enquiry, membership_page, name, arguments, query, who
):
    url = reverse(name, kwargs={argument: enquiry.pk for argument in arguments}) + query
    if who != "anonymous":
        client.force_login(people[who])
    # GET first: a superuser's POST to the delete view removes the entry.
    for method in (client.get, client.post):
        response = method(url)
        if who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), method
        elif who in ("editor", "moderator"):
            assert response.status_code == 403, method
        else:
            assert response.status_code in (200, 302, 405), method


def test_the_site_history_report_shows_register_changes_to_the_team_not_to_editors(client, people, enquiry):
    client.force_login(people["team"])
    # A change of status from the list (the edit view logs its saves the same way).
    assert client.post(LIST, {"entries": [enquiry.pk], "new_status": Status.CONTACTED}).status_code == 302
    for who, sees in [("editor", False), ("moderator", False), ("superuser", True)]:
        viewer = Client()  # not the team's browser, which still holds the "updated" message
        viewer.force_login(people[who])
        content = viewer.get("/admin/reports/site-history/").content.decode()
        assert (enquiry.reference in content) is sees, who
        assert ("Example Technologies" in content) is sees, who


def test_no_search_finds_an_entry_for_an_editor(client, people, enquiry):
    # Wagtail 8 has no /admin/search/ any more (404): its search box is the pages search.
    client.force_login(people["editor"])
    for url in ["/admin/search/", "/admin/pages/search/", "/search/"]:
        response = client.get(url, {"q": "Example Technologies"})
        content = response.content.decode()
        assert response.status_code in (200, 404), url
        assert enquiry.reference not in content and "sam@example.org" not in content, url
        assert f"{LIST}inspect/{enquiry.pk}/" not in content and f"{LIST}edit/{enquiry.pk}/" not in content, url
