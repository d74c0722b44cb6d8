"""The Alliance's contact addresses live in the site settings only: none is made up, one setting
changes every page that shows it, and an entry's notice waits for the team's address."""

import json
import os

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from home.models import StandardPage
from membership.emails import NO_TEAM_ADDRESS
from membership.models import Delivery, Email, EnquiryEmail, MembershipEnquiry
from tests.factories.membership import MembershipPageFactory, form_data, team_member
from website.content import stream
from website.models import SiteSettings

QUIET = {"stdout": open(os.devnull, "w")}
REGISTER = "/admin/membership/membershipenquiry/"


def settings_of(site):
    return SiteSettings.for_site(site)


def set_addresses(site, **addresses):
    site_settings = settings_of(site)
    for field, address in addresses.items():
        setattr(site_settings, field, address)
    site_settings.save()


def footer(client, path="/"):
    return client.get(path).content.decode().split("<footer")[1]


def test_a_new_site_shows_no_made_up_address(client, initial_content):
    assert settings_of(initial_content.get_site()).contact_email == ""
    assert settings_of(initial_content.get_site()).membership_team_email == ""
    for path in ["/", "/about/", "/contact/", "/privacy/"]:
        html = client.get(path).content.decode()
        assert "example.org" not in html, path
        assert "mailto:" not in html, path
    assert 'href="/contact/">How to contact us</a>' in footer(client)


def test_one_setting_changes_every_place_that_shows_the_address(client, initial_content):
    site = initial_content.get_site()
    set_addresses(site, contact_email="hello@alliance.example", membership_team_email="join@alliance.example")
    contact = client.get("/contact/").content.decode()
    assert 'href="mailto:hello@alliance.example"' in contact.split("<main")[1].split("</main>")[0]
    assert 'href="mailto:join@alliance.example"' in contact
    assert 'href="mailto:hello@alliance.example"' in footer(client, "/about/")

    set_addresses(site, contact_email="press@alliance.example")

    for path in ["/contact/", "/about/"]:
        html = client.get(path).content.decode()
        assert "hello@alliance.example" not in html, path
        assert 'href="mailto:press@alliance.example"' in html, path
    home = client.get("/").content.decode()
    organisation = json.loads(home.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert organisation["email"] == "press@alliance.example"


# The contact page as the first version of load_initial_content built it, with an editor's card
# beside it that carries more than the placeholder address.
OLDER_CONTACT_BODY = stream(
    (
        "contact_card",
        {"heading": "General enquiries", "text": "Questions.", "email": "info@example.org", "phone": "", "link": None},
    ),
    ("membership_state", {"heading": "Joining the Alliance"}),
    (
        "contact_card",
        {"heading": "Press", "text": "", "email": "info@example.org", "phone": "+44 20 0000 0000", "link": None},
    ),
)


@pytest.fixture
def older_contact_page(initial_content):
    page = StandardPage.objects.get(slug="contact")
    page.body = OLDER_CONTACT_BODY
    page.save_revision().publish()
    return page


def block_types(page):
    return [block.block_type for block in page.body]


def test_load_initial_content_gives_an_older_contact_page_the_settings_addresses(client, older_contact_page):
    call_command("load_initial_content", **QUIET)

    page = StandardPage.objects.get(slug="contact")
    assert block_types(page) == ["contact_details", "membership_state", "contact_card"]  # the editor's card stays
    assert page.body[0].value["address"] == "contact_email"
    set_addresses(page.get_site(), contact_email="hello@alliance.example")
    assert 'href="mailto:hello@alliance.example"' in client.get("/contact/").content.decode()

    revision = page.latest_revision_id
    call_command("load_initial_content", **QUIET)
    assert StandardPage.objects.get(slug="contact").latest_revision_id == revision  # nothing left to change


def test_an_editors_unpublished_draft_of_the_contact_page_is_not_published(older_contact_page):
    draft = older_contact_page.get_latest_revision_as_object()
    draft.introduction = "An editor's draft, not ready yet."
    draft.save_revision()

    call_command("load_initial_content", **QUIET)

    page = StandardPage.objects.get(slug="contact")
    assert block_types(page)[0] == "contact_card"  # what visitors see waits for the editor
    latest = page.get_latest_revision_as_object()
    assert block_types(latest)[0] == "contact_details"
    assert latest.introduction == "An editor's draft, not ready yet."


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("every_app_migrated_afterwards")
def test_the_migration_empties_only_the_placeholder_addresses(site):
    executor = MigrationExecutor(connection)
    executor.migrate([("website", "0002_default_social_image")])
    old = executor.loader.project_state([("website", "0002_default_social_image")]).apps
    OldSettings = old.get_model("website", "SiteSettings")
    OldSettings.objects.filter(site_id=site.pk).update(
        contact_email="info@example.org", membership_team_email="team@alliance.example"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("website", "0003_contact_addresses_from_settings_only")])

    migrated = SiteSettings.objects.get(site=site)
    assert (migrated.contact_email, migrated.membership_team_email) == ("", "team@alliance.example")


def test_without_a_team_address_the_entry_is_saved_and_its_notice_held_until_one_is_entered(
    client, home_page, mail_server, worker, django_user_model
):
    membership_page = MembershipPageFactory(parent=home_page)
    assert client.post("/membership/", form_data(email="applicant@example.org")).status_code == 302
    worker()

    enquiry = MembershipEnquiry.objects.get()
    notice = EnquiryEmail.objects.get(email=Email.TEAM_NOTIFICATION)
    assert (notice.delivery, notice.problem) == (Delivery.GAVE_UP, NO_TEAM_ADDRESS)
    [acknowledgement] = mail_server.messages
    assert acknowledgement["To"] == "applicant@example.org" and acknowledgement["Reply-To"] is None
    assert "your reply goes to the membership team" not in acknowledgement.get_content()
    assert enquiry.reference in acknowledgement.get_content()
    client.force_login(team_member(django_user_model))
    for url in [REGISTER, f"{REGISTER}inspect/{enquiry.pk}/"]:
        assert "no membership team address in site settings" in client.get(url).content.decode(), url

    set_addresses(membership_page.get_site(), membership_team_email="join@alliance.example")
    worker()

    assert EnquiryEmail.objects.get(email=Email.TEAM_NOTIFICATION).delivery == Delivery.SENT
    assert [message["To"] for message in mail_server.messages] == ["applicant@example.org", "join@alliance.example"]
    assert enquiry.reference in mail_server.messages[1]["Subject"]


def test_a_contact_cards_telephone_number_stays_whole_and_left_to_right():
    from django.utils import translation

    from website.blocks import ContactCardBlock

    block = ContactCardBlock()
    with translation.override("ar"):
        html = block.render(block.to_python({"heading": "Press", "phone": "+44 20 7946 0123"}))
    assert '<a href="tel:+442079460123" dir="ltr" class="nowrap">+44 20 7946 0123</a>' in html
