import os

import pytest
from wagtail.models import Site

from website.models import SiteSettings

# pytest-django's live server runs in a thread beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page, menu or count from another test's data."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    """The default site with a fresh home page as its root."""
    from tests.factories.home import HomePageFactory

    home = HomePageFactory(slug="home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "localhost"
    site.save()
    SiteSettings.for_site(site)  # created up front, as load_initial_content does
    return site


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def initial_content(db):
    """The whole site as `load_initial_content` builds it."""
    from django.core.management import call_command

    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    return Site.objects.get(is_default_site=True).root_page.specific
