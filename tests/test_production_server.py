"""The site as production runs it: gunicorn with two workers, DEBUG off, collected static files.

One scratch site for the whole module (on PostgreSQL when the suite runs on it). Its mail
server is down on purpose, as it will be some day: nothing may be lost because of it.
"""

import os
import time
import urllib.request

import pytest

from bench.concurrency import SECONDS_A_PERSON_NEEDS, count_rows, open_form, send, submission, submit_concurrently
from bench.server import Gunicorn, free_port, manage, prepare, production_environment, scratch_database


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        environment = production_environment(
            workdir,
            SECURE_PROXY=1,
            EMAIL_URL=f"smtp://127.0.0.1:{free_port()}",  # nothing listens there: the mail server is down
            **({"DATABASE_URL": database_url} if database_url else {}),
        )
        prepare(environment)
        with Gunicorn(environment, log_path=workdir / "gunicorn.log") as running:
            running.environment = environment
            yield running


def fetch(server, path):
    with urllib.request.urlopen(server.url + path) as response:
        return response.headers, response.read().decode()


def test_a_publish_reaches_every_worker_at_once(server):
    for _ in range(12):  # both workers render and cache the home page
        assert "Freshly published heading" not in fetch(server, "/")[1]

    manage(
        server.environment,
        "shell",
        "-c",
        "from home.models import HomePage; page = HomePage.objects.get(); "
        "page.hero_heading = 'Freshly published heading'; page.save_revision().publish()",
    )

    for _ in range(12):
        assert "Freshly published heading" in fetch(server, "/")[1]


def test_static_files_are_immutable_and_public_pages_briefly_shareable(server):
    headers, html = fetch(server, "/")
    assert "s-maxage=60" in headers["Cache-Control"] and "public" in headers["Cache-Control"]
    style_sheet = next(part for part in html.split('"') if part.startswith("/static/css/site."))

    static_headers, _ = fetch(server, style_sheet)

    assert "immutable" in static_headers["Cache-Control"]
    assert "max-age=315360000" in static_headers["Cache-Control"]


def test_twenty_people_submitting_at_once_are_all_saved_without_a_server_error(server):
    statuses, latencies = submit_concurrently(server.url, 20)

    assert [status for status in statuses if status >= 500] == []
    assert statuses == [302] * 20
    assert count_rows(server.environment) == 20
    print(f"20 concurrent submissions: p99 {latencies[-1]:.0f} ms")


def test_with_the_mail_server_down_the_entry_is_kept_and_its_mails_sent_later(server):
    form = open_form(server.url, "10.200.0.1")
    fields = {**submission(999), "organisation_name": "Mail outage test"}
    time.sleep(SECONDS_A_PERSON_NEEDS)
    status, _ = send(server.url, form, fields)
    assert status == 302  # the visitor sees the confirmation, not an error

    owed = manage(
        server.environment,
        "shell",
        "-c",
        "from membership.models import MembershipEnquiry as E; "
        "e = E.objects.get(organisation_name='Mail outage test'); print(e.reference, e.email_failures, e.emails_owed)",
    )
    reference, failures, still_owed = owed.splitlines()[-1].split()
    assert int(failures) >= 1 and still_owed == "True"

    # The mail server is back (here: the console mailer); cron's next run sends what is owed, once.
    sent = manage({**server.environment, "EMAIL_URL": ""}, "send_pending_emails")
    assert reference in sent and fields["email"] in sent
    assert reference not in manage({**server.environment, "EMAIL_URL": ""}, "send_pending_emails")
