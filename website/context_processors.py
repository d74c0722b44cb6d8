from wagtail.models import Site

from website.cache import cached_for_content
from website.models import SiteSettings


def site_settings(request):
    """The site's settings (with the footer's pages), cached until content changes."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {"site_settings": cached_for_content(f"site-settings:{site.pk}", lambda: SiteSettings.for_site(site))}
