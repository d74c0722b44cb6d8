"""Trying the services' web addresses, so editors hear of one that stopped working.

The checker fetches addresses that editors typed, from inside the hosting network, so it must
never become a way to reach that network (server-side request forgery):

- only http:// and https:// addresses are tried, on every hop of a redirect;
- each hop's host is resolved once, and refused unless every address it resolves to is a
  public (globally reachable) one: never loopback, private, link-local (the cloud's metadata
  service), shared, multicast, reserved or unspecified;
- the connection goes to the address that was vetted, not to whatever the name resolves to a
  moment later (DNS rebinding), while the request still names the host (Host header, TLS SNI);
- what editors see is one of a fixed set of outcomes, never the server's words or the
  system's error text, so it cannot be used to read answers or scan ports.

A HEAD request (a GET where the server refuses HEAD), up to MAX_REDIRECTS redirects, a short
timeout; the body is never read.
"""

import ipaddress
import socket
import ssl
from http import HTTPStatus
from http.client import HTTPConnection, HTTPException
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

TIMEOUT = 10  # seconds
MAX_REDIRECTS = 5
WEB_SCHEMES = {"http": 80, "https": 443}  # never file: or ftp:
REDIRECTS = {
    HTTPStatus.MOVED_PERMANENTLY,
    HTTPStatus.FOUND,
    HTTPStatus.SEE_OTHER,
    HTTPStatus.TEMPORARY_REDIRECT,
    HTTPStatus.PERMANENT_REDIRECT,
}
# Servers that do not take HEAD say so with these; the address may still work.
HEAD_REFUSED = {HTTPStatus.METHOD_NOT_ALLOWED, HTTPStatus.NOT_IMPLEMENTED}
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # an IPv4 address in IPv6 clothes

# What editors may see (besides the answer's status, in the words of status_problem).
NOT_A_WEB_ADDRESS = "not a web address"
NOT_PUBLIC = "refused: not a public address"
HOST_NOT_FOUND = "host not found"
COULD_NOT_CONNECT = "could not connect"
TIMED_OUT = "timed out"
BAD_CERTIFICATE = "certificate not valid"
SECURE_CONNECTION_FAILED = "secure connection failed"
TOO_MANY_REDIRECTS = "too many redirects"
# Outcomes that say more about this server's own connection than about the address.
UNREACHED = {HOST_NOT_FOUND, COULD_NOT_CONNECT, TIMED_OUT}


class Refused(Exception):
    """The address is not to be tried; the argument is the outcome editors see."""


def user_agent():
    site = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "the WePROTECT Global Alliance website"
    return f"WePROTECT Global Alliance link checker (+{site})"


def problem_with(url, timeout=TIMEOUT):
    """Nothing when the address answers (2xx, or a 3xx leading to one), else what went wrong."""
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, location = answer_to(url, timeout)
            if status not in REDIRECTS or not location:
                return "" if status < 300 else status_problem(status)
            url = urljoin(url, location)
        return TOO_MANY_REDIRECTS
    except Refused as refusal:
        return refusal.args[0]
    except socket.gaierror:
        return HOST_NOT_FOUND
    except TimeoutError:
        return TIMED_OUT
    except ssl.SSLCertVerificationError:
        return BAD_CERTIFICATE
    except ssl.SSLError:
        return SECURE_CONNECTION_FAILED
    except (OSError, HTTPException, ValueError):  # refused, reset, a garbled answer, a name DNS refuses
        return COULD_NOT_CONNECT


def reached(problem):
    """The address's server was reached, even if it answered with an error or was refused."""
    return problem not in UNREACHED


def status_problem(status):
    """An error status in a few fixed words: never the server's own reason phrase."""
    if status in (HTTPStatus.NOT_FOUND, HTTPStatus.GONE):
        return f"not found ({status})"
    if status in (HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN):
        return f"access denied ({status})"
    if status >= 500:
        return f"server error ({status})"
    return f"unexpected answer ({status})"


def answer_to(url, timeout):
    """(status, Location header) of one hop, HEAD first, GET where the server refuses HEAD."""
    scheme, host, port, target = parse(url)
    addresses = public_addresses(host, port)
    status, location = request(scheme, host, port, addresses, "HEAD", target, timeout)
    if status in HEAD_REFUSED:
        status, location = request(scheme, host, port, addresses, "GET", target, timeout)
    return status, location


def parse(url):
    """(scheme, host, port, request target) of an http(s) address; else Refused."""
    try:
        parts = urlsplit(url)
        if parts.scheme not in WEB_SCHEMES or not parts.hostname:
            raise Refused(NOT_A_WEB_ADDRESS)
        host = parts.hostname.encode("idna").decode("ascii")  # an international name as DNS spells it
        port = parts.port or WEB_SCHEMES[parts.scheme]
    except ValueError as error:  # a port out of range, a label too long
        raise Refused(NOT_A_WEB_ADDRESS) from error
    # Sent as a browser sends it: characters outside ASCII percent-encoded, what is encoded kept.
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/?%:@!$&'()*+,;=~")
    return parts.scheme, host, port, target


def public_addresses(host, port):
    """The addresses `host` resolves to, if all of them may be tried; else Refused."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(sockaddr[0] for *_, sockaddr in found))
    if not addresses or not all(may_try(ipaddress.ip_address(address), port) for address in addresses):
        raise Refused(NOT_PUBLIC)
    return addresses


def may_try(address, port):
    """Only globally reachable addresses, and no multicast (which ipaddress counts as global). Tests may let their own servers on loopback be tried by
    listing those ports in HELPFINDER_LINK_CHECK_ALLOW_LOOPBACK_PORTS, which production never sets."""
    if address.version == 6 and address in NAT64:
        address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.is_global and not address.is_multicast:
        return True
    return address.is_loopback and port in getattr(settings, "HELPFINDER_LINK_CHECK_ALLOW_LOOPBACK_PORTS", ())


def request(scheme, host, port, addresses, method, target, timeout):
    connection = VettedConnection(scheme, host, port, addresses, timeout)
    try:
        connection.request(method, target, headers={"User-Agent": user_agent()})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()  # the body is never read


class VettedConnection(HTTPConnection):
    """An HTTP(S) connection to one of the vetted addresses, never to a fresh lookup of the host,
    which could by then resolve elsewhere (DNS rebinding); the request and the TLS handshake still
    name the host, and its certificate is checked against that name."""

    def __init__(self, scheme, host, port, addresses, timeout):
        super().__init__(host, port, timeout=timeout)
        self.secure = scheme == "https"
        self.default_port = WEB_SCHEMES[scheme]  # so the Host header carries a port only if unusual
        self.addresses = addresses

    def connect(self):
        self.sock = self.open_socket()
        if self.secure:
            self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)

    def open_socket(self):
        """The first of the addresses that takes the connection, as socket.create_connection tries them."""
        for address in self.addresses[:-1]:
            try:
                return socket.create_connection((address, self.port), self.timeout)
            except OSError:
                continue
        return socket.create_connection((self.addresses[-1], self.port), self.timeout)
