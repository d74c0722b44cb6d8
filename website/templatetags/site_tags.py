"""Navigation, breadcrumbs and structured data shared by every page's layout.

The menu and the breadcrumbs change only when pages do, so they are cached under the
site-wide content version (see website/cache.py) and cost no query once warm.
"""

import json
from urllib.parse import urljoin

from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext
from wagtail.models import Site

from website.cache import cached_for_content
from website.models import TITLE_LENGTH

register = template.Library()


SITE_NAME = "WePROTECT Global Alliance"
TITLE_SUFFIX = f" | {SITE_NAME}"


def link(page, request):
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "full_url": page.get_full_url(request=request),
        "path": page.path,
        "depth": page.depth,
    }


def menu_items(site, request):
    return [link(page, request) for page in site.root_page.get_children().live().in_menu()]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked `show_in_menus`, in tree order, with the current section marked."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = cached_for_content(f"main-menu:{site.pk}", lambda: menu_items(site, request)) if site else []
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
        lambda: [link(ancestor, request) for ancestor in page.get_ancestors().filter(depth__gte=2)],
    )
    if here_title:
        ancestors = ancestors + [link(page, request)]
        here = {"title": here_title, "full_url": here_url}
    else:
        here = {"title": page.title, "full_url": page.get_full_url(request=request)}
    return {"ancestors": ancestors, "here": here, "structured_data": breadcrumb_list(ancestors, here)}


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
