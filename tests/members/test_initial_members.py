"""The directory as load_initial_content builds it: the members the fact file names, published,
each with its source for editors, and nothing an editor changed is overwritten on a second run."""

import os

from django.core.management import call_command
from wagtail.log_actions import log

from members.content import MEMBERS
from members.models import Member, MembersDirectoryPage


def load_again():
    call_command("load_initial_content", stdout=open(os.devnull, "w"))


def test_the_directory_page_and_the_named_members_are_published(client, initial_content):
    page = MembersDirectoryPage.objects.get()
    assert page.live and page.url == "/members/" and not page.show_in_menus
    members = Member.objects.all()
    assert members.count() == len(MEMBERS) == 34
    assert all(member.live and member.visible and member.source_note for member in members)
    assert Member.objects.filter(sector="government").count() == 20
    assert Member.objects.get(name="Match Group").year_joined == 2020
    assert Member.objects.get(name="Apple").country == "" and Member.objects.get(name="Apple").website == ""
    html = client.get("/members/").content.decode()
    assert "34 members in the directory." in html
    assert "Lanzarote Committee of the Council of Europe" in html
    assert "mtch.com" not in html and "fact file" not in html  # sources are for editors only


def test_the_membership_page_points_to_the_directory(client, initial_content):
    assert '<a href="/members/">See who is already a member' in client.get("/membership/").content.decode()


def test_a_second_run_adds_nothing_and_keeps_editors_changes(initial_content):
    apple = Member.objects.get(name="Apple")
    apple.description = "Written by an editor."
    apple.website = "https://www.example.com"
    apple.save_revision().publish()
    twitter = Member.objects.get(name="Twitter")
    log(instance=twitter, action="wagtail.delete")  # as the admin's delete view logs it
    twitter.delete()
    Member.objects.filter(name="Adobe").update(name="Adobe Inc.")  # renamed by an editor

    load_again()

    apple.refresh_from_db()
    assert apple.description == "Written by an editor." and apple.website == "https://www.example.com"
    assert Member.objects.filter(name="Apple").count() == 1
    assert not Member.objects.filter(name__in=["Twitter", "Adobe"]).exists()  # deleted or renamed: not added again
    assert Member.objects.count() == 33
