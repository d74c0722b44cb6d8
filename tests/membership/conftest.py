import pytest
from django.contrib.auth.models import Group

from tests.factories.membership import MembershipEnquiryFactory, MembershipPageFactory, team_member


@pytest.fixture
def membership_page(home_page):
    return MembershipPageFactory(parent=home_page)


@pytest.fixture
def enquiry(db):
    return MembershipEnquiryFactory(organisation_name="Example Technologies", email="sam@example.org")


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-password-here")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def people(django_user_model):
    """Who works in the admin: Wagtail's editor and moderator, the membership team, a superuser."""
    return {
        "editor": user_in(django_user_model, "Editors", "editor"),
        "moderator": user_in(django_user_model, "Moderators", "moderator"),
        "team": team_member(django_user_model),
        "superuser": django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-password-here"),
    }


@pytest.fixture
def catalogues(tmp_path):
    """The French, Spanish and Arabic interface, as the site has it once `make` has run."""
    from tests.catalogues import compiled_catalogues

    with compiled_catalogues(tmp_path):
        yield
