"""Point the default Wagtail Site at the public address in WAGTAILADMIN_BASE_URL.

Run at every release (the Procfile's `release:` step, after `migrate`), so canonical links,
the sitemap, robots.txt and the site's e-mails name the address the site is served at.
Safe to run repeatedly; a site with no default Site yet gets it from `load_initial_content`.
"""

from django.core.management.base import BaseCommand, CommandError

from website.address import apply_public_address


class Command(BaseCommand):
    help = "Set the default site's host name and port from WAGTAILADMIN_BASE_URL (idempotent)."

    def handle(self, *args, **options):
        try:
            site = apply_public_address()
        except ValueError as error:
            raise CommandError(f"WAGTAILADMIN_BASE_URL: {error}.") from None
        if site is None:
            self.stdout.write("No default site yet: load_initial_content creates it at this address.")
        else:
            self.stdout.write(self.style.SUCCESS(f"The site's address is {site.root_url}/"))
