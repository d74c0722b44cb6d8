"""What a sent form saves, how often it may be sent, and what the sender is told."""

import re
import time
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail, signing

from membership.models import Email, EnquiryEmail, EntryChange, Kind, MembershipEnquiry, OrganisationType, Status
from membership.views import CONFIRMATION_SALT, EMAIL_RATE_LIMIT, RATE_LIMIT
from tests.factories.membership import MembershipEnquiryFactory, form_data

OFFICE = "203.0.113.7"


@pytest.fixture
def clock(monkeypatch):
    """The time every limit and signature reads (time.time), set to 13:55 UTC and moved on by hand."""

    class Clock:
        now = datetime(2026, 5, 4, 13, 55, tzinfo=UTC).timestamp()

        def advance(self, minutes):
            self.now += minutes * 60

    clock = Clock()
    monkeypatch.setattr(time, "time", lambda: clock.now)
    return clock


def send(client, address=OFFICE, **answers):
    return client.post("/membership/", form_data(**answers), REMOTE_ADDR=address)


def send_from_colleagues(client, how_many, first=0):
    """Colleagues in one office, each with their own e-mail address, all behind one address."""
    return [
        send(client, email=f"colleague{number}@example.org").status_code for number in range(first, first + how_many)
    ]


def error_summary(response):
    html = response.content.decode()
    start = html.index('class="error-summary"')
    return re.sub(r"\s+", " ", html[start : html.index("</ul>", start)])


class TestLimits:
    def test_mistakes_never_count_and_an_office_sends_twenty_forms_in_an_hour(self, client, membership_page):
        for _ in range(5):
            assert send(client, email="not an address").status_code == 200

        assert send_from_colleagues(client, RATE_LIMIT) == [302] * RATE_LIMIT

        assert MembershipEnquiry.objects.count() == RATE_LIMIT
        assert send(client, email="one-more@example.org").status_code == 429
        assert send(client, "198.51.100.20", email="another-office@example.org").status_code == 302

    def test_the_refusal_shows_the_form_as_typed_and_when_to_send_it(self, client, membership_page, clock):
        send_from_colleagues(client, RATE_LIMIT)
        clock.advance(minutes=35)  # 14:30; the window opened at 13:55

        response = send(
            client,
            organisation_name="Ministry of Digital Affairs",
            organisation_type=OrganisationType.GOVERNMENT,
            contact_name="Amina Odhiambo",
            email="amina@example.org",
            message="We would like to apply.\nSecond line.",
        )

        assert response.status_code == 429
        assert response["Retry-After"] == str(25 * 60)
        assert (
            "You have sent 20 forms in the last hour from this network. Everything you typed is still below: "
            "you can send this form after 14:55 UTC (in about 25 minutes)."
        ) in error_summary(response)
        html = response.content.decode()
        for typed in ['value="Ministry of Digital Affairs"', 'value="Amina Odhiambo"', 'value="amina@example.org"']:
            assert typed in html
        assert re.search(r'value="government"[^>]*checked', html)
        assert "We would like to apply.\nSecond line.</textarea>" in html
        assert re.search(r'name="privacy_consent"[^>]*checked', html)
        assert MembershipEnquiry.objects.count() == RATE_LIMIT

    def test_the_window_is_fixed_so_trying_again_never_moves_its_end(self, client, membership_page, clock):
        send_from_colleagues(client, 1)
        clock.advance(minutes=50)
        send_from_colleagues(client, RATE_LIMIT - 1, first=1)
        waits = []
        for _ in range(3):  # refused again and again near the end of the hour, from 14:45
            waits.append(int(send(client, email="waiting@example.org")["Retry-After"]))
            clock.advance(minutes=3)

        assert waits == [10 * 60, 7 * 60, 4 * 60]  # the end stays at 14:55

        clock.advance(minutes=2)  # 14:56: a new hour began at 14:55

        assert send(client, email="waiting@example.org").status_code == 302

    def test_three_entries_an_hour_for_one_email_address_in_any_letter_case(self, client, membership_page):
        for number, email in enumerate(["sam@example.org", "SAM@example.org", " Sam@Example.org"][:EMAIL_RATE_LIMIT]):
            assert send(client, email=email, organisation_name=f"Organisation {number}").status_code == 302

        refused = send(client, "198.51.100.20", email="sam@EXAMPLE.org")

        assert refused.status_code == 429
        assert "You have sent 3 forms in the last hour with this e-mail address." in error_summary(refused)
        assert send(client, email="colleague@example.org").status_code == 302

    def test_a_double_click_saves_and_counts_one_entry_even_at_the_limit(
        self, client, membership_page, team_address, worker
    ):
        data = form_data()
        first = client.post("/membership/", data)
        second = client.post("/membership/", data)
        for number in range(EMAIL_RATE_LIMIT - 1):
            assert send(client, organisation_name=f"Org {number}").status_code == 302
        third = client.post("/membership/", data)  # the limit is reached, but this form was saved already

        # Each answer signs its link afresh (with the time), so compare the entry each one shows.
        assert confirmed_entry(first) == confirmed_entry(second) == confirmed_entry(third)
        assert MembershipEnquiry.objects.count() == EMAIL_RATE_LIMIT
        worker()
        assert len(mail.outbox) == 2 * EMAIL_RATE_LIMIT  # acknowledged and notified once per entry


def confirmed_entry(response):
    """The id of the entry a confirmation link (the answer's Location) shows."""
    token = parse_qs(urlsplit(response["Location"]).query)["ref"][0]
    return signing.loads(token, salt=CONFIRMATION_SALT)["id"]


class TestSendingAgain:
    def test_registering_again_adds_an_entry_and_leaves_the_first_as_it_was(self, client, membership_page):
        send(client, contact_name="Sam Taylor", phone="+44 20 7946 0000", message="First")
        first = MembershipEnquiry.objects.get()
        before = {field.name: getattr(first, field.name) for field in MembershipEnquiry._meta.fields}

        send(
            client,
            organisation_name="  example   TECHNOLOGIES ",
            email="SAM@Example.org",
            contact_name="Someone Else",
            phone="+44 20 7946 0999",
            website="https://other.example",
            message="Second",
        )

        first.refresh_from_db()
        assert {field.name: getattr(first, field.name) for field in MembershipEnquiry._meta.fields} == before
        second = MembershipEnquiry.objects.exclude(pk=first.pk).get()
        assert second.contact_name == "Someone Else" and second.message == "Second"
        assert list(first.possible_duplicates()) == [second]
        assert list(second.possible_duplicates()) == [first]
        assert not EntryChange.objects.exists()

    def test_back_then_send_again_after_an_application_is_a_second_entry_grouped_with_the_first(
        self, client, membership_page, clock
    ):
        application = {"organisation_type": OrganisationType.GOVERNMENT}
        first = send_a_freshly_loaded_form(client, clock, **application)
        second = send_a_freshly_loaded_form(client, clock, **application)  # Back, reload, Send

        assert first["Location"] != second["Location"]
        entries = MembershipEnquiry.objects.order_by("received_at")
        assert [entry.kind for entry in entries] == [Kind.APPLICATION, Kind.APPLICATION]
        assert entries[0].reference != entries[1].reference
        assert list(entries[1].possible_duplicates()) == [entries[0]]

    def test_registering_again_after_being_declined_adds_a_new_entry(self, client, membership_page):
        declined = MembershipEnquiryFactory(
            organisation_name="Example Technologies", email="sam@example.org", status=Status.DECLINED
        )
        send(client)
        assert list(declined.possible_duplicates().values_list("status", flat=True)) == [Status.NEW]


def send_a_freshly_loaded_form(client, clock, **answers):
    """Load the form (with its own one-time token), take a minute over it, and send it."""
    html = client.get("/membership/").content.decode()
    hidden = dict(re.findall(r'type="hidden" name="(started|token)" value="([^"]+)"', html))
    clock.advance(minutes=1)
    return send(client, **answers, **hidden)


class TestConfirmation:
    def test_every_confirmation_that_promises_an_email_has_one_queued(self, client, membership_page):
        for _ in range(2):  # the second a possible duplicate of the first
            html = client.get(send(client)["Location"]).content.decode()
            enquiry = MembershipEnquiry.objects.order_by("-pk").first()
            assert f"on its way to {enquiry.email}" in html
            assert EnquiryEmail.objects.filter(enquiry=enquiry, email=Email.ACKNOWLEDGEMENT).exists()
            assert "updated" not in html

    def test_a_duplicates_confirmation_does_not_reveal_the_earlier_entry(self, client, membership_page):
        earlier = MembershipEnquiryFactory(organisation_name="Example Technologies", email="sam@example.org")
        duplicate_page = client.get(send(client)["Location"]).content.decode()
        fresh_page = client.get(send(client, organisation_name="A New Organisation")["Location"]).content.decode()

        assert earlier.reference not in duplicate_page

        def without_reference(html):
            return re.sub(r"WPGA-[A-Z0-9]+", "", html).replace("A New Organisation", "Example Technologies")

        assert without_reference(duplicate_page) == without_reference(fresh_page)
        assert "the membership team sees forms from the same organisation and e-mail address together" in fresh_page

    def test_the_confirmation_cannot_be_guessed(self, client, membership_page):
        MembershipEnquiryFactory()
        assert client.get("/membership/confirmation/?ref=1").status_code == 404
