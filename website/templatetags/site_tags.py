"""Navigation, breadcrumbs and structured data shared by every page's layout."""

import json

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

register = template.Library()


def site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked `show_in_menus`, in tree order, with the current section marked."""
    root = site_root(context)
    page = context.get("page")
    items = list(root.get_children().live().in_menu().only("id", "path", "depth", "title", "url_path")) if root else []
    for item in items:
        item.is_current = bool(page) and page.pk == item.pk
        item.is_section = bool(page) and page.path.startswith(item.path)
    return {"items": items, "home": root, "request": context.get("request"), "page": page}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page down to the current page's parent."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {
        "ancestors": page.get_ancestors().filter(depth__gte=2).only("id", "path", "depth", "title", "url_path"),
        "page": page,
        "request": context.get("request"),
    }


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


@register.simple_tag(takes_context=True)
def link_href(context, link):
    """Where a LinkBlock points: its page's URL on this site, else its address."""
    page = link.get("page")
    if page:
        return page.get_url(request=context.get("request"))
    return link.get("url") or ""
