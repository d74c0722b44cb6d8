"""The site knows its own public address: one setting (WAGTAILADMIN_BASE_URL), applied to the
Site record at release and by load_initial_content, names it in every link and e-mail,
whatever Host a request came with."""

import os
import re
import subprocess
import sys
import time

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from bench.concurrency import SECONDS_A_PERSON_NEEDS, open_form, request, send, submission
from bench.server import PROJECT, Gunicorn, manage, prepare, production_environment, scratch_database
from tests.mail_server import MailServer
from website.address import check_address, check_public_address

PUBLIC = "https://www.example.org"
QUIET = {"stdout": open(os.devnull, "w")}


def default_site():
    return Site.objects.get(is_default_site=True)


@pytest.mark.parametrize(
    "address, hostname, port",
    [
        ("https://www.example.org", "www.example.org", 443),
        ("https://www.example.org/", "www.example.org", 443),
        ("http://127.0.0.1:8000", "127.0.0.1", 8000),
        ("http://intranet.example.org", "intranet.example.org", 80),
    ],
)
def test_the_release_step_moves_the_site_record_to_the_address(site, settings, address, hostname, port):
    settings.WAGTAILADMIN_BASE_URL = address

    call_command("apply_site_address", **QUIET)

    assert (default_site().hostname, default_site().port) == (hostname, port)
    assert default_site().root_url == address.rstrip("/")


@pytest.mark.parametrize(
    "address, complaint",
    [
        ("www.example.org", "is not a web address"),
        ("https://www.example.org/en/", "with no path"),
        ("https://www.example.org:8443", "standard port 443"),
    ],
)
def test_an_address_the_site_cannot_use_is_refused_with_the_reason(site, settings, address, complaint):
    settings.WAGTAILADMIN_BASE_URL = address

    with pytest.raises(CommandError, match=complaint):
        call_command("apply_site_address", **QUIET)

    assert default_site().hostname == "localhost"


def test_load_initial_content_builds_the_site_at_the_address_and_moves_it_when_it_changes(client, db, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # as `make run` serves it
    call_command("load_initial_content", **QUIET)
    assert default_site().root_url == "http://127.0.0.1:8000"

    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("load_initial_content", **QUIET)

    html = client.get("/about/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/about/">' in html
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots


def test_system_checks_refuse_a_malformed_address_and_deploy_checks_want_https_the_site_answers_to(settings):
    settings.WAGTAILADMIN_BASE_URL = "www.example.org"
    assert [problem.id for problem in check_address(None)] == ["website.E001"]

    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    assert check_address(None) == check_public_address(None) == []

    settings.WAGTAILADMIN_BASE_URL = "http://www.example.org"
    assert [problem.id for problem in check_public_address(None)] == ["website.W001"]

    settings.WAGTAILADMIN_BASE_URL = "https://example.org"
    assert [problem.id for problem in check_public_address(None)] == ["website.W002"]


def test_check_deploy_is_clean_with_the_settings_ci_uses():
    environment = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # the tests'
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "ci-example-secret-key-" + "0123456789abcdef" * 4,
        "ALLOWED_HOSTS": "www.example.org",
        "CSRF_TRUSTED_ORIGINS": PUBLIC,
        "WAGTAILADMIN_BASE_URL": PUBLIC,
        "EMAIL_URL": "smtp+tls://ci:example@mail.example.org:587",
        "SECURE_PROXY": "1",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


# The site as production runs it, built where a developer would build it, then released at its
# public address: the Procfile's release step is what moves it.


def release(environment):
    """The Procfile's release step as it is written there."""
    line = next(line for line in (PROJECT / "Procfile").read_text().splitlines() if line.startswith("release:"))
    for command in line.removeprefix("release:").split("&&"):
        python, script, *arguments = command.split()
        assert (python, script) == ("python", "manage.py")
        manage(environment, *arguments)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("address")
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        environment = production_environment(
            workdir,
            DEFAULT_FROM_EMAIL="WePROTECT Global Alliance <no-reply@example.org>",
            **({"DATABASE_URL": database_url} if database_url else {}),
        )
        prepare(environment)  # the site record now says http://127.0.0.1:<port>
        environment["WAGTAILADMIN_BASE_URL"] = PUBLIC
        release(environment)
        with Gunicorn(environment, log_path=workdir / "gunicorn.log") as running:
            running.environment = environment
            yield running


def fetch(server, path):
    status, _, text = request(server.url, "GET", path)
    assert status == 200, path
    return text


def assert_only_the_public_address(text):
    assert "localhost" not in text
    assert "127.0.0.1" not in text


def test_pages_name_the_public_address_though_fetched_from_another(server):
    for path in ["/", "/about/", "/membership/"]:
        html = fetch(server, path)
        assert f'<link rel="canonical" href="{PUBLIC}{path}">' in html
        assert f'<meta property="og:url" content="{PUBLIC}{path}">' in html
        assert_only_the_public_address(html)


def test_the_sitemap_and_robots_txt_name_the_public_address(server):
    sitemap = fetch(server, "/sitemap.xml")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(addresses) > 20
    assert all(address.startswith(f"{PUBLIC}/") for address in addresses)
    assert_only_the_public_address(sitemap)

    robots = fetch(server, "/robots.txt")
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    assert_only_the_public_address(robots)


def test_the_reopening_email_links_to_the_public_address(server):
    form = open_form(server.url, "10.30.0.1")
    time.sleep(SECONDS_A_PERSON_NEEDS)
    fields = {**submission(1), "organisation_name": "Address test organisation"}
    assert send(server.url, form, fields)[0] == 302  # registered interest: applications are paused

    manage(
        server.environment,
        "shell",
        "-c",
        "from membership.models import MembershipPage; from membership.reopening import notify_registered_interest; "
        "page = MembershipPage.objects.get(locale__language_code='en'); page.applications_paused = False; page.save_revision().publish(); "
        "notify_registered_interest()",
    )
    with MailServer() as mail_server:
        worker = {**server.environment, "EMAIL_URL": f"smtp://127.0.0.1:{mail_server.port}"}
        manage(worker, "db_worker", "--backend", "background", "--batch", "--no-startup-delay", "--interval", "0")

    [reopened] = [message for message in mail_server.messages if "reopened" in message["Subject"]]
    body = reopened.get_content()
    assert f"{PUBLIC}/membership/" in body
    assert_only_the_public_address(body)
