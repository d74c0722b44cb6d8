"""E-mail leaves the request: the worker sends it from the database queue, retries a mail
server that is down, stops at a refusal, and never sends one e-mail twice."""

import threading
import time
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from membership.emails import queue_emails
from membership.models import Delivery, Email, EnquiryEmail, Kind, MembershipEnquiry, OrganisationType
from tests.factories.membership import MembershipEnquiryFactory, form_data
from tests.mail_server import MailServer, SilentMailServer, smtp_mailer

REGISTER = "/admin/membership/membershipenquiry/"

pytestmark = pytest.mark.usefixtures("team_address")


def deliveries():
    return {row.email: row for row in EnquiryEmail.objects.all()}


def make_retries_due():
    """Skip the wait before the next attempt, as if the minutes had passed."""
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))


def test_the_entry_and_its_emails_are_saved_and_the_worker_sends_them(client, membership_page, mail_server, worker):
    response = client.post("/membership/", form_data(email="applicant@example.org"))

    assert response.status_code == 302
    assert mail_server.messages == []  # nothing was sent while the visitor waited
    assert {row.delivery for row in deliveries().values()} == {Delivery.QUEUED}

    worker()

    enquiry = MembershipEnquiry.objects.get()
    assert sorted(mail_server.recipients()) == ["applicant@example.org", "membership@example.org"]
    assert all(enquiry.reference in message["Subject"] for message in mail_server.messages)
    assert {row.delivery for row in deliveries().values()} == {Delivery.SENT}


def test_the_confirmation_says_the_email_is_on_its_way_not_that_it_was_sent(client, membership_page, worker):
    html = client.post("/membership/", form_data(email="applicant@example.org"), follow=True).content.decode()
    assert "on its way to applicant@example.org" in html
    assert "We have sent" not in html


def test_a_mail_server_that_never_answers_holds_up_neither_visitors_nor_the_database(
    client, membership_page, settings, worker
):
    with SilentMailServer() as stuck:
        settings.MAILERS = smtp_mailer(stuck.port, timeout=2)
        for number in range(2):
            assert client.post("/membership/", form_data(organisation_name=f"Org {number}")).status_code == 302
        assert stuck.connections_made() == 0  # no request talked to the mail server

        # While the worker waits on the silent server, another visitor sends the form: no
        # transaction may be open meanwhile, or on SQLite this entry would wait for the lock.
        meanwhile = {}
        visitor = threading.Thread(target=send_once_the_worker_is_stuck, args=(stuck, meanwhile))
        visitor.start()
        worker()
        visitor.join()
        assert meanwhile["status"] == 302
        assert MembershipEnquiry.objects.filter(organisation_name="Saved meanwhile").exists()

    first = EnquiryEmail.objects.filter(enquiry__organisation_name="Org 0").first()
    assert first.delivery == Delivery.RETRYING
    assert "did not answer in time" in first.problem


def send_once_the_worker_is_stuck(stuck, outcome, seconds=10):
    from django.db import connection
    from django.test import Client

    deadline = time.monotonic() + seconds
    while not stuck.connections_made() and time.monotonic() < deadline:
        time.sleep(0.01)
    outcome["status"] = Client().post("/membership/", form_data(organisation_name="Saved meanwhile")).status_code
    connection.close()


def test_a_refused_applicant_address_does_not_stop_the_teams_notice(client, membership_page, mail_server, worker):
    mail_server.refused.add("bad-recipient@example.org")
    client.post("/membership/", form_data(email="bad-recipient@example.org"))

    worker()

    emails = deliveries()
    assert mail_server.recipients() == ["membership@example.org"]
    assert emails[Email.TEAM_NOTIFICATION].delivery == Delivery.SENT
    assert emails[Email.ACKNOWLEDGEMENT].delivery == Delivery.REFUSED
    assert emails[Email.ACKNOWLEDGEMENT].attempts == 1
    make_retries_due()
    worker()
    assert emails[Email.ACKNOWLEDGEMENT].attempts == EnquiryEmail.objects.get(email=Email.ACKNOWLEDGEMENT).attempts

    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.email_problems() == [
        "E-mail to the applicant refused: 550 5.1.1 <bad-recipient@example.org>: Recipient address rejected: User unknown"
    ]


def test_the_register_shows_the_team_a_refused_email(client, membership_page, mail_server, worker, django_user_model):
    from tests.factories.membership import team_member

    mail_server.refused.add("bad-recipient@example.org")
    client.post("/membership/", form_data(email="bad-recipient@example.org"))
    worker()
    enquiry = MembershipEnquiry.objects.get()

    client.force_login(team_member(django_user_model))
    for url in [REGISTER, f"{REGISTER}inspect/{enquiry.pk}/"]:
        assert "E-mail to the applicant refused: 550" in client.get(url).content.decode(), url


def test_a_server_that_is_down_is_tried_again_later_and_each_email_sent_once(
    client, membership_page, settings, worker
):
    with SilentMailServer() as closed:
        down_port = closed.port
    settings.MAILERS = smtp_mailer(down_port)  # nothing listens there any more: connection refused
    client.post("/membership/", form_data(email="applicant@example.org"))

    worker()

    acknowledgement = EnquiryEmail.objects.get(email=Email.ACKNOWLEDGEMENT)
    assert acknowledgement.delivery == Delivery.RETRYING and acknowledgement.attempts == 1
    retry = DBTaskResult.objects.filter(status="READY").order_by("run_after").first()
    assert retry.run_after - timezone.now() > timedelta(seconds=50)  # not hammered: a minute later
    worker()  # nothing is due yet
    assert EnquiryEmail.objects.get(email=Email.ACKNOWLEDGEMENT).attempts == 1

    with MailServer() as back_up:
        settings.MAILERS = smtp_mailer(back_up.port)
        make_retries_due()
        worker()
        worker()
        assert sorted(back_up.recipients()) == ["applicant@example.org", "membership@example.org"]
    assert {row.delivery for row in deliveries().values()} == {Delivery.SENT}
    assert all(row.problem == "" for row in deliveries().values())


def test_after_the_last_retry_it_stops_and_send_pending_emails_queues_it_again(
    client, membership_page, settings, worker, mail_server
):
    from django.core.management import call_command

    from membership.emails import RETRY_DELAYS

    port = mail_server.port
    with SilentMailServer() as closed:
        settings.MAILERS = smtp_mailer(closed.port)  # closed by the time the worker runs
    client.post("/membership/", form_data(email="applicant@example.org"))
    for _ in range(len(RETRY_DELAYS) + 1):
        make_retries_due()
        worker()
    acknowledgement = EnquiryEmail.objects.get(email=Email.ACKNOWLEDGEMENT)
    assert acknowledgement.delivery == Delivery.GAVE_UP
    assert acknowledgement.problem.startswith(f"not sent after {len(RETRY_DELAYS) + 1} attempts")

    settings.MAILERS = smtp_mailer(port)
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    worker()
    assert sorted(mail_server.recipients()) == ["applicant@example.org", "membership@example.org"]
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    worker()
    assert len(mail_server.messages) == 2


def sent_to(mail_server, address):
    return [message for message in mail_server.messages if message["To"] == address]


def test_the_acknowledgement_summarises_an_application_and_replies_reach_the_team(
    mail_server, worker, membership_page
):
    enquiry = MembershipEnquiryFactory(
        kind=Kind.APPLICATION,
        organisation_name="East African Child Online Network",
        organisation_type=OrganisationType.REGIONAL,
        country="",
        regions_covered="Kenya, Tanzania and Uganda",
        email="amina@example.org",
        contact_name="Amina Odhiambo",
        senior_lead_name="Hon. J. Kamau",
        senior_lead_role="Secretary General",
        working_contact_name="P. Wanjiru",
        working_contact_email="p.wanjiru@example.org",
        read_commitments=True,
        website="https://phish.example/login",
        message="Click https://phish.example/login to keep your account",
    )
    with transaction.atomic():
        queue_emails(enquiry, Email.ACKNOWLEDGEMENT)

    worker()

    [message] = sent_to(mail_server, "amina@example.org")
    assert message["Subject"] == f"Your membership request {enquiry.reference}"
    assert message["Reply-To"] == "membership@example.org"
    body = message.get_content()
    assert body.splitlines()[0] == "Hello,"
    for line in [
        "Type of organisation: Regional organisation",
        "Your e-mail address: amina@example.org",
        "Member commitments: you confirmed that you have read them",
        "The membership team has everything else you gave",
        "The membership team will review your request",
        "reply to this e-mail: your reply goes to the membership team",
    ]:
        assert line in body
    assert "Country:" not in body  # none given
    # Nothing typed is passed on to an inbox in our name: no name, role, region, website or message.
    for typed in [
        "East African", "Amina", "Kenya", "Kamau", "Secretary General", "Wanjiru", "p.wanjiru@", "phish.example",
    ]:  # fmt: skip
        assert typed not in body


@pytest.mark.parametrize("email", [Email.ACKNOWLEDGEMENT, Email.REOPENING])
def test_the_applicants_emails_repeat_no_name_that_carries_a_link(mail_server, worker, membership_page, email):
    """An entry the public form would refuse now, as an older one or one added by hand may be."""
    bait = "Visit http://evil.example/claim to get your prize"
    enquiry = MembershipEnquiryFactory(
        kind=Kind.INTEREST, organisation_name=bait, contact_name=bait, email="victim@example.org"
    )
    with transaction.atomic():
        queue_emails(enquiry, email)

    worker()

    [message] = sent_to(mail_server, "victim@example.org")
    assert "evil.example" not in message["Subject"] + message.get_content()
    assert message.get_content().splitlines()[0] == "Hello,"


def test_the_acknowledgement_of_an_interest_says_what_happens_next(client, membership_page, mail_server, worker):
    membership_page.paused_until = date.today() + timedelta(days=40)
    membership_page.save_revision().publish()
    client.post("/membership/", form_data(email="sam@example.org", phone="", country="GB"))

    worker()

    enquiry = MembershipEnquiry.objects.get()
    [message] = sent_to(mail_server, "sam@example.org")
    assert message["Subject"] == f"Your registration of interest {enquiry.reference}"
    assert message["Reply-To"] == "membership@example.org"
    body = message.get_content()
    assert "Type of organisation: Technology company" in body and "Country: United Kingdom" in body
    assert "Your telephone number" not in body  # none given
    assert "this is a registration of interest, not an application" in body
    assert f"We expect to reopen applications after {membership_page.paused_until:%-d %B %Y}." in body
    assert "We would like to join." not in body and "The membership team has everything else you gave" in body


def test_a_second_form_from_the_same_organisation_and_address_is_flagged_to_the_team_and_sender(
    client, membership_page, mail_server, worker
):
    client.post("/membership/", form_data(email="sam@example.org"))
    client.post("/membership/", form_data(email="Sam@Example.org", organisation_name="EXAMPLE Technologies"))

    worker()

    first, second = MembershipEnquiry.objects.order_by("received_at")
    [notice] = [
        message for message in sent_to(mail_server, "membership@example.org") if second.reference in message["Subject"]
    ]
    assert notice["Subject"].endswith("(possible duplicate)")
    assert f"- {first.reference}, registration of interest received" in notice.get_content()
    [acknowledgement] = sent_to(mail_server, "Sam@Example.org")
    assert f"We also have another form for the same organisation from this e-mail address ({first.reference})" in (
        acknowledgement.get_content()
    )


def test_a_confirmation_slower_than_the_timeout_is_not_sent_again_and_the_team_is_told(
    client, membership_page, settings, worker, django_user_model
):
    from tests.factories.membership import team_member

    with MailServer(confirm_after=2) as slow:
        settings.MAILERS = smtp_mailer(slow.port, timeout=1)  # gives up before the server's 250
        client.post("/membership/", form_data(email="applicant@example.org"))
        worker()
        make_retries_due()
        worker()

        assert sorted(slow.recipients()) == ["applicant@example.org", "membership@example.org"]  # once each
    emails = deliveries()
    assert {row.delivery for row in emails.values()} == {Delivery.MAYBE_SENT}
    assert {message["Message-ID"] for message in slow.messages} == {row.message_id for row in emails.values()}

    client.force_login(team_member(django_user_model))
    enquiry = MembershipEnquiry.objects.get()
    page = client.get(f"{REGISTER}inspect/{enquiry.pk}/").content.decode()
    assert (
        "E-mail to the applicant may have been sent: the mail server took the message but never confirmed it" in page
    )


def test_the_teams_notice_links_to_the_entry_at_the_sites_public_address(
    client, membership_page, mail_server, worker, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://www.weprotect.example"
    client.post("/membership/", form_data(email="applicant@example.org"))

    worker()

    enquiry = MembershipEnquiry.objects.get()
    [notice] = sent_to(mail_server, "membership@example.org")
    link = f"https://www.weprotect.example/admin/membership/membershipenquiry/inspect/{enquiry.pk}/"
    assert link in notice.get_content().splitlines()
