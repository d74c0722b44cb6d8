"""What a sent form saves, how often it may be sent, and what the sender is told."""

from django.core import mail

from membership.models import MembershipEnquiry, Status
from tests.factories.membership import MembershipEnquiryFactory, form_data


def test_more_than_five_submissions_in_ten_minutes_get_a_429(client, membership_page):
    for number in range(5):
        assert client.post("/membership/", form_data(email=f"p{number}@example.org")).status_code == 302
    response = client.post("/membership/", form_data(email="p6@example.org"))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert MembershipEnquiry.objects.count() == 5


def test_a_double_submit_makes_one_row(client, membership_page, worker):
    data = form_data()
    first = client.post("/membership/", data)
    second = client.post("/membership/", data)
    worker()
    assert MembershipEnquiry.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 2  # acknowledged and notified once


def test_registering_interest_again_updates_the_open_entry(client, membership_page):
    client.post("/membership/", form_data(message="First"))
    response = client.post("/membership/", form_data(message="Second", email="SAM@example.org"), follow=True)
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.message == "Second" and enquiry.times_submitted == 2
    assert "updated your existing entry" in response.content.decode()
    assert "We have not sent another confirmation" in response.content.decode()
    assert "on its way" not in response.content.decode()


def test_registering_again_after_being_declined_adds_a_new_entry(client, membership_page):
    MembershipEnquiryFactory(organisation_name="Example Technologies", email="sam@example.org", status=Status.DECLINED)
    client.post("/membership/", form_data())
    assert MembershipEnquiry.objects.count() == 2


def test_the_confirmation_cannot_be_guessed(client, membership_page):
    MembershipEnquiryFactory()
    assert client.get("/membership/confirmation/?ref=1").status_code == 404
