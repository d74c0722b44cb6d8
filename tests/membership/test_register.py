"""The membership team working the register in the Wagtail admin, and who may not."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from membership.models import Delivery, Email, Kind, MembershipEnquiry, Status
from tests.factories.membership import MembershipEnquiryFactory, team_member

LIST = "/admin/membership/membershipenquiry/"


def urls(enquiry):
    return {
        "list": LIST,
        "inspect": f"{LIST}inspect/{enquiry.pk}/",
        "edit": f"{LIST}edit/{enquiry.pk}/",
        "export": f"{LIST}?export=csv",
        "action": f"{LIST}notify-interest/",
    }


@pytest.mark.parametrize("view", ["list", "inspect", "edit", "export", "action"])
@pytest.mark.parametrize(
    ("who", "allowed"), [("editor", False), ("moderator", False), ("team", True), ("superuser", True)]
)
def test_permission_matrix(client, enquiry, people, membership_page, view, who, allowed):
    client.force_login(people[who])
    url = urls(enquiry)[view]
    response = client.post(url) if view == "action" else client.get(url)
    if allowed:
        assert response.status_code in (200, 302)
        if view == "action":
            assert response["Location"].endswith(LIST)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("view", ["list", "inspect", "edit", "export"])
def test_anonymous_visitors_are_sent_to_log_in(client, enquiry, view):
    response = client.get(urls(enquiry)[view])
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_only_the_team_and_superusers_see_the_menu_item(client, people):
    for who, sees in [("editor", False), ("moderator", False), ("team", True), ("superuser", True)]:
        client.force_login(people[who])
        assert ("Membership register" in client.get("/admin/").content.decode()) is sees, who


def test_the_dashboard_tells_the_team_how_many_new_entries_wait(client, people):
    MembershipEnquiryFactory.create_batch(3)
    MembershipEnquiryFactory(status=Status.CONTACTED)
    client.force_login(people["team"])
    assert "3 new entries waiting" in client.get("/admin/").content.decode()


def test_the_list_shows_entries_newest_first_with_filters_and_search(client, people):
    older = MembershipEnquiryFactory(organisation_name="Older Org", received_at=timezone.now() - timedelta(days=3))
    newer = MembershipEnquiryFactory(organisation_name="Newer Org", kind=Kind.APPLICATION, country="FR")
    client.force_login(people["team"])
    html = client.get(LIST).content.decode()
    assert html.index(newer.reference) < html.index(older.reference)
    assert "Older Org" not in client.get(LIST, {"kind": "application"}).content.decode()
    assert "Newer Org" not in client.get(LIST, {"q": "Older"}).content.decode()
    assert "Older Org" not in client.get(LIST, {"country": "FR"}).content.decode()


def test_export_follows_the_filters(client, people):
    MembershipEnquiryFactory(organisation_name="Kept", kind=Kind.APPLICATION)
    MembershipEnquiryFactory(organisation_name="Filtered out", kind=Kind.INTEREST)
    client.force_login(people["team"])
    content = b"".join(client.get(LIST, {"export": "csv", "kind": "application"}).streaming_content).decode()
    assert "Kept" in content and "Filtered out" not in content


def test_a_user_who_may_view_but_not_export_gets_403_on_export(client, django_user_model, enquiry):
    user = django_user_model.objects.create_user("viewer", "v@example.org", "a-long-password-here")
    user.user_permissions.add(
        Permission.objects.get(codename="view_membershipenquiry"), Permission.objects.get(codename="access_admin")
    )
    client.force_login(user)
    assert client.get(LIST).status_code == 200
    assert client.get(LIST, {"export": "csv"}).status_code == 403


def test_notify_registered_interest_emails_each_once_when_the_pause_lifts(membership_page, worker):
    waiting = MembershipEnquiryFactory(email="waiting@example.org")
    MembershipEnquiryFactory(kind=Kind.APPLICATION, email="applicant@example.org")
    MembershipEnquiryFactory(status=Status.WITHDRAWN, email="withdrawn@example.org")
    with pytest.raises(CommandError, match="still paused"):
        call_command("notify_registered_interest")
    membership_page.applications_paused = False
    membership_page.save_revision().publish()
    call_command("notify_registered_interest", stdout=io.StringIO())
    worker()
    call_command("notify_registered_interest", stdout=io.StringIO())
    worker()
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]
    assert "how to apply" in mail.outbox[0].body.lower() and "/membership/" in mail.outbox[0].body
    assert waiting.emails.get(email=Email.REOPENING).delivery == Delivery.SENT


def test_the_admin_action_queues_the_emails_and_says_so(client, django_user_model, membership_page, worker):
    MembershipEnquiryFactory(email="waiting@example.org")
    membership_page.applications_paused = False
    membership_page.save_revision().publish()
    client.force_login(team_member(django_user_model))
    response = client.post(f"{LIST}notify-interest/", follow=True)
    assert "1 organisation will be told" in response.content.decode()
    assert mail.outbox == []  # the worker sends them, not the request
    worker()
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]


def make_old(enquiry, months):
    MembershipEnquiry.objects.filter(pk=enquiry.pk).update(updated_at=timezone.now() - timedelta(days=months * 31))


def test_purge_deletes_closed_and_untouched_entries_past_the_retention_period(db):
    old_declined = MembershipEnquiryFactory(status=Status.DECLINED)
    old_new = MembershipEnquiryFactory(status=Status.NEW)
    old_member = MembershipEnquiryFactory(status=Status.MEMBER)
    recent = MembershipEnquiryFactory(status=Status.WITHDRAWN)
    for enquiry in (old_declined, old_new, old_member):
        make_old(enquiry, 25)
    make_old(recent, 23)

    out = io.StringIO()
    call_command("purge_enquiries", "--dry-run", stdout=out)
    assert "Would delete 2" in out.getvalue() and old_declined.reference in out.getvalue()
    assert MembershipEnquiry.objects.count() == 4

    call_command("purge_enquiries", stdout=io.StringIO())
    assert set(MembershipEnquiry.objects.values_list("pk", flat=True)) == {old_member.pk, recent.pk}


def test_the_privacy_notice_states_the_retention_period(client, initial_content, settings):
    assert f"{settings.ENQUIRY_RETENTION_MONTHS} months" in client.get("/privacy/").content.decode()


def test_hostile_values_are_escaped_in_the_admin_list_and_inspect_view(client, people):
    hostile = MembershipEnquiryFactory(organisation_name='<img src=x onerror="alert(1)">')
    client.force_login(people["team"])
    for url in [LIST, f"{LIST}inspect/{hostile.pk}/"]:
        html = client.get(url).content.decode()
        assert '<img src=x onerror="alert(1)">' not in html
        assert "&lt;img src=x" in html
