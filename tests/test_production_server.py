"""The site as production runs it: gunicorn with two workers, DEBUG off, collected static files.

One scratch site for the whole module (on PostgreSQL when the suite runs on it). Its mail
server is stuck on purpose (it takes connections and never answers), as one will be some
day: no visitor may wait for it, and nothing may be lost because of it.
"""

import os
import time
import urllib.error
import urllib.request

import pytest

from bench.concurrency import SECONDS_A_PERSON_NEEDS, count_rows, open_form, send, submission, submit_concurrently
from bench.server import PROJECT, Gunicorn, free_port, manage, prepare, production_environment, scratch_database
from tests.mail_server import MailServer, SilentMailServer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url, SilentMailServer() as stuck:
        environment = production_environment(
            workdir,
            SECURE_PROXY=1,
            EMAIL_URL=f"smtp://127.0.0.1:{stuck.port}",
            **({"DATABASE_URL": database_url} if database_url else {}),
        )
        prepare(environment)
        team_address = "membership_team_email='membership@example.org'"
        manage(
            environment,
            "shell",
            "-c",
            f"from website.models import SiteSettings as S; S.objects.update({team_address})",
        )
        with Gunicorn(environment, log_path=workdir / "gunicorn.log") as running:
            running.environment = environment
            running.stuck_mail_server = stuck
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
        "from home.models import HomePage; page = HomePage.objects.get(locale__language_code='en'); "
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


def run_worker(environment, email_url):
    """The Procfile's worker process as it is written there, run until no task is ready."""
    procfile = (PROJECT / "Procfile").read_text().splitlines()
    python, script, *arguments = next(line for line in procfile if line.startswith("worker:")).split()[1:]
    assert (python, script) == ("python", "manage.py")
    manage({**environment, "EMAIL_URL": email_url}, *arguments, "--batch")


def deliveries(server, organisation):
    return manage(
        server.environment,
        "shell",
        "-c",
        "from membership.models import EnquiryEmail as E; "
        f"print(sorted(e.delivery for e in E.objects.filter(enquiry__organisation_name={organisation!r})))",
    ).split("\n")[-2]


def test_no_visitor_waits_for_the_mail_server_and_the_worker_sends_when_it_is_back(server):
    form = open_form(server.url, "10.200.0.1")
    fields = {**submission(999), "organisation_name": "Mail outage test"}
    time.sleep(SECONDS_A_PERSON_NEEDS)
    assert send(server.url, form, fields)[0] == 302  # the visitor sees the confirmation at once
    assert server.stuck_mail_server.connections_made() == 0  # no request ever talked to it
    assert deliveries(server, "Mail outage test") == "['queued', 'queued']"

    run_worker(server.environment, f"smtp://127.0.0.1:{free_port()}")  # the mail server is down
    assert deliveries(server, "Mail outage test") == "['retrying', 'retrying']"

    manage(server.environment, "shell", "-c", "from django_tasks_db.models import DBTaskResult as T; "
           "from django.utils import timezone; T.objects.update(run_after=timezone.now())")  # fmt: skip
    with MailServer() as back:
        run_worker(server.environment, f"smtp://127.0.0.1:{back.port}")
        run_worker(server.environment, f"smtp://127.0.0.1:{back.port}")
    assert deliveries(server, "Mail outage test") == "['sent', 'sent']"
    # The acknowledgement repeats no organisation's name: it is the one to the applicant's address.
    ours = [m for m in back.messages if m["To"] == fields["email"] or "Mail outage test" in m.get_content()]
    assert sorted(message["To"] for message in ours) == [fields["email"], "membership@example.org"]


def access_log_once_it_has(server, line, times, seconds=10):
    """Gunicorn writes a request's log line after the response has gone, so the reader may be first."""
    deadline = time.monotonic() + seconds
    while (log := server.log_path.read_text()).count(line) < times and time.monotonic() < deadline:
        time.sleep(0.05)
    return log


def test_the_access_log_names_no_search_no_country_and_no_referrer(server):
    searched = urllib.request.Request(
        server.url + "/search/?q=worried+about+my+cousin",
        headers={"Referer": server.url + "/how-to-report-abuse/kenya/"},
    )
    with urllib.request.urlopen(searched) as response:
        assert response.status == 200
    for _ in range(2):  # rendered, then from the page cache
        headers, html = fetch(server, "/how-to-report-abuse/kenya/")
        assert "Kenya" in html and not any("log" in name.lower() for name in headers)

    log = access_log_once_it_has(server, '"GET /how-to-report-abuse/ HTTP/1.1" 200', times=2)

    assert '"GET /search/ HTTP/1.1" 200' in log
    assert log.count('"GET /how-to-report-abuse/ HTTP/1.1" 200') == 2
    assert "cousin" not in log and "kenya" not in log.lower()


def answer_to(server, path, method="GET"):
    request = urllib.request.Request(server.url + path, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_no_log_line_names_the_finders_country_whatever_the_answer(server):
    assert answer_to(server, "/how-to-report-abuse/kenya") == 200  # redirected to add the slash
    assert answer_to(server, "/how-to-report-abuse/keyna/") == 404
    assert answer_to(server, "/how-to-report-abuse/kenya/", method="POST") == 403  # no CSRF token
    assert answer_to(server, "/Kenya/") == 404

    log = access_log_once_it_has(server, '"GET /[withheld]/ HTTP/1.1" 404', times=1)

    assert '"GET /how-to-report-abuse/ HTTP/1.1" 301' in log
    assert '"POST /how-to-report-abuse/ HTTP/1.1" 403' in log
    assert "Forbidden (CSRF cookie not set.): /how-to-report-abuse/" in log  # Django's own warning
    assert "kenya" not in log.lower() and "keyna" not in log.lower()
