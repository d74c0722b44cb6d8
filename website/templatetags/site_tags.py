"""Navigation, breadcrumbs and structured data shared by every page's layout.

The menu and the breadcrumbs change only when pages do, so they are cached under the
site-wide content version (see website/cache.py) and cost no query once warm.
"""

import json

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from website.cache import cached_for_content

register = template.Library()


def link(page, request):
    return {"title": page.title, "url": page.get_url(request=request), "path": page.path, "depth": page.depth}


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
def breadcrumbs(context):
    """The trail from the home page down to the current page's parent."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    request = context.get("request")
    ancestors = cached_for_content(
        f"breadcrumbs:{page.pk}",
        lambda: [link(ancestor, request) for ancestor in page.get_ancestors().filter(depth__gte=2)],
    )
    return {"ancestors": ancestors, "page": page}


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
        "email": settings.contact_email,
    }
    if same_as:
        data["sameAs"] = same_as
    return json_ld(data)
