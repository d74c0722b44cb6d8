"""The membership team's work on one entry: notes kept as a log, corrections recorded in the
history, enquiries added by hand, erasure on request, and the reopening e-mails confirmed first."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from membership.models import (
    Email,
    EnquiryEmail,
    EntryChange,
    Erasure,
    Kind,
    MembershipEnquiry,
    Note,
    OrganisationType,
    Status,
    match_key,
)
from tests.factories.membership import MembershipEnquiryFactory, NoteFactory, correction_data, form_data, team_member

REGISTER = "/admin/membership/membershipenquiry/"


def edit_url(entry):
    return f"{REGISTER}edit/{entry.pk}/"


def inspect_url(entry):
    return f"{REGISTER}inspect/{entry.pk}/"


def note_url(entry):
    return f"{REGISTER}add-note/{entry.pk}/"


def erase_url(entry):
    return f"{REGISTER}delete/{entry.pk}/"


@pytest.fixture
def team(client, people):
    client.force_login(people["team"])
    return people["team"]


# Notes (point 14) ---------------------------------------------------------------------------


def test_a_second_note_is_added_after_the_first_with_who_wrote_each_and_when(client, team, enquiry, people):
    response = client.post(edit_url(enquiry), correction_data(enquiry, note="Called on Monday"))
    assert response.status_code == 302
    other = people["superuser"]
    client.force_login(other)
    assert client.post(note_url(enquiry), {"text": "Sent the application pack"}).status_code == 302

    notes = list(enquiry.notes.all())
    assert [(note.text, note.author) for note in notes] == [
        ("Called on Monday", team),
        ("Sent the application pack", other),
    ]
    page = client.get(inspect_url(enquiry)).content.decode()
    assert page.index("Called on Monday") < page.index("Sent the application pack")
    assert f"{notes[0].written_at:%-d %b %Y %H:%M}" in page and "boss" in page


def test_saving_without_a_note_keeps_the_notes_as_they_were(client, team, enquiry):
    NoteFactory(enquiry=enquiry, text="First call")
    client.post(edit_url(enquiry), correction_data(enquiry, status=Status.CONTACTED, note=""))
    assert list(enquiry.notes.values_list("text", flat=True)) == ["First call"]


def test_an_empty_note_is_refused_next_to_its_box_and_in_the_summary(client, team, enquiry):
    response = client.post(note_url(enquiry), {"text": "  "})
    assert response.status_code == 200
    assert response.content.decode().count("Enter the note") == 2  # summary and field
    assert not Note.objects.exists()


# Corrections (point 15) ---------------------------------------------------------------------


def test_a_corrected_detail_is_saved_and_recorded_with_before_after_who_and_when(client, team, enquiry):
    response = client.post(
        edit_url(enquiry),
        correction_data(enquiry, email="sam.taylor@example.org", organisation_type=OrganisationType.FINANCIAL),
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.email == "sam.taylor@example.org"
    assert enquiry.match_key == match_key("Example Technologies", "sam.taylor@example.org")
    changes = {change.field: change for change in enquiry.changes.all()}
    assert set(changes) == {"email", "organisation_type"}  # nothing recorded for unchanged fields
    assert (changes["email"].old_value, changes["email"].new_value) == ("sam@example.org", "sam.taylor@example.org")
    assert changes["organisation_type"].new_value == "Financial institution"  # as the team reads it
    assert changes["email"].changed_by == team and changes["email"].changed_at

    history = client.get(inspect_url(enquiry)).content.decode()
    assert "team changed E-mail: sam@example.org → sam.taylor@example.org" in history
    assert "Technology company → Financial institution" in history


def test_a_status_change_shows_its_labels_also_for_changes_recorded_before_labels_were(client, team, enquiry):
    client.post(edit_url(enquiry), correction_data(enquiry, status=Status.INVITED))
    EntryChange.objects.create(enquiry=enquiry, field="status", old_value="new", new_value="contacted")
    history = client.get(inspect_url(enquiry)).content.decode()
    assert "changed Status: New → Invited to apply" in history
    assert "changed Status: New → Contacted" in history


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "not-an-address"}, "Enter an e-mail address in the right format"),
        ({"email": ""}, "Enter the contact&#x27;s e-mail address"),
        ({"organisation_name": "Example\nBcc: everyone"}, "must be on one line"),
        ({"website": "example"}, "Enter a web address in the right format"),
    ],
    ids=["e-mail format", "e-mail missing", "line break", "website"],
)
def test_a_correction_is_checked_as_the_public_form_checks_it(client, team, enquiry, changes, message):
    response = client.post(edit_url(enquiry), correction_data(enquiry, **changes))
    assert response.status_code == 200
    assert response.content.decode().count(message) >= 2  # in the summary and by the field
    enquiry.refresh_from_db()
    assert enquiry.email == "sam@example.org" and not enquiry.changes.exists()


# Adding an enquiry by hand (point 18) -------------------------------------------------------

ADD = f"{REGISTER}create/"


def by_hand(**overrides):
    """The register's form for an enquiry taken by telephone: the public form's details, and the
    language the contact's e-mails are to be written in (the select starts on English)."""
    return form_data(**{"language": "en", **overrides})


def test_adding_by_hand_refuses_an_entry_without_organisation_or_email(client, team, membership_page):
    response = client.post(ADD, {"organisation_type": OrganisationType.TECHNOLOGY, "country": "GB"})
    assert response.status_code == 200
    content = response.content.decode()
    for message in ["Enter the name of the organisation", "Enter the contact&#x27;s e-mail address"]:
        assert content.count(message) == 2, message  # summary and field
    assert not MembershipEnquiry.objects.exists()


def test_an_application_added_by_hand_needs_its_leads_as_on_the_public_form(client, team, membership_page):
    data = by_hand(organisation_type=OrganisationType.GOVERNMENT, senior_lead_name="", read_commitments=None)
    response = client.post(ADD, data)
    assert "Enter the name of your organisation&#x27;s senior lead" in response.content.decode()
    assert not MembershipEnquiry.objects.exists()


def test_an_entry_added_by_hand_records_who_and_sends_no_notice_to_the_team(client, team, membership_page):
    response = client.post(ADD, by_hand(organisation_name="Phoned In Ltd", read_commitments=None))
    entry = MembershipEnquiry.objects.get()
    assert response.status_code == 302 and response["Location"] == inspect_url(entry)
    assert entry.added_by == team and entry.organisation_name == "Phoned In Ltd"
    assert entry.kind == Kind.INTEREST  # technology companies register interest while paused
    assert len(entry.submission_token) == 32
    assert not EnquiryEmail.objects.exists()
    assert "Added by hand by team" in client.get(inspect_url(entry)).content.decode()


def test_the_acknowledgement_goes_to_the_contact_only_when_ticked(django_user_model, client, membership_page, worker):
    from tests.factories.membership import team_member

    client.force_login(team_member(django_user_model))
    client.post(ADD, by_hand(email="caller@example.org", send_acknowledgement="on", read_commitments=None))
    worker()
    assert [message.to for message in mail.outbox] == [["caller@example.org"]]
    assert MembershipEnquiry.objects.get().emails.get().email == Email.ACKNOWLEDGEMENT


# Erasure on request (point 19) --------------------------------------------------------------


def test_erasing_asks_first_then_deletes_the_entry_and_logs_no_personal_data(client, team, enquiry):
    NoteFactory(enquiry=enquiry, text="Wants to be forgotten")
    client.post(edit_url(enquiry), correction_data(enquiry, status=Status.CONTACTED))
    reference = enquiry.reference

    confirmation = client.get(erase_url(enquiry)).content.decode()
    assert reference in confirmation and "Example Technologies" in confirmation
    assert MembershipEnquiry.objects.filter(pk=enquiry.pk).exists()  # asking deletes nothing

    refused = client.post(erase_url(enquiry), {"reason": ""})
    assert refused.content.decode().count("Enter why the entry is being erased") == 2
    assert MembershipEnquiry.objects.filter(pk=enquiry.pk).exists()

    response = client.post(erase_url(enquiry), {"reason": "Asked by e-mail to delete their details"})
    assert response.status_code == 302
    assert not MembershipEnquiry.objects.exists() and not Note.objects.exists() and not EntryChange.objects.exists()
    erasure = Erasure.objects.get()
    assert (erasure.reference, erasure.erased_by, erasure.erased_by_name) == (reference, team, "team")
    assert erasure.reason == "Asked by e-mail to delete their details"

    log = client.get(f"{REGISTER}erased/").content.decode()
    assert reference in log and "Asked by e-mail to delete their details" in log
    assert "Example Technologies" not in log and "sam@example.org" not in log
    # Wagtail's own record of the entry (the site history) keeps the reference, not the organisation.
    assert ModelLogEntry.objects.exists()
    assert not ModelLogEntry.objects.filter(label__contains="Example Technologies").exists()


def test_the_erase_button_is_on_the_entry_not_in_the_list(client, team, enquiry):
    assert erase_url(enquiry) in client.get(inspect_url(enquiry)).content.decode()
    assert erase_url(enquiry) not in client.get(REGISTER).content.decode()


def test_a_user_who_may_correct_but_not_erase_cannot_erase(client, django_user_model, enquiry):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("corrector", "c@example.org", "a-long-password-here")
    codenames = ["access_admin", "view_membershipenquiry", "change_membershipenquiry"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    assert client.post(erase_url(enquiry), {"reason": "No reason"}).status_code == 403
    assert MembershipEnquiry.objects.filter(pk=enquiry.pk).exists()


# Telling registered interest that applications reopened (point 17) --------------------------

NOTIFY = f"{REGISTER}notify-interest/"


def test_the_reopening_emails_are_counted_and_confirmed_before_they_go(client, team, membership_page):
    MembershipEnquiryFactory.create_batch(2)
    MembershipEnquiryFactory(kind=Kind.APPLICATION)
    membership_page.applications_paused = False
    membership_page.save_revision().publish()

    page = client.get(NOTIFY).content.decode()
    assert "2 organisations that registered interest will be e-mailed" in page
    assert not EnquiryEmail.objects.exists()  # looking sends nothing

    response = client.post(NOTIFY)
    assert response.status_code == 302
    assert EnquiryEmail.objects.filter(email=Email.REOPENING).count() == 2


def test_while_paused_the_page_says_why_no_emails_can_go(client, team, membership_page):
    MembershipEnquiryFactory()
    page = client.get(NOTIFY).content.decode()
    assert "Applications are still paused" in page and "Send 1 e-mail" not in page
    client.post(NOTIFY)
    assert not EnquiryEmail.objects.exists()


def test_one_person_with_several_entries_gets_one_reopening_email(client, django_user_model, membership_page, worker):
    client.force_login(team_member(django_user_model))
    # The same person registered interest three times (possible duplicates), typing the address differently.
    entries = [
        MembershipEnquiryFactory(organisation_name="Safe Net", email=address, received_at=timezone.now() - age)
        for address, age in [
            ("Info@SafeNet.example", timedelta(days=3)),
            ("info@safenet.example", timedelta(days=2)),
            ("INFO@safenet.example", timedelta(days=1)),
        ]
    ]
    MembershipEnquiryFactory(email="someone.else@example.org")
    membership_page.applications_paused = False
    membership_page.save_revision().publish()
    assert "2 organisations that registered interest will be e-mailed" in client.get(NOTIFY).content.decode()

    client.post(NOTIFY)
    worker()
    client.post(NOTIFY)  # nothing left to send: every entry is marked as told
    worker()

    assert sorted(message.to[0] for message in mail.outbox) == ["INFO@safenet.example", "someone.else@example.org"]
    assert all(entry.emails.filter(email=Email.REOPENING).exists() for entry in entries)
    page = client.get(inspect_url(entries[0])).content.decode()
    assert "not sent again: its address is e-mailed for another entry" in page
