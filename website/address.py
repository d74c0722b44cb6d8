"""The site's own public address: one setting, WAGTAILADMIN_BASE_URL, says where the site lives.

Wagtail builds every absolute link from the default Site record (canonical links, og:url,
the sitemap, robots.txt's Sitemap line, page links in the site's e-mails) and the admin's
own e-mails from WAGTAILADMIN_BASE_URL. `apply_public_address()` makes the record say what
the setting says; the release step (`manage.py apply_site_address`) and `load_initial_content`
run it, so the two never disagree and nothing depends on the Host a request happened to use.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
# Names that only ever reach the machine itself: a site answering to one of them is not launched.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104 (a name, not a bind)


@dataclass(frozen=True)
class PublicAddress:
    scheme: str
    hostname: str
    port: int

    @property
    def is_public(self):
        return self.scheme == "https" and not (
            self.hostname in LOCAL_HOSTNAMES or self.hostname.endswith(".localhost")
        )

    def matches(self, site):
        return (site.hostname, site.port) == (self.hostname, self.port)


def parse(url):
    """The address `url` names, or ValueError saying what is wrong with it."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{url!r} is not a web address: write it like https://www.example.org")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ValueError(f"{url!r} must be the site's own root, with no path: like https://www.example.org")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail writes every port but 443 as http://, so its links would lose the https.
        raise ValueError(f"{url!r}: an https address must use the standard port 443")
    return PublicAddress(parts.scheme, parts.hostname, port)


def configured_address():
    return parse(getattr(settings, "WAGTAILADMIN_BASE_URL", ""))


def apply_public_address():
    """Point the default Site at the configured address; returns the site, or None if there is none yet."""
    address = configured_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and not address.matches(site):
        site.hostname, site.port = address.hostname, address.port
        site.save(update_fields=["hostname", "port"])
    return site


@checks.register()
def check_address(app_configs, **kwargs):
    try:
        configured_address()
    except ValueError as error:
        return [checks.Error(f"WAGTAILADMIN_BASE_URL: {error}.", id="website.E001")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_public_address(app_configs, **kwargs):
    try:
        address = configured_address()
    except ValueError:
        return []  # website.E001 says why
    problems = []
    if address.scheme != "https":
        problems.append(
            checks.Warning(
                "WAGTAILADMIN_BASE_URL is not an https:// address: links and e-mails would send people to http.",
                id="website.W001",
            )
        )
    if not validate_host(address.hostname, settings.ALLOWED_HOSTS):
        problems.append(
            checks.Warning(
                f"{address.hostname}, the host of WAGTAILADMIN_BASE_URL, is not in ALLOWED_HOSTS: "
                "the site would refuse the requests its own links make.",
                id="website.W002",
            )
        )
    return problems
