"""The register's data migrations carry what was there into the new shape, losing nothing."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from membership.models import MembershipPage
from tests.factories.membership import MembershipPageFactory

BEFORE = [("membership", "0003_enquiry_emails")]
AFTER = [("membership", "0004_register_log_and_duplicates")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("every_app_migrated_afterwards")
def test_notes_history_duplicate_keys_and_the_regional_exception_carry_over(home_page):
    page = MembershipPageFactory(parent=home_page, types_open_while_paused=["government", "international"])
    page.save_revision()  # a draft too: the next publish must keep the change
    old = migrate(BEFORE)
    User = old.get_model("auth", "User")
    Enquiry = old.get_model("membership", "MembershipEnquiry")
    StatusChange = old.get_model("membership", "StatusChange")
    maria = User.objects.create(username="maria")
    common = {"kind": "interest", "organisation_type": "technology", "country": "GB", "contact_name": "Sam"}
    first = Enquiry.objects.create(
        reference="WPGA-AAAA2222", organisation_name="Example Tech", email="Sam@Example.org",
        notes="Called on Monday", submission_token="a", job_title="Lead", **common,
    )  # fmt: skip
    Enquiry.objects.create(
        reference="WPGA-BBBB3333", organisation_name="example  tech", email="sam@example.org",
        submission_token="b", job_title="Lead", **common,
    )  # fmt: skip
    StatusChange.objects.create(enquiry=first, changed_by=maria, old_status="new", new_status="contacted")
    StatusChange.objects.create(
        enquiry=first, changed_by=maria, old_status="contacted", new_status="contacted", notes_changed=True
    )
    new = migrate(AFTER)
    Enquiry = new.get_model("membership", "MembershipEnquiry")
    first, second = Enquiry.objects.order_by("reference")
    assert first.match_key and first.match_key == second.match_key  # the same organisation and address
    assert [note.text for note in first.notes.all()] == ["Called on Monday"]
    history = sorted((change.field, change.old_value, change.new_value) for change in first.changes.all())
    assert history == [("notes", "", ""), ("status", "new", "contacted")]
    page = MembershipPage.objects.get(locale__language_code="en")
    assert page.types_open_while_paused == ["government", "international", "regional"]
    assert page.get_latest_revision_as_object().types_open_while_paused == page.types_open_while_paused
    team = new.get_model("auth", "Group").objects.get(name="Membership team")
    assert set(team.permissions.values_list("codename", flat=True)) >= {
        "add_membershipenquiry",
        "delete_membershipenquiry",
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("every_app_migrated_afterwards")
def test_each_email_already_owed_gets_a_message_id_of_its_own_and_none_being_sent_goes_again(site):
    old = migrate([("membership", "0005_enquiry_language")])
    Enquiry = old.get_model("membership", "MembershipEnquiry")
    Email = old.get_model("membership", "EnquiryEmail")
    enquiry = Enquiry.objects.create(
        reference="WPGA-CCCC4444", kind="interest", organisation_name="Example Tech", organisation_type="technology",
        contact_name="Sam", job_title="Lead", email="sam@example.org", submission_token="c",
    )  # fmt: skip
    Email.objects.create(enquiry=enquiry, email="acknowledgement", delivery="sent")
    Email.objects.create(enquiry=enquiry, email="team_notification", delivery="sending")  # the old worker stopped

    new = migrate([("membership", "0006_email_delivery_safety")])

    emails = new.get_model("membership", "EnquiryEmail").objects
    message_ids = set(emails.values_list("message_id", flat=True))
    assert len(message_ids) == 2 and all(message_id.startswith("<") for message_id in message_ids)
    # One the old worker was sending may have gone: never sent again on its own.
    assert dict(emails.values_list("email", "delivery")) == {
        "acknowledgement": "sent",
        "team_notification": "maybe_sent",
    }
