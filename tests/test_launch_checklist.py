"""The launch checklist on the admin dashboard: superusers see what is still a default, each item
with where to put it right, until none is left; nobody else ever sees it."""

import os
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images.tests.utils import get_test_image_file

from home.models import StandardPage
from tests.mail_server import smtp_mailer
from website.models import CustomImage, SiteSettings

DASHBOARD = "/admin/"
PUBLIC = "https://www.example.org"


def checklist(client):
    """The titles the panel lists, or None when there is no panel."""
    html = client.get(DASHBOARD).content.decode()
    if 'id="launch-checklist-section"' not in html:
        return None
    panel = html.split('id="launch-checklist-section"')[1].split("</section>")[0]
    return [unescape(title) for title in re.findall(r"<h3>(.*?)</h3>", panel)]


def update_settings(site, **values):
    site_settings = SiteSettings.for_site(site)
    for field, value in values.items():
        setattr(site_settings, field, value)
    site_settings.save()


def move_to_public_address(site, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("apply_site_address", stdout=open(os.devnull, "w"))


def enter_contact_address(site, settings):
    update_settings(site, contact_email="hello@alliance.example")


def enter_team_address(site, settings):
    update_settings(site, membership_team_email="join@alliance.example")


def choose_sharing_image(site, settings, title="The Alliance's sharing image"):
    update_settings(site, default_social_image=CustomImage.objects.create(title=title, file=get_test_image_file()))


def configure_mail_server(site, settings):
    settings.MAILERS = smtp_mailer(587)


def set_sender(site, settings):
    settings.DEFAULT_FROM_EMAIL = "WePROTECT Global Alliance <no-reply@alliance.example>"


def review_privacy_notice(site, settings):
    privacy = StandardPage.objects.get(slug="privacy", locale__language_code="en")
    privacy.introduction = "Reviewed by the Alliance's data protection lead."
    privacy.save_revision().publish()


def add_a_moderator(site, settings):
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.create_user("moderator", "moderator@alliance.example", "a-long-password-here")
    moderator.groups.add(Group.objects.get(name="Moderators"))


FIXES = {
    "The site does not know its public address": move_to_public_address,
    "No public contact address": enter_contact_address,
    "No address for the membership team": enter_team_address,
    "The default sharing image is the generated one": choose_sharing_image,
    "No mail server": configure_mail_server,
    "The site's e-mails come from no-reply@localhost": set_sender,
    "The privacy notice has not been reviewed": review_privacy_notice,
    "No one in Moderators: editors' changes wait for a superuser to approve": add_a_moderator,
}


@pytest.fixture
def fresh_site(initial_content):
    return initial_content.get_site()


def test_a_fresh_site_lists_every_default_with_a_link_that_opens(admin_client, fresh_site):
    assert checklist(admin_client) == list(FIXES)

    panel = admin_client.get(DASHBOARD).content.decode().split('id="launch-checklist-section"')[1]
    links = re.findall(r'<p><a href="([^"]+)">', panel.split("</section>")[0])
    assert len(links) == 6  # the mail server and the sender are set on the server, not in the admin
    for link in links:
        assert admin_client.get(unescape(link)).status_code == 200, link


@pytest.mark.parametrize("title", FIXES)
def test_each_item_stays_until_it_is_put_right_and_then_the_panel_goes(admin_client, fresh_site, settings, title):
    for other, fix in FIXES.items():
        if other != title:
            fix(fresh_site, settings)
    assert checklist(admin_client) == [title]

    FIXES[title](fresh_site, settings)

    assert checklist(admin_client) is None


def test_a_sharing_image_removed_by_an_editor_is_to_do(admin_client, fresh_site, settings):
    update_settings(fresh_site, default_social_image=None)

    assert "No default sharing image" in checklist(admin_client)


def test_a_site_record_left_behind_by_the_address_is_to_do_until_the_release_step_runs(
    admin_client, fresh_site, settings
):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC  # set on the server, but not yet released

    assert "The site record is not at the public address" in checklist(admin_client)
    move_to_public_address(fresh_site, settings)
    assert "The site record is not at the public address" not in checklist(admin_client)


def test_an_http_address_is_not_a_launched_site(admin_client, fresh_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://www.example.org"
    call_command("apply_site_address", stdout=open(os.devnull, "w"))

    assert "The site does not know its public address" in checklist(admin_client)


def test_nobody_but_a_superuser_sees_the_checklist(client, fresh_site, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@alliance.example", "a-long-password-here")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert "launch-checklist" not in response.content.decode()
