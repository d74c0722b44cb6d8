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


def test_the_editors_forms_drop_the_control_characters_pasted_text_carries(editor_client, news_index):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from news.models import Author
    from tests.page_forms import page_form_data

    # Word's line break is a vertical tab; \x01 and \x85 are other controls text can carry.
    article = ArticlePageFactory(parent=news_index, title="Summit opens")
    data = page_form_data(article, get_user_model().objects.get(username="editor"))
    data |= {"title": "Summit\x0bopens\x01", "summary": "Leaders meet.\x0b\nThey agree.\x85"}
    assert editor_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data).status_code == 302
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    assert draft.title == "Summit opens"
    assert draft.summary == "Leaders meet. \nThey agree."

    author = {
        "name": "Amina\x0bDiallo",
        "role": "Policy\x07 lead",
        "organisation": "",
        "photo": "",
        "bio": "Works\x0bhere.",
    }
    assert editor_client.post("/admin/snippets/news/author/add/", author).status_code == 302
    saved = Author.objects.get()
    assert (saved.name, saved.role, saved.bio) == ("Amina Diallo", "Policy lead", "Works here.")
