from wagtail.models import Site

from website.alternates import localized_link
from website.cache import cached_for_content
from website.models import SiteSettings

FOOTER_PAGES = ["report_abuse_page", "contact_page", "privacy_page", "accessibility_page"]


def site_settings(request):
    """The site's settings, and the footer's pages in the visitor's language where translated,
    both cached (per language) until content changes."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    settings = cached_for_content(f"site-settings:{site.pk}", lambda: SiteSettings.for_site(site))
    return {
        "site_settings": settings,
        "footer_pages": cached_for_content(f"footer-pages:{site.pk}", lambda: footer_pages(settings, request)),
    }


def footer_pages(settings, request):
    """{"privacy_page": link, …} for each of the footer's pages that is set and live."""
    pages = {name: getattr(settings, name) for name in FOOTER_PAGES}
    return {name: localized_link(page, request) for name, page in pages.items() if page is not None and page.live}
