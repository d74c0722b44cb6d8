"""The directory in the admin: a list editors filter by sector, state and visibility, and search."""

import pytest

from membership.models import OrganisationType
from tests.factories.members import GovernmentFactory, MemberFactory

LIST = "/admin/snippets/members/member/"


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-password"))
    return client


def names(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    return [member.name for member in response.context["object_list"]]


def test_the_list_is_by_name_filtered_and_searchable(editor_client, db):
    GovernmentFactory(name="Kenya", country="KE")
    MemberFactory(name="Adobe", sector=OrganisationType.TECHNOLOGY)
    MemberFactory(name="Draft Company", live=False)
    MemberFactory(name="Hidden Company", visible=False)
    assert names(editor_client) == ["Adobe", "Draft Company", "Hidden Company", "Kenya"]
    assert names(editor_client, sector="government") == ["Kenya"]
    assert names(editor_client, live="false") == ["Draft Company"]
    assert names(editor_client, visible="false") == ["Hidden Company"]
    assert names(editor_client, q="company") == ["Draft Company", "Hidden Company"]


def test_the_source_note_is_shown_to_editors_with_its_purpose(editor_client, db):
    member = MemberFactory(source_note="Named on the Taskforce page (undated).")
    html = editor_client.get(f"{LIST}edit/{member.pk}/").content.decode()
    assert "Named on the Taskforce page (undated)." in html
    assert "the public never sees this note" in html
