"""check_service_links tries every web address against a web server of the test's own (never the internet)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from helpfinder.models import Service
from tests.factories.helpfinder import ServiceFactory
from website.cache import content_version

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5  # seconds, so the address that never answers costs the test half a second


class Handler(BaseHTTPRequestHandler):
    """/ok answers, /missing is not found, /moved redirects to /ok, /no-head refuses HEAD, /slow never answers."""

    release = threading.Event()  # lets /slow's thread go when the test ends

    def do_HEAD(self):
        if self.path == "/no-head":
            self.answer(405)
        else:
            self.do_GET()

    def do_GET(self):
        if self.path == "/slow":
            self.release.wait(10)
        elif self.path == "/moved":
            self.answer(302, Location="/ok")
        else:
            self.answer(404 if self.path == "/missing" else 200)
        self.server.seen.append((self.command, self.path, self.headers["User-Agent"]))

    def answer(self, status, **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass  # quiet


@pytest.fixture
def web_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port
    server.seen = []
    Handler.release.clear()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_port}"
    Handler.release.set()
    server.shutdown()
    server.server_close()


def check(*options):
    out = StringIO()
    call_command("check_service_links", "--timeout", str(TIMEOUT), *options, stdout=out)
    return out.getvalue()


def problem_of(name):
    return Service.objects.get(name=name).link_problem


def test_each_address_is_tried_and_what_happened_is_recorded(web_server):
    server, base = web_server
    for name in ("ok", "missing", "moved", "no-head", "slow"):
        ServiceFactory(name=name, url=f"{base}/{name}")
    ServiceFactory(name="phone only", url="", phone="116")

    started = time.monotonic()
    out = check()

    assert time.monotonic() - started < 3  # tried side by side: the slow one does not hold up the rest
    assert [problem_of(name) for name in ("ok", "moved", "no-head")] == ["", "", ""]
    assert problem_of("missing") == "404 Not Found"
    assert problem_of("slow") == "No answer within 0.5 seconds"
    assert not Service.objects.exclude(url="").filter(link_checked_at=None).exists()
    assert Service.objects.get(name="phone only").link_checked_at is None
    assert "3 of 5 web addresses answered." in out
    assert f"missing ({base}/missing): 404 Not Found" in out
    assert ("GET", "/no-head") in [(method, path) for method, path, _ in server.seen]  # HEAD refused, so GET
    assert all("WePROTECT" in agent for _, _, agent in server.seen)


def test_an_address_that_answers_again_loses_its_problem(web_server):
    _, base = web_server
    ServiceFactory(name="ok", url=f"{base}/ok", link_problem="404 Not Found")
    ServiceFactory(name="missing", url=f"{base}/missing")
    check()
    assert problem_of("ok") == ""


def test_an_address_nobody_answers_at_says_it_could_not_connect(web_server):
    _, base = web_server
    ServiceFactory(name="ok", url=f"{base}/ok")
    ServiceFactory(name="closed", url="http://127.0.0.1:9/")  # the discard port: nothing listens
    check()
    assert problem_of("closed").startswith("Could not connect:")


def test_nothing_is_recorded_when_no_server_could_be_reached_at_all():
    """This server offline is not every service's fault."""
    ServiceFactory(name="first", url="http://127.0.0.1:9/one")
    ServiceFactory(name="second", url="http://127.0.0.1:9/two")
    with pytest.raises(CommandError, match="could be reached"):
        check()
    assert not Service.objects.exclude(link_checked_at=None).exists()


def test_recording_the_results_keeps_the_public_pages_cache(web_server):
    _, base = web_server
    ServiceFactory(name="missing", url=f"{base}/missing")
    before = content_version()
    check()
    assert content_version() == before


def test_only_web_addresses_are_opened(web_server):
    _, base = web_server
    ServiceFactory(name="ok", url=f"{base}/ok")
    ServiceFactory(name="file server", url="ftp://files.example.org/report")
    check()
    assert problem_of("file server") == "Not a web address: it should start with https://"
