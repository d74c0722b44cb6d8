import os

import pytest
from wagtail.models import Site

# pytest-django's live server runs in a thread beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def site(db):
    """The default site with a fresh home page as its root."""
    from tests.factories.home import HomePageFactory

    home = HomePageFactory(slug="home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "localhost"
    site.save()
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
