"""The membership page's state as editors set it, and every page that reports it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from membership.models import Kind, MembershipPage, OrganisationType
from tests.factories.membership import MembershipPageFactory


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-here")


def edit_form(page, editor, **changes):
    """The page editor's form for `page`, as an editor would send it with `changes`."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "benefits": rich_text(page.benefits),
        "eligibility": rich_text(page.eligibility),
        "requirements": rich_text(page.requirements),
        "commitments": rich_text(page.commitments),
        "applications_paused": "on" if page.applications_paused else "",
        "pause_message": page.pause_message,
        "paused_until": page.paused_until.isoformat() if page.paused_until else "",
        "types_open_while_paused": page.types_open_while_paused,
    }
    fields.update(changes)
    form_class = MembershipPage.get_edit_handler().get_form_class()
    data = nested_form_data({key: value for key, value in fields.items() if value != ""})
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=editor)


def test_regional_organisations_may_apply_while_paused_by_default(membership_page):
    assert membership_page.kind_for(OrganisationType.REGIONAL) == Kind.APPLICATION
    assert "Regional organisation" in membership_page.open_type_labels()


def test_editors_can_still_untick_regional_organisations(membership_page, editor):
    open_types = [OrganisationType.GOVERNMENT, OrganisationType.INTERNATIONAL]
    form = edit_form(membership_page, editor, types_open_while_paused=open_types)
    assert form.is_valid(), form.errors
    page = form.save()
    assert page.kind_for(OrganisationType.REGIONAL) == Kind.INTEREST


def test_the_editor_refuses_a_reopening_date_that_has_passed_while_paused(membership_page, editor):
    yesterday = timezone.localdate() - timedelta(days=1)
    form = edit_form(membership_page, editor, paused_until=yesterday.isoformat())
    assert not form.is_valid()
    assert "has passed" in form.errors["paused_until"][0]


@pytest.mark.parametrize(
    ("paused", "days"), [(True, 0), (True, 30), (False, -1)], ids=["today", "ahead", "not paused"]
)
def test_the_editor_accepts_a_date_still_ahead_or_one_that_no_longer_matters(membership_page, editor, paused, days):
    date = timezone.localdate() + timedelta(days=days)
    form = edit_form(
        membership_page, editor, paused_until=date.isoformat(), applications_paused="on" if paused else ""
    )
    assert form.is_valid(), form.errors


def test_the_public_page_never_shows_a_reopening_date_that_has_passed(client, home_page):
    page = MembershipPageFactory(parent=home_page, paused_until=timezone.localdate() - timedelta(days=1))
    assert "expect to reopen" not in client.get(page.url).content.decode()
    page.paused_until = timezone.localdate() + timedelta(days=10)
    page.save_revision().publish()
    assert f"after {page.paused_until:%-d %B %Y}" in client.get(page.url).content.decode()


def test_the_contact_page_follows_the_membership_page_when_the_pause_lifts(client, initial_content):
    contact = client.get("/contact/").content.decode()
    assert "applications are paused" in contact
    assert "Government of a UN member state; International organisation; Regional organisation" in contact

    membership = MembershipPage.objects.get(locale__language_code="en")
    membership.applications_paused = False
    membership.save_revision().publish()

    contact = client.get("/contact/").content.decode()  # the page cache is refreshed by the publish
    assert "paused" not in contact.lower()
    assert "Applications are open" in contact
    assert 'href="/membership/"' in contact


def test_the_editor_keeps_the_title_for_search_engines_within_what_they_show(membership_page, editor):
    form = edit_form(membership_page, editor, seo_title="Membership of the Alliance: " + "who can join " * 4)
    assert not form.is_valid()
    assert "70 characters or fewer" in form.errors["seo_title"][0]
    assert edit_form(membership_page, editor, seo_title="Join the Alliance").is_valid()
