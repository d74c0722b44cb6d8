"""Helpers for `load_initial_content`: create pages once and never touch them again.

A page is looked up by its slug under its parent. If it is there (whatever an editor
has done to it since) it is returned unchanged; only a missing page is created and
published. That makes the command idempotent and safe to run on a live site.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page, Site

from website.address import apply_public_address, configured_address
from website.languages import default_language


def ensure_child(parent, page_class, slug, **fields):
    """Return the child of `parent` with `slug`, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_site_root(page_class, slug, **fields):
    """The site's home page under the tree root, made the default site's root page, at the public address."""
    remove_wagtail_welcome_page()
    ensure_root_collection()
    home = ensure_child(ensure_tree_root(), page_class, slug, **fields)
    address = configured_address()
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname=address.hostname,
            port=address.port,
            root_page=home,
            is_default_site=True,
            site_name="WePROTECT Global Alliance",
        )
    apply_public_address()  # an existing site moves to the configured address
    return home


def ensure_tree_root():
    """The page tree's root, which Wagtail's migrations make; rebuilt if the tables were emptied."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code=default_language())
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    return root


def ensure_root_collection():
    """Images and documents live in collections; Wagtail's migrations make the root one."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def remove_wagtail_welcome_page():
    """Wagtail's migrations leave a plain "Welcome" page as the site root; it goes, with its site."""
    for page in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
        if not page.get_children().exists():
            page.delete()


def paragraphs(*texts):
    """Rich text from plain paragraphs (the texts are our own, so no escaping is needed)."""
    return "".join(f"<p>{text}</p>" for text in texts)


def bullet_list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def stream(*blocks):
    """StreamField content from (block type, value) pairs."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def build(home):
    """The site-wide pieces no one app owns: the default sharing image, until editors choose theirs."""
    from website.models import SiteSettings
    from website.sharing import ensure_default_social_image

    ensure_default_social_image(SiteSettings.for_site(home.get_site()))
