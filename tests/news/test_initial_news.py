"""The news the site starts with: real items only, dated and linked to their originals."""

import datetime

import pytest
from django.core.management import call_command

from news.models import ArticleAuthor, ArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def test_the_news_index_is_in_the_menu_with_the_real_items(client, initial_content):
    index = NewsIndexPage.objects.get()
    assert index.url == "/news/" and index.show_in_menus and index.title == "News and insights"
    articles = ArticlePage.objects.live()
    assert articles.count() == 5
    assert all(
        article.original_url.startswith(("https://www.weprotect.org/", "https://weprotect.org/"))
        for article in articles
    )
    assert not ArticleAuthor.objects.exists()  # the sources name no authors for these items
    communique = articles.get(slug="summit-2022-communique-turning-the-tide")
    assert communique.kind == "statement" and communique.date == datetime.date(2022, 6, 2)

    html = client.get("/news/").content.decode()
    assert "5 articles." in html
    assert html.index("Experts unveil a practical plan") < html.index("Government Statement of Action (2014)")
    assert 'href="/news/"' in client.get("/").content.decode()


def test_a_seeded_statement_links_the_same_publication_in_the_library(client, initial_content):
    html = client.get("/news/government-statement-of-action-2014/").content.decode()
    assert 'href="/resources/government-statement-of-action-2014/"' in html
    assert 'href="https://www.weprotect.org/library/government-statement-of-action-2014/"' in html


def test_running_the_build_again_keeps_editors_changes(initial_content):
    article = ArticlePage.objects.get(slug="financial-sexual-extortion-across-borders")
    article.summary = "An editor's own summary."
    article.save_revision().publish()

    call_command("load_initial_content", stdout=open("/dev/null", "w"))

    assert ArticlePage.objects.count() == 5
    article.refresh_from_db()
    assert article.summary == "An editor's own summary."
