"""Navigation, breadcrumbs and structured data shared by every page's layout.

The menu and the breadcrumbs change only when pages do, so they are cached under the
site-wide content version (see website/cache.py) and cost no query once warm. Each is kept per
language: on a translated page the menu and the footer link to the translations that exist and,
for the others, to the English page, marked as English for screen readers (lang, hreflang).
"""

import json
from urllib.parse import urljoin

from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext
from wagtail.models import Page, Site

from website import alternates
from website.alternates import link, localized_link
from website.cache import cached_for_content
from website.languages import active_language, default_language, language_of, locale_id
from website.models import TITLE_LENGTH

register = template.Library()


SITE_NAME = "WePROTECT Global Alliance"
TITLE_SUFFIX = f" | {SITE_NAME}"


def menu_items(site, request):
    """The sections of the site's own (English) tree, each in the visitor's language where it exists."""
    return [localized_link(page, request) for page in site.root_page.get_children().live().in_menu()]


def localized_home(site, request):
    return localized_link(site.root_page, request)


def navigation(request):
    """The menu's sections and the home page, in the visitor's language: cached per language."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "items": []}
    return cached_for_content(
        f"navigation:{site.pk}", lambda: {"home": localized_home(site, request), "items": menu_items(site, request)}
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the visitor's language, where it exists; else the site's own."""
    home = navigation(context.get("request"))["home"]
    return home["url"] if home else "/"


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked `show_in_menus`, in tree order, with the current section marked."""
    items = navigation(context.get("request"))["items"]
    page = context.get("page")
    path = page.path if page else None
    return {
        "items": [
            {**item, "is_current": item["path"] == path, "is_section": bool(path) and path.startswith(item["path"])}
            for item in items
        ]
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, here_title=None, here_url=None):
    """The trail from the home page down to the current page's parent.

    On one of a page's own routes (a finder's country), `here_title` and `here_url` name where the
    visitor is, and the page itself becomes the last link of the trail.
    """
    page = context.get("page")
    if page is None or (page.depth <= 2 and not here_title):
        return {"ancestors": []}
    request = context.get("request")
    ancestors = cached_for_content(
        # The key names what is stored: a trail cached by an older release, without full addresses,
        # is never read back by this one.
        f"breadcrumbs-with-full-urls:{page.pk}",
        lambda: trail(page, request),
    )
    if here_title:
        ancestors = ancestors + [link(page, request)]
        here = {"title": here_title, "full_url": here_url}
    else:
        here = {"title": page.title, "full_url": page.get_full_url(request=request)}
    return {"ancestors": ancestors, "here": here, "structured_data": breadcrumb_list(ancestors, here)}


def trail(page, request):
    """The page's ancestors below the tree's root, in its own language's tree. A translation's
    parent may be untranslated (an alias of the English page, as Wagtail makes when a page deep in
    the tree is translated) or still a draft: its link goes to the English page, or it is left out."""
    ancestors = list(page.get_ancestors().filter(depth__gte=2))
    untranslated = [ancestor.translation_key for ancestor in ancestors if not is_translation(ancestor)]
    fallbacks = {}
    if untranslated:
        english = Page.objects.live().filter(translation_key__in=untranslated, locale_id=locale_id(default_language()))
        fallbacks = {fallback.translation_key: fallback for fallback in english}
    links = []
    for ancestor in ancestors:
        shown = ancestor if is_translation(ancestor) else fallbacks.get(ancestor.translation_key)
        if shown is None and ancestor.live:
            shown = ancestor  # an alias within the same language: it is the page there
        if shown is not None:
            links.append(link(shown, request))
    return links


def is_translation(page):
    return page.live and page.alias_of_id is None


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language it can be read in (website/alternates.py); a view with no page may
    name its own (the search); none on an error page."""
    if "language_versions" in context:
        return context["language_versions"]
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return alternates.versions(page, context.get("request"), canonical_url=context.get("canonical_url"))


@register.simple_tag
def default_version(versions):
    """The version for readers of none of the site's languages: hreflang="x-default"."""
    return alternates.default_version(versions)


@register.filter
def other_language(page):
    """The page's language when it is not the visitor's (an English article listed on the French
    home page), for the item's lang attribute; else ""."""
    language = language_of(page)
    return "" if language in (None, active_language()) else language


def breadcrumb_list(ancestors, here):
    """schema.org BreadcrumbList: the same trail as the visible breadcrumbs, with full addresses."""
    trail = [(gettext("Home") if item["depth"] == 2 else item["title"], item["full_url"]) for item in ancestors]
    trail.append((here["title"], here["full_url"]))
    items = [
        {"@type": "ListItem", "position": position, "name": name, "item": url}
        for position, (name, url) in enumerate(trail, start=1)
    ]
    return json_ld({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})


@register.filter
def join_as_list(items):
    """ "A", "A and B", "A, B and C": a list in a sentence, with the word for "and" translated."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return gettext("%(items)s and %(last)s") % {
        "items": pgettext("between items of a list", ", ").join(items[:-1]),
        "last": items[-1],
    }


@register.simple_tag
def page_title(page):
    """The page's <title>: the editor's SEO title, else the title with the site's name while the
    whole stays within TITLE_LENGTH, else the title alone, shortened at a word if it must be."""
    return page.seo_title or title_with_site_name(page.title)


@register.simple_tag
def title_with_site_name(title):
    """A <title>: the title with the site's name where the whole fits TITLE_LENGTH, else shortened at a word."""
    if len(title) + len(TITLE_SUFFIX) <= TITLE_LENGTH:
        return title + TITLE_SUFFIX
    return Truncator(title).chars(TITLE_LENGTH)


@register.simple_tag(takes_context=True)
def link_href(context, link):
    """Where a LinkBlock points: its page's URL on this site, else its address."""
    page = link.get("page")
    if page:
        return page.get_url(request=context.get("request"))
    return link.get("url") or ""


@register.filter
def json_ld(data):
    """A dict as the body of a <script type="application/ld+json"> block, safe from early </script>."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - every HTML-significant character is escaped above


def image_addresses(context, page, url, *own_images):
    """schema.org's `image` for an article or an event, which search engines want on each: the
    first of the page's own pictures (`own_images`, then its sharing image), else the site's
    default sharing image, as in the sharing tags; full addresses, 1200 x 630 JPEG."""
    site_settings = context.get("site_settings")
    default = site_settings.default_social_image if site_settings else None
    image = next((image for image in (*own_images, page.social_image, default) if image), None)
    return [urljoin(url, image.get_rendition("fill-1200x630|format-jpeg").url)] if image else []


@register.simple_tag
def organization_data(settings, home_url):
    """schema.org Organization for the home page, from the site settings."""
    same_as = [url for url in (settings.linkedin_url, settings.x_url, settings.youtube_url) if url]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "WePROTECT Global Alliance to End Child Sexual Exploitation Online",
        "alternateName": "WePROTECT Global Alliance",
        "url": home_url,
        "logo": urljoin(home_url, static("img/logo.png")),
    }
    if settings.contact_email:
        data["email"] = settings.contact_email
    if same_as:
        data["sameAs"] = same_as
    return json_ld(data)
