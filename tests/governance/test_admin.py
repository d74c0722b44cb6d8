"""The Board in the admin: editors keep it current, and are told what the facts leave open."""

import pytest
from django.urls import reverse

from governance.models import BoardMember
from tests.factories.governance import BoardMemberFactory

LIST = "wagtailsnippets_governance_boardmember:list"
ADD = "wagtailsnippets_governance_boardmember:add"
NOTICE = "do not name the current Chair"


@pytest.fixture
def editor(admin_client, site):
    return admin_client


def test_the_list_warns_while_no_chair_is_recorded(editor):
    BoardMemberFactory(name="Alex Member")
    html = editor.get(reverse(LIST)).content.decode()
    assert "Alex Member" in html
    assert NOTICE in html


def test_the_warning_goes_once_a_chair_is_recorded(editor):
    BoardMemberFactory(name="Sam Chair", chair=True)
    assert NOTICE not in editor.get(reverse(LIST)).content.decode()


def test_the_list_filters_by_group(editor):
    BoardMemberFactory(name="Alex Member")
    BoardMemberFactory(name="Jo Staff", secretariat=True)
    html = editor.get(reverse(LIST), {"group": "secretariat"}).content.decode()
    assert "Jo Staff" in html
    assert "Alex Member" not in html


def form(**fields):
    data = {"kind": "person", "name": "Robin Example", "group": "board", "role": "member", "source_note": "A note"}
    data.update(fields)
    return data


def test_an_editor_adds_a_board_member_at_the_end_of_the_list(editor):
    BoardMemberFactory(name="Already There", sort_order=7)
    response = editor.post(reverse(ADD), form(position="Director", organisation="Example Agency"))
    assert response.status_code == 302
    added = BoardMember.objects.get(name="Robin Example")
    assert added.sort_order == 8
    assert added.source_note == "A note"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"role": ""}, "Choose the role this member holds on the Board."),
        ({"group": "secretariat", "role": "chair"}, "The Secretariat has no role on the Board"),
    ],
)
def test_a_role_is_required_on_the_board_and_refused_in_the_secretariat(editor, fields, error):
    response = editor.post(reverse(ADD), form(**fields))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not BoardMember.objects.exists()


def test_the_page_editor_says_where_the_people_come_from_and_that_no_chair_is_confirmed(editor, site):
    from tests.factories.governance import BoardPageFactory
    from tests.factories.home import StandardPageFactory

    page = BoardPageFactory(parent=StandardPageFactory(parent=site.root_page, slug="about"))
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Board and Secretariat" in html
    assert NOTICE in html


def test_the_list_opens_in_the_pages_order_ready_to_drag(editor):
    BoardMemberFactory(name="Second", sort_order=2)
    BoardMemberFactory(name="First", sort_order=1)
    html = editor.get(reverse(LIST)).content.decode()
    assert html.index("First") < html.index("Second")
    assert "w-orderable__item__handle" in html  # Wagtail's drag handles


def test_wagtails_editors_may_keep_the_board_current(client, django_user_model, site):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-editor-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse(LIST)).status_code == 200
    assert client.post(reverse(ADD), form()).status_code == 302
    assert BoardMember.objects.filter(name="Robin Example").exists()
