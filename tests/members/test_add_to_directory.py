"""From the membership register to the directory: "Add to the directory" makes a draft member from
an entry whose status is "member"; the team checks it, an editor publishes it."""

import pytest
from django.contrib.auth.models import Group

from members.models import Member
from membership.models import OrganisationType, Status
from tests.factories.members import GovernmentFactory, MemberFactory, MembersDirectoryPageFactory
from tests.factories.membership import MembershipEnquiryFactory, team_member

INSPECT = "/admin/membership/membershipenquiry/inspect/{}/"
ADD = "/admin/membership/membershipenquiry/add-to-directory/{}/"


def edit_url(member):
    return f"/admin/snippets/members/member/edit/{member.pk}/"


@pytest.fixture
def entry(db):
    return MembershipEnquiryFactory(
        organisation_name="Example Safety Network",
        organisation_type=OrganisationType.CIVIL_SOCIETY,
        country="KE",
        website="https://safety.example.org",
        status=Status.MEMBER,
    )


@pytest.fixture
def team(client, django_user_model):
    client.force_login(team_member(django_user_model))
    return client


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password-here")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def member_form(member, **changes):
    """The member's edit form as the admin sends it."""
    data = {
        "name": member.name,
        "sector": member.sector,
        "country": member.country.code or "",
        "region": member.region,
        "website": member.website,
        "year_joined": member.year_joined or "",
        "description": member.description,
        "visible": "on" if member.visible else "",
        "source_note": member.source_note,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_member_entry_offers_to_add_it_and_makes_a_prefilled_linked_draft(team, entry, home_page):
    MembersDirectoryPageFactory(parent=home_page)
    page = team.get(INSPECT.format(entry.pk)).content.decode()
    assert "Add to the directory" in page and 'name="csrfmiddlewaretoken"' in page

    response = team.post(ADD.format(entry.pk), follow=True)
    member = Member.objects.get()
    assert response.redirect_chain[-1][0] == edit_url(member)
    assert "added to the directory as a draft" in response.content.decode()
    assert "an editor then publishes it" in response.content.decode()
    assert (member.name, member.sector, member.country.code, member.website) == (
        "Example Safety Network",
        OrganisationType.CIVIL_SOCIETY,
        "KE",
        "https://safety.example.org",
    )
    assert member.enquiry == entry and not member.live
    assert entry.reference in member.source_note
    # Not public until published.
    assert "Example Safety Network" not in team.get("/members/").content.decode()


def test_a_second_click_opens_the_first_member_instead_of_making_another(team, entry):
    team.post(ADD.format(entry.pk))
    response = team.post(ADD.format(entry.pk))
    assert Member.objects.count() == 1
    assert response["Location"] == edit_url(Member.objects.get())
    page = team.get(INSPECT.format(entry.pk)).content.decode()
    assert "Open its directory entry" in page and "Add to the directory</button>" not in page
    assert "as a draft: the public does not see it" in page


def test_an_entry_that_is_not_yet_a_member_cannot_be_added(team, entry):
    entry.status = Status.INVITED
    entry.save()
    assert "Add to the directory" not in team.get(INSPECT.format(entry.pk)).content.decode()
    response = team.post(ADD.format(entry.pk), follow=True)
    assert "Only an entry whose status is “Member”" in response.content.decode()
    assert not Member.objects.exists()


def test_it_is_a_post_only(team, entry):
    assert team.get(ADD.format(entry.pk)).status_code == 405
    assert not Member.objects.exists()


def test_editors_who_cannot_read_the_register_cannot_use_it(client, entry, editor):
    client.force_login(editor)
    assert client.post(ADD.format(entry.pk)).status_code == 403
    assert not Member.objects.exists()


def test_the_team_can_save_the_draft_but_not_publish_it_and_an_editor_publishes_it(
    team, client, entry, editor, home_page
):
    MembersDirectoryPageFactory(parent=home_page)
    team.post(ADD.format(entry.pk))
    member = Member.objects.get()
    edit_page = team.get(edit_url(member)).content.decode()
    assert "action-publish" not in edit_page  # no Publish button for the team

    team.post(edit_url(member), member_form(member, description="Works with schools.", **{"action-publish": "1"}))
    member.refresh_from_db()
    assert not member.live  # still a draft: the team may not publish
    assert member.latest_revision.content["description"] == "Works with schools."

    client.force_login(editor)
    assert "action-publish" in client.get(edit_url(member)).content.decode()
    client.post(edit_url(member), member_form(member, description="Works with schools.", **{"action-publish": "1"}))
    member.refresh_from_db()
    assert member.live and member.description == "Works with schools."
    client.logout()
    assert "Example Safety Network" in client.get("/members/").content.decode()


def test_the_member_links_back_to_the_entry_for_the_team_only(team, client, entry, editor):
    team.post(ADD.format(entry.pk))
    member = Member.objects.get()
    assert f'<a href="{INSPECT.format(entry.pk)}">{entry.reference}</a>' in team.get(edit_url(member)).content.decode()
    client.force_login(editor)
    page = client.get(edit_url(member)).content.decode()
    assert INSPECT.format(entry.pk) not in page and "Added from the register entry" not in page


def test_a_ministry_of_a_country_already_listed_is_offered_its_government_and_never_added_again(team):
    kenya = GovernmentFactory(name="Kenya", country="KE")
    ministry = MembershipEnquiryFactory(
        organisation_name="Ministry of ICT, Kenya",
        organisation_type=OrganisationType.GOVERNMENT,
        country="KE",
        status=Status.MEMBER,
    )
    page = team.get(INSPECT.format(ministry.pk)).content.decode()
    assert "Kenya is already in the directory" in page
    assert f'<a href="{edit_url(kenya)}">Open “Kenya”</a>' in page
    assert "Add to the directory</button>" not in page and "Add it as another member" not in page

    response = team.post(ADD.format(ministry.pk), {"add_anyway": "yes"}, follow=True)
    assert list(Member.objects.filter(sector=OrganisationType.GOVERNMENT)) == [kenya]
    assert response.redirect_chain[-1][0] == INSPECT.format(ministry.pk)
    assert "The government of Kenya is already in the directory, as “Kenya”: nothing was added" in (
        response.content.decode()
    )


def test_a_member_of_the_same_name_is_offered_first_and_another_is_added_only_when_chosen(team, entry):
    listed = MemberFactory(name="Example safety network", sector=OrganisationType.CIVIL_SOCIETY)
    page = team.get(INSPECT.format(entry.pk)).content.decode()
    assert "The directory already has a member of this name" in page
    assert f'<a href="{edit_url(listed)}">Open “Example safety network”</a>' in page

    response = team.post(ADD.format(entry.pk), follow=True)  # the plain "Add" of a page loaded earlier
    assert list(Member.objects.all()) == [listed]
    assert "is already in the directory: nothing was added" in response.content.decode()

    response = team.post(ADD.format(entry.pk), {"add_anyway": "yes"})
    added = Member.objects.get(enquiry=entry)
    assert response["Location"] == edit_url(added) and Member.objects.count() == 2
