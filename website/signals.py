"""Connect every kind of editor change to the site-wide content version."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from website.cache import bump_content_version, bump_pages_version
from website.languages import forget_locale_ids


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal}")
        signal.connect(bump_pages_version, dispatch_uid=f"pages-version-{signal}")
    post_save.connect(bump_on_content_change, dispatch_uid="content-version-save")
    post_delete.connect(bump_on_content_change, dispatch_uid="content-version-delete")
    for signal in (post_save, post_delete):
        signal.connect(forget_locale_ids, sender=Locale, dispatch_uid=f"locale-ids-{signal}")


def bump_on_content_change(sender, instance, **kwargs):
    """Settings, sites, images, documents, privacy and snippets change the site when saved; pages when deleted.

    A page's other saves are drafts and revisions, which visitors do not see until published.
    """
    deleted_page = kwargs.get("signal") is post_delete and isinstance(instance, Page)
    if deleted_page or is_editable_content(sender):
        bump_content_version()
    if deleted_page or issubclass(sender, PAGE_WIDE_MODELS):
        bump_pages_version()


SITE_WIDE_MODELS = (
    BaseSiteSetting,
    AbstractImage,
    AbstractDocument,
    Site,
    PageViewRestriction,  # a page made private must leave the public cache at once
    CollectionViewRestriction,
    Locale,  # a new language's pages find it at once
)


# What decides which pages a visitor can reach, and at which address (website/alternates.py).
PAGE_WIDE_MODELS = (Site, PageViewRestriction, Locale)


def is_editable_content(model):
    return issubclass(model, SITE_WIDE_MODELS) or model in get_snippet_models()
