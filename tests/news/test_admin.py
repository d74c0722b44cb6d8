"""Editors' screens for the news: the article editor, the index, and the authors snippet."""

import pytest

from tests.factories.news import ArticlePageFactory, AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password"))
    return client


def test_an_editor_can_write_an_article_and_manage_authors(editor_client, news_index):
    AuthorFactory(name="Amina Diallo")
    article = ArticlePageFactory(parent=news_index)

    add = editor_client.get(f"/admin/pages/add/news/articlepage/{news_index.pk}/").content.decode()
    assert "Go-live date" in add  # scheduling, under Publish
    assert "Authors" in add and "Lead image alt text" in add
    assert editor_client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
    assert "What is not here yet" in editor_client.get(f"/admin/pages/{news_index.pk}/edit/").content.decode()
    assert "Amina Diallo" in editor_client.get("/admin/snippets/news/author/").content.decode()
