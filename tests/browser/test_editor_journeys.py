"""An editor at work in the Wagtail admin, with the page cache and the security policy on."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

EDITOR_PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", EDITOR_PASSWORD)


@pytest.fixture
def policy_violations(page):
    """Every Content Security Policy complaint the browser logs while the test runs."""
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return violations


def sign_in(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_an_editor_publishes_a_new_hero_and_a_visitor_sees_it_at_once(
    initial_content, live_server, page, browser, editor, policy_violations, settings
):
    assert settings.PAGE_CACHE_ENABLED
    visitor = browser.new_page()
    visitor.goto(live_server.url + "/")
    old_heading = visitor.locator("h1").inner_text()

    sign_in(page, live_server.url)
    home = Site.objects.get(is_default_site=True).root_page
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.get_by_label("Hero heading").fill("Together, we keep children safe online")
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{home.get_parent().pk}/")

    visitor.reload()
    assert visitor.locator("h1").inner_text() == "Together, we keep children safe online"
    assert old_heading != "Together, we keep children safe online"
    assert policy_violations == []


def test_the_admin_works_under_its_security_policy(initial_content, live_server, page, editor, policy_violations):
    sign_in(page, live_server.url)
    home = Site.objects.get(is_default_site=True).root_page
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_contain_text("Together we can end")
    for path in ("/admin/images/", "/admin/documents/", "/admin/snippets/taggit/tag/", "/admin/membership/"):
        page.goto(live_server.url + path)
        assert page.locator("main, #main").first.is_visible()
    assert policy_violations == []
