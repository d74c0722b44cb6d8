"""The register's list as the membership team reads and works it: labels, possible duplicates
side by side, filters, search, changing many statuses at once, and the entry's own page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from membership.models import EntryChange, Kind, MembershipEnquiry, OrganisationType, Status
from tests.factories.membership import MembershipEnquiryFactory

LIST = "/admin/membership/membershipenquiry/"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def listed(client, params=None):
    response = client.get(LIST, params or {})
    assert response.status_code == 200
    return [entry.reference for entry in response.context["object_list"]]


@pytest.fixture
def team(client, people):
    client.force_login(people["team"])
    return people["team"]


def test_the_footer_counts_entries(client, team):
    MembershipEnquiryFactory()
    assert "1 entry</div>" in client.get(LIST).content.decode()
    MembershipEnquiryFactory.create_batch(2)
    html = client.get(LIST).content.decode()
    assert "3 entries</div>" in html and "membership register</div>" not in html


def test_possible_duplicates_are_listed_together_newest_group_first_and_link_to_each_other(client, team):
    first = MembershipEnquiryFactory(
        organisation_name="Safe Net", email="info@safenet.example", received_at=days_ago(9)
    )
    other = MembershipEnquiryFactory(organisation_name="Other Org", received_at=days_ago(5))
    again = MembershipEnquiryFactory(
        organisation_name="safe  net", email="INFO@safenet.example", received_at=days_ago(1)
    )
    assert listed(client) == [again.reference, first.reference, other.reference]
    html = client.get(LIST).content.decode()
    assert re.search(rf'Possible duplicate of <a href="{LIST}inspect/{first.pk}/">{first.reference}</a>', html)
    assert re.search(rf'Possible duplicate of <a href="{LIST}inspect/{again.pk}/">{again.reference}</a>', html)
    assert html.count('class="possible-duplicate') == 2


def test_a_filter_lists_only_entries_with_possible_duplicates(client, team):
    first = MembershipEnquiryFactory(organisation_name="Safe Net", email="info@safenet.example")
    again = MembershipEnquiryFactory(organisation_name="Safe Net", email="info@safenet.example")
    alone = MembershipEnquiryFactory()
    assert set(listed(client, {"duplicates": "yes"})) == {first.reference, again.reference}
    assert listed(client, {"duplicates": "no"}) == [alone.reference]
    assert (
        "with possible duplicates “Has possible duplicates”"
        in client.get(LIST, {"duplicates": "yes"}).content.decode()
    )


def test_the_country_filter_offers_only_the_countries_in_the_register(client, team):
    MembershipEnquiryFactory(country="FR")
    MembershipEnquiryFactory(country="GB")
    regional = MembershipEnquiryFactory(country="", organisation_type=OrganisationType.REGIONAL)
    html = client.get(LIST).content.decode()
    assert "France" in html and "United Kingdom" in html and "No country given" in html
    assert "Afghanistan" not in html and "Zimbabwe" not in html
    assert listed(client, {"country__exact": ""}) == [regional.reference]


def test_search_finds_the_working_level_contacts_email(client, team):
    found = MembershipEnquiryFactory(working_contact_email="jo.rivera@ministry.example")
    MembershipEnquiryFactory(working_contact_email="someone@else.example")
    assert listed(client, {"q": "jo.rivera@ministry"}) == [found.reference]


def bulk(client, entries, new_status, query=""):
    return client.post(LIST + query, {"entries": [entry.pk for entry in entries], "new_status": new_status})


def test_the_team_sets_the_status_of_several_entries_at_once_and_each_change_is_in_its_history(client, team):
    waiting = MembershipEnquiryFactory.create_batch(2)
    already = MembershipEnquiryFactory(status=Status.CONTACTED)
    untouched = MembershipEnquiryFactory()
    response = bulk(client, [*waiting, already], Status.CONTACTED, query="?kind__exact=interest")
    assert response.status_code == 302 and response["Location"] == f"{LIST}?kind__exact=interest"
    for entry in waiting:
        entry.refresh_from_db()
        change = entry.changes.get()
        assert entry.status == Status.CONTACTED
        assert (change.field, change.old_value, change.new_value) == ("status", "New", "Contacted")
        assert change.changed_by == team
    assert not already.changes.exists()  # it already had that status: nothing to record
    assert MembershipEnquiry.objects.get(pk=untouched.pk).status == Status.NEW
    html = client.get(LIST).content.decode()
    assert "2 entries now have the status “Contacted”. 1 entry already had it." in html


@pytest.mark.parametrize(
    ("entries", "new_status", "error"),
    [
        ([], Status.MEMBER, "Select the entries whose status you want to change"),
        (["picked"], "", "Choose the status to give the selected entries"),
        (["picked"], "approved", "Choose one of the statuses in the list"),
        (["picked", "999999"], Status.MEMBER, "An entry you selected is no longer in the register"),
        (["abc"], Status.MEMBER, "An entry you selected is not in the register"),
    ],
    ids=["no entry", "no status", "unknown status", "gone entry", "not an id"],
)
def test_a_bulk_change_that_cannot_be_made_says_why_by_its_field_and_changes_nothing(
    client, team, entries, new_status, error
):
    picked = MembershipEnquiryFactory()
    ids = [picked.pk if entry == "picked" else entry for entry in entries]
    response = client.post(LIST, {"entries": ids, "new_status": new_status})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and html.count(error) == 2  # in the summary and by its field
    assert "<title>Error: " in html
    assert MembershipEnquiry.objects.get(pk=picked.pk).status == Status.NEW and not EntryChange.objects.exists()
    if entries == ["picked"]:
        assert f'value="{picked.pk}" id="select-{picked.pk}" form="bulk-status" checked' in html  # still ticked


def test_who_may_view_but_not_change_sees_no_tick_boxes_and_cannot_post(client, django_user_model):
    entry = MembershipEnquiryFactory()
    viewer = django_user_model.objects.create_user("viewer", "v@example.org", "a-long-password-here")
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["view_membershipenquiry", "access_admin"]))
    client.force_login(viewer)
    html = client.get(LIST).content.decode()
    assert entry.reference in html and 'name="entries"' not in html and "Change status" not in html
    assert bulk(client, [entry], Status.MEMBER).status_code == 403
    assert MembershipEnquiry.objects.get(pk=entry.pk).status == Status.NEW


def test_a_bulk_change_needs_the_forms_csrf_token(people):
    entry = MembershipEnquiryFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["team"])
    form = re.search(r'<form method="post" id="bulk-status".*?</form>', browser.get(LIST).content.decode(), re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group()).group(1)
    data = {"entries": [entry.pk], "new_status": Status.MEMBER}
    assert browser.post(LIST, data).status_code == 403
    assert MembershipEnquiry.objects.get(pk=entry.pk).status == Status.NEW
    assert browser.post(LIST, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    assert MembershipEnquiry.objects.get(pk=entry.pk).status == Status.MEMBER


def test_the_list_of_thirty_entries_takes_a_fixed_few_queries(client, team, django_assert_max_num_queries):
    for number in range(30):
        MembershipEnquiryFactory(email=f"same{number % 10}@example.org", organisation_name="Same")
    # Sign-in, permissions, counts, the page, its e-mails, its duplicates, the countries: not one a row.
    with django_assert_max_num_queries(22):
        assert client.get(LIST).status_code == 200


def test_the_entry_page_shows_labels_as_written_and_values_as_words(client, team):
    entry = MembershipEnquiryFactory(
        organisation_type=OrganisationType.TECHNOLOGY,
        kind=Kind.APPLICATION,
        senior_lead_role="Chief Executive",
        phone="+442079460000",
        read_commitments=False,
        privacy_consent=True,
    )
    html = client.get(f"{LIST}inspect/{entry.pk}/").content.decode()
    labels = re.findall(r"<dt[^>]*>(.*?)</dt>", html)
    values = dict(zip(labels, re.findall(r"<dd>(.*?)</dd>", html, re.S), strict=False))
    assert "Senior lead&#x27;s role" in labels and "Has read the member commitments" in labels
    assert values["Organisation type"] == "Technology company"
    assert values["Kind"] == "Application" and values["Country"] == "United Kingdom"
    assert values["Has read the member commitments"] == "No"
    assert values["Consented to the privacy notice"] == "Yes"
    assert values["Phone"] == "+44 20 7946 0000"
    assert values["Website"] == "Not given"
    assert "True" not in values.values() and "False" not in values.values()
