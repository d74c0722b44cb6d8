"""check_service_links tries every web address against a web server of the test's own (never the internet).

The checker refuses every address that is not public, the test's own servers on 127.0.0.1 too: a
test that needs one to answer lets its port through with HELPFINDER_LINK_CHECK_ALLOW_LOOPBACK_PORTS,
a setting production never sets.
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from helpfinder.links import VettedConnection, problem_with
from helpfinder.models import Service
from tests.factories.helpfinder import ServiceFactory
from website.cache import content_version

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5  # seconds, so the address that never answers costs the test half a second
CLOSED_PORT = 9  # the discard port: nothing listens


class Handler(BaseHTTPRequestHandler):
    """/ok answers, /missing is not found, /moved redirects to /ok, /no-head refuses HEAD, /slow never
    answers, /broken fails with a reason phrase of its own, /loop redirects to itself, and
    /to?url redirects to that address."""

    release = threading.Event()  # lets /slow's thread go when the test ends

    def do_HEAD(self):
        if self.path == "/no-head":
            self.answer(405)
        else:
            self.do_GET()

    def do_GET(self):
        self.server.seen.append((self.command, self.path, self.headers["User-Agent"], self.headers["Host"]))
        if self.path == "/slow":
            self.release.wait(10)
        elif self.path == "/moved":
            self.answer(302, Location="/ok")
        elif self.path == "/loop":
            self.answer(301, Location="/loop")
        elif self.path.startswith("/to?"):
            self.answer(307, Location=self.path.removeprefix("/to?"))
        elif self.path == "/broken":
            self.send_error(500, "db-01.internal refused the password for admin")
        else:
            self.answer(404 if self.path == "/missing" else 200)

    def answer(self, status, **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass  # quiet


def start_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def local_servers():
    """Starts web servers on 127.0.0.1 (port, base address); the checker refuses them unless allowed."""
    servers = []
    Handler.release.clear()

    def start():
        servers.append(start_server())
        return servers[-1], f"http://127.0.0.1:{servers[-1].server_port}"

    yield start
    Handler.release.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def allow(settings, *ports):
    settings.HELPFINDER_LINK_CHECK_ALLOW_LOOPBACK_PORTS = {*ports}


@pytest.fixture
def web_server(local_servers, settings):
    """One local web server that the checker is allowed to try, as if it were public."""
    server, base = local_servers()
    allow(settings, server.server_port, CLOSED_PORT)
    return server, base


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
    assert problem_of("missing") == "not found (404)"
    assert problem_of("slow") == "timed out"
    assert not Service.objects.exclude(url="").filter(link_checked_at=None).exists()
    assert Service.objects.get(name="phone only").link_checked_at is None
    assert "3 of 5 web addresses answered." in out
    assert f"missing ({base}/missing): not found (404)" in out
    assert ("GET", "/no-head") in [(method, path) for method, path, *_ in server.seen]  # HEAD refused, so GET
    assert all("WePROTECT" in agent for _, _, agent, _ in server.seen)


def test_an_address_that_answers_again_loses_its_problem(web_server):
    _, base = web_server
    ServiceFactory(name="ok", url=f"{base}/ok", link_problem="not found (404)")
    ServiceFactory(name="missing", url=f"{base}/missing")
    check()
    assert problem_of("ok") == ""


def test_an_address_nobody_answers_at_says_it_could_not_connect(web_server):
    _, base = web_server
    ServiceFactory(name="ok", url=f"{base}/ok")
    ServiceFactory(name="closed", url=f"http://127.0.0.1:{CLOSED_PORT}/")
    check()
    assert problem_of("closed") == "could not connect"  # not the system's "Connection refused"


def test_nothing_is_recorded_when_no_server_could_be_reached_at_all(settings):
    """This server offline is not every service's fault."""
    allow(settings, CLOSED_PORT)
    ServiceFactory(name="first", url=f"http://127.0.0.1:{CLOSED_PORT}/one")
    ServiceFactory(name="second", url=f"http://127.0.0.1:{CLOSED_PORT}/two")
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
    assert problem_of("file server") == "not a web address"


def test_the_checker_refuses_addresses_that_are_not_public(local_servers):
    """Editors' addresses are fetched from inside the hosting network: never let one reach it."""
    server, base = local_servers()
    port = server.server_port
    ServiceFactory(name="admin", url=f"{base}/admin/")
    ServiceFactory(name="by name", url=f"http://localhost:{port}/ok")
    ServiceFactory(name="metadata", url="http://169.254.169.254/latest/meta-data/")
    out = check()
    assert problem_of("admin") == problem_of("by name") == problem_of("metadata") == "refused: not a public address"
    assert f"admin ({base}/admin/): refused: not a public address" in out
    assert server.seen == []


@pytest.mark.parametrize(
    "address",
    [
        "http://[::1]:{port}/",
        "http://0.0.0.0:{port}/",  # unspecified: Linux connects it to loopback
        "http://2130706433:{port}/",  # 127.0.0.1 as one number
        "http://[::ffff:127.0.0.1]:{port}/",  # IPv4 in IPv6
        "http://[64:ff9b::7f00:1]:{port}/",  # the same through NAT64
        "https://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",  # shared (carrier-grade NAT)
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://[ff0e::1]/",  # global multicast
        "http://240.0.0.1/",
    ],
)
def test_loopback_private_link_local_multicast_and_reserved_addresses_are_refused(local_servers, address):
    server, _ = local_servers()
    assert problem_with(address.format(port=server.server_port), TIMEOUT) == "refused: not a public address"
    assert server.seen == []


@pytest.mark.parametrize("address", ["ftp://files.example.org/report", "file:///etc/passwd", "gopher://x/", "http://"])
def test_only_http_and_https_addresses_are_tried(address):
    assert problem_with(address, TIMEOUT) == "not a web address"


def test_every_redirect_is_checked_again(local_servers, settings):
    """A public server may send the checker on to a private one: each hop is vetted afresh."""
    first, base = local_servers()
    second, other = local_servers()
    allow(settings, first.server_port)  # the second, like the host's own services, is not allowed
    redirect = f"{base}/to?"
    assert problem_with(redirect + f"{other}/ok", TIMEOUT) == "refused: not a public address"
    assert (
        problem_with(redirect + f"http://localhost:{second.server_port}/ok", TIMEOUT)
        == "refused: not a public address"
    )
    assert (
        problem_with(redirect + "http://169.254.169.254/latest/meta-data/", TIMEOUT) == "refused: not a public address"
    )
    assert problem_with(redirect + "ftp://files.example.org/report", TIMEOUT) == "not a web address"
    assert second.seen == []
    assert problem_with(redirect + "/ok", TIMEOUT) == ""  # the first one's own pages are fine


def test_what_went_wrong_is_said_in_the_checkers_own_words(web_server):
    """Never the server's reason phrase nor the system's error text: the checker is no way to read
    another server's answers or to scan its ports."""
    _, base = web_server
    assert problem_with(f"{base}/broken", TIMEOUT) == "server error (500)"
    assert problem_with(f"{base}/loop", TIMEOUT) == "too many redirects"
    assert problem_with(f"https://127.0.0.1:{CLOSED_PORT}/", TIMEOUT) == "could not connect"
    assert problem_with(base.replace("http:", "https:") + "/ok", TIMEOUT) == "secure connection failed"
    assert problem_with("http://no-such-host.invalid/", TIMEOUT) == "host not found"


def test_the_connection_goes_to_the_vetted_address_under_the_hosts_name(web_server):
    """No second look-up between the check and the connection (which DNS rebinding would exploit):
    the connection needs only the vetted address, and the request still names the host."""
    server, _ = web_server
    port = server.server_port
    connection = VettedConnection("http", "services.invalid", port, ["127.0.0.1"], TIMEOUT)
    connection.request("GET", "/ok")
    assert connection.getresponse().status == 200
    connection.close()
    assert server.seen[-1][3] == f"services.invalid:{port}"
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("services.invalid", port)  # the name itself leads nowhere


def test_an_address_with_letters_beyond_ascii_is_asked_for_as_a_browser_would(web_server):
    server, base = web_server
    assert problem_with(f"{base}/ok?q=café&page=1", TIMEOUT) == ""
    assert problem_with(f"{base}/ok?q=caf%C3%A9", TIMEOUT) == ""
    assert [path for _, path, *_ in server.seen] == ["/ok?q=caf%C3%A9&page=1", "/ok?q=caf%C3%A9"]
