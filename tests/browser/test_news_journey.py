"""An editor writes an article, schedules it a few seconds ahead, and the scheduler brings it out."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import ArticlePage
from tests.browser.test_editor_journeys import editor, sign_in  # noqa: F401 - the editor fixture
from tests.factories.news import ArticlePageFactory, NewsIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_schedules_an_article_and_it_appears_when_its_time_comes(
    site,
    live_server,
    page,
    browser,
    editor,  # noqa: F811
):
    index = NewsIndexPageFactory(parent=site.root_page)
    ArticlePageFactory(parent=index, title="Already out")
    visitor = browser.new_page()
    for path in ("/news/", "/"):  # the visitor's pages are now in the page cache
        visitor.goto(live_server.url + path)
        assert "Already out" in visitor.content()

    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{index.pk}/")
    page.locator("#id_title").fill("Members meet on prevention")
    page.locator("#id_summary").fill("Members met to share what works in prevention.")
    # The go-live date, a few seconds ahead: set in the schedule's field as the dialog would.
    go_live = timezone.localtime() + timedelta(seconds=4)
    page.locator("input[name='go_live_at']").evaluate(
        "(input, value) => { input.value = value; }", go_live.strftime("%Y-%m-%d %H:%M:%S")
    )
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    assert "scheduled for publishing" in page.locator(".messages").inner_text()
    article = ArticlePage.objects.get(title="Members meet on prevention")
    assert not article.live and article.go_live_at is not None

    call_command("run_scheduler", "--once")
    visitor.goto(live_server.url + "/news/")
    assert "Members meet on prevention" not in visitor.content()

    time.sleep(max(0, (go_live - timezone.now()).total_seconds()) + 0.2)
    call_command("run_scheduler", "--once")

    visitor.goto(live_server.url + "/news/")
    visitor.get_by_role("link", name="Members meet on prevention").click()
    assert visitor.get_by_role("heading", level=1).inner_text() == "Members meet on prevention"
    visitor.goto(live_server.url + "/")
    assert visitor.get_by_role("region", name="Latest news").get_by_text("Members meet on prevention").is_visible()
