"""Editors preview every kind of page, and view its draft, with all its relations set."""

import pytest
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page, get_page_models

from news.models import ArticleAuthor, ArticlePage, Author
from resources.models import CapabilityPage
from tests.page_forms import page_form_data

pytestmark = pytest.mark.django_db

# Every page type of the site, found from the models: a new one is previewed too.
PAGE_TYPES = [model for model in get_page_models() if model is not Page]

# What a new page must not share with the one it is copied from, for its form to be valid.
SECOND_OF_A_KIND = {CapabilityPage: {"number": 99}}


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-password")


def with_relations(page):
    """The page holding something in each of its relations, in memory, as the editor's form would."""
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            setattr(page, field.name, list(field.related_model.objects.all()[:2]))
    if hasattr(page, "topics"):
        page.topics.add("prevention", "online safety")
    if hasattr(page, "article_authors"):
        page.article_authors = [ArticleAuthor(author=Author.objects.create(name="Amina Diallo"))]
    return page


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_previews_and_its_draft_shows(client, admin, initial_content, page_type):
    page = page_type.objects.first()
    assert page is not None, f"The initial content has no {page_type.__name__}: add one to preview it here."
    page = with_relations(page)
    client.force_login(admin)

    # The seo_title emptied, so the page's <title> is the title posted.
    data = page_form_data(page, admin) | {"title": "A title to preview", "seo_title": ""}
    on_edit = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(on_edit, data).json() == {"is_valid": True, "is_available": True}
    preview = client.get(on_edit)
    assert preview.status_code == 200
    assert "A title to preview" in preview.content.decode()
    if page_type is ArticlePage:
        assert "Amina Diallo" in preview.content.decode()  # the relations reach the preview

    parent = page.get_parent()
    if parent.permissions_for_user(admin).can_add_subpage():  # not under the tree's root: one home is all
        on_add = reverse(
            "wagtailadmin_pages:preview_on_add", args=[*page_type._meta.label_lower.split("."), parent.pk]
        )
        new_page = data | {"slug": "a-new-page", **SECOND_OF_A_KIND.get(page_type, {})}
        assert client.post(on_add, new_page).json() == {"is_valid": True, "is_available": True}
        preview = client.get(on_add)
        assert preview.status_code == 200
        assert "A title to preview" in preview.content.decode()

    page.title, page.seo_title = "A draft title", ""
    page.save_revision(user=admin)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert draft.status_code == 200
    assert "A draft title" in draft.content.decode()
