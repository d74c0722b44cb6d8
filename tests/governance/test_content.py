"""The Board as `load_initial_content` seeds it: only the people the facts confirm, built once."""

import os

from django.core.management import call_command

from governance.models import BoardMember, BoardPage
from tests.governance.test_board_page import URL, headings


def load_again():
    call_command("load_initial_content", stdout=open(os.devnull, "w"))


def test_the_board_page_sits_under_about_with_the_confirmed_people(client, initial_content):
    html = client.get(URL).content.decode()
    assert headings(html, 3) == ["Jacqueline Beauchere", "Lt Col Dana Humaid Al Marzouqi", "Iain Drennan"]
    assert "Global Head of Platform Safety, Snap Inc." in html
    assert "Director General, International Affairs Office, UAE Ministry of Interior" in html
    assert "<p>Executive Director</p>" in html
    assert 'href="/about/">About the Alliance</a>' in html  # in the breadcrumbs


def test_no_chair_is_made_up_and_the_last_confirmed_one_is_history(client, initial_content):
    html = client.get(URL).content.decode()
    assert "Chair" not in headings(html, 2)
    assert not BoardMember.objects.filter(role=BoardMember.Role.CHAIR).exists()
    assert "Ernie Allen" in html and "from 2015 until about 2020" in html
    assert "independent organisation" in html


def test_every_seeded_person_has_a_source_the_public_never_sees(client, initial_content):
    html = client.get(URL).content.decode()
    for person in BoardMember.objects.all():
        assert person.source_note
        assert person.source_note not in html
    assert "lokmattimes" not in html


def test_running_again_adds_nothing_and_keeps_what_editors_changed(initial_content):
    page = BoardPage.objects.get()
    page.introduction = "Our own words."
    page.save_revision().publish()
    BoardMember.objects.filter(name="Iain Drennan").update(position="Chief Executive")
    BoardMember.objects.filter(name="Jacqueline Beauchere").delete()  # left the Board
    load_again()
    assert BoardPage.objects.get().introduction == "Our own words."
    assert list(BoardMember.objects.values_list("name", "position")) == [
        ("Lt Col Dana Humaid Al Marzouqi", "Director General, International Affairs Office"),
        ("Iain Drennan", "Chief Executive"),
    ]


def test_the_about_page_leads_to_the_board(client, initial_content):
    assert f'href="{URL}"' in client.get("/about/").content.decode()
