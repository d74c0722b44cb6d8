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


def test_a_plain_editor_adds_the_author_and_the_topic_to_credit_an_article(client, django_user_model, news_index):
    from django.contrib.auth.models import Group
    from taggit.models import Tag

    from news.models import Author

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-editor-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    author = {"name": "Amina Diallo", "role": "Policy lead", "organisation": "", "photo": "", "bio": ""}
    assert client.post("/admin/snippets/news/author/add/", author).status_code == 302
    assert client.post("/admin/snippets/taggit/tag/add/", {"name": "Online safety"}).status_code == 302
    assert Author.objects.filter(name="Amina Diallo").exists()
    assert Tag.objects.filter(name="Online safety").exists()
    for listing in ("/admin/snippets/news/author/", "/admin/snippets/taggit/tag/"):
        assert client.get(listing).status_code == 200
