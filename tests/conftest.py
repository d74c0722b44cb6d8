import os

import pytest
from django.core.management import call_command
from pytest_django.fixtures import validate_django_db
from wagtail.models import Site

from website.models import SiteSettings

# pytest-django's live server runs in a thread beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A transactional test (the browser's, the worker's) ends by emptying every table, the rows the
# migrations wrote too: groups, locales, Wagtail's tree root. pytest-django runs such tests after
# all the others, but a pytest-xdist worker runs whole files one after another, so a test in the
# next file would find those tables empty. Such a test gets the migrated rows back first.
PUT_BACK_MIGRATED_ROWS = pytest.StashKey()
TABLES_EMPTIED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    """pytest-django's test database, with what it held once migrated kept for putting back."""
    from tests.snapshot import Snapshot

    with django_db_blocker.unblock():
        migrated = Snapshot.of_database()

    def put_back():
        with django_db_blocker.unblock():
            migrated.restore()

    pytestconfig.stash[PUT_BACK_MIGRATED_ROWS] = put_back


def database_use(item):
    """How a test uses the database, as pytest-django decides: "transactional" (tables emptied
    afterwards), "rolled back" or None."""
    marker = item.get_closest_marker("django_db")
    transaction, reset_sequences, *_ = validate_django_db(marker) if marker else (False, False)
    if transaction or reset_sequences or {"transactional_db", "live_server"} & set(item.fixturenames):
        return "transactional"
    if marker or "db" in item.fixturenames:
        return "rolled back"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    from website.languages import forget_locale_ids

    use = database_use(item)
    if use == "transactional":
        item.config.stash[TABLES_EMPTIED] = True
        forget_locale_ids()  # its locales may be made afresh, under other ids
    elif use and item.config.stash.get(TABLES_EMPTIED, False):
        item.config.stash[PUT_BACK_MIGRATED_ROWS]()
        item.config.stash[TABLES_EMPTIED] = False
        forget_locale_ids()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page, menu or count from another test's data."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads and generated PDFs go to the test's own folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def site(db):
    """The default site with a fresh home page as its root, in the tree as the admin expects."""
    from tests.factories.home import HomePageFactory
    from website.content import ensure_root_collection, ensure_tree_root, remove_wagtail_welcome_page

    remove_wagtail_welcome_page()  # and its site
    # A transactional test (the worker's, the browser's) empties the tables Wagtail's migrations fill.
    home = HomePageFactory(parent=ensure_tree_root(), slug="home")
    ensure_root_collection()
    site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="WePROTECT")
    SiteSettings.for_site(site)  # created up front, as load_initial_content does
    return site


@pytest.fixture
def team_address(site):
    """The membership team's address in the site settings, which start with none."""
    site_settings = SiteSettings.for_site(site)
    site_settings.membership_team_email = "membership@example.org"
    site_settings.save()
    return site_settings.membership_team_email


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def initial_content(db, initial_content_snapshot, settings):
    """The whole site as `load_initial_content` builds it: built once per test session, then
    restored for each test that asks for it (in under a second, where building takes many)."""
    from website.address import apply_public_address

    initial_content_snapshot.restore(settings.MEDIA_ROOT)
    apply_public_address()  # as the command would for this test's address
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="session")
def initial_content_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    from tests.snapshot import Snapshot

    with django_db_blocker.unblock():
        return Snapshot.of_command("load_initial_content", media=tmp_path_factory.mktemp("initial-content-media"))


@pytest.fixture
def worker(transactional_db):
    """Runs the real queue worker (`manage.py run_worker`) until no task is ready, as the
    worker process does. Transactional: the worker commits and checks its connection between
    tasks, which would end a test's enclosing transaction."""

    def run():
        arguments = ["--backend", "background", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload"]
        call_command("run_worker", *arguments, stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))

    return run


@pytest.fixture
def mail_server(settings):
    """A real SMTP server on loopback that the site's mailer sends to."""
    from tests.mail_server import MailServer, smtp_mailer

    with MailServer() as server:
        settings.MAILERS = smtp_mailer(server.port)
        yield server


@pytest.fixture
def every_app_migrated_afterwards():
    """For a test that migrates an app back: that also unapplies every app that depends on it (the
    members directory depends on the register and the site settings), and the tests after it
    need every table."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
