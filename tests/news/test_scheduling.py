"""An article scheduled to go live appears on the index, the home page and the feed together,
when the scheduler publishes it, even though visitors had those pages from the page cache."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories.news import ArticlePageFactory

pytestmark = pytest.mark.django_db

PLACES = ("/news/", "/", "/news/feed/")


def shown_everywhere(client, title):
    return [title in client.get(url).content.decode() for url in PLACES]


def test_a_scheduled_article_appears_everywhere_at_once_when_its_time_comes(client, settings, news_index):
    assert settings.PAGE_CACHE_ENABLED
    ArticlePageFactory(parent=news_index, title="Already out")
    assert shown_everywhere(client, "Already out") == [True, True, True]  # and now cached

    article = ArticlePageFactory(parent=news_index, title="Embargoed announcement", live=False)
    article.go_live_at = timezone.now() + timedelta(seconds=1)
    article.save_revision().publish()  # with a go-live date in the future, this schedules it
    call_command("run_scheduler", "--once")
    article.refresh_from_db()
    assert not article.live
    assert shown_everywhere(client, "Embargoed announcement") == [False, False, False]
    assert client.get(article.url).status_code == 404

    time.sleep(1.1)
    call_command("run_scheduler", "--once")

    assert shown_everywhere(client, "Embargoed announcement") == [True, True, True]
    assert client.get(article.url).status_code == 200


def test_an_expired_article_leaves_every_list(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="Call for speakers")
    assert shown_everywhere(client, "Call for speakers") == [True, True, True]
    article.expire_at = timezone.now() - timedelta(seconds=1)
    article.save()

    call_command("run_scheduler", "--once")

    assert shown_everywhere(client, "Call for speakers") == [False, False, False]
