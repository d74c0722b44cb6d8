"""Who approves an editor's changes is said where people look: the dashboard, and ensure_admin.

Editors cannot publish; Wagtail's workflow sends their changes to Moderators, which a new site
leaves empty, so until someone is added only a superuser can approve.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"


def user_in(django_user_model, group_name, username, **names):
    user = django_user_model.objects.create_user(username, f"{username}@alliance.example", "a-long-password", **names)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def approvals_panel(client):
    html = client.get(DASHBOARD).content.decode()
    if 'id="approvals-section"' not in html:
        return None
    return html.split('id="approvals-section"')[1].split("</section>")[0]


def who_approves():
    output = StringIO()
    call_command("ensure_admin", stdout=output)
    return output.getvalue().splitlines()[-1]


def test_an_editor_is_told_who_approves_and_that_no_one_does_yet(client, site, django_user_model):
    client.force_login(user_in(django_user_model, "Editors", "editor"))

    assert "No one is in Moderators yet" in approvals_panel(client)

    user_in(django_user_model, "Moderators", "lead", first_name="Amina", last_name="Diallo")
    panel = approvals_panel(client)
    assert "approved by Moderators: Amina Diallo." in panel
    assert "No one is in Moderators" not in panel


def test_a_superuser_sees_no_panel_but_the_launch_checklist(admin_client, site):
    assert approvals_panel(admin_client) is None
    assert "No one in Moderators" in admin_client.get(DASHBOARD).content.decode()


def test_ensure_admin_says_who_approves_and_where_to_add_them(client, site, django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-local-password")

    warning = who_approves()
    assert "no one is in Moderators, so editors' changes wait for a superuser to approve" in warning
    link = warning.split(": ")[-1]
    client.force_login(django_user_model.objects.get(username="admin"))
    assert client.get(link.removeprefix("http://testserver")).status_code == 200

    user_in(django_user_model, "Moderators", "lead", first_name="Amina", last_name="Diallo")
    assert who_approves() == "Approvals: Moderators approve editors' changes: Amina Diallo."


def test_the_membership_team_who_edit_no_pages_see_no_panel(client, site, django_user_model):
    client.force_login(user_in(django_user_model, "Membership team", "team"))

    assert approvals_panel(client) is None
