"""Who a request comes from, and how often it may do something: one rule for every limit.

The admin's login lock-out (django-axes, through AXES_CLIENT_IP_CALLABLE), the membership
form, page passwords and password resets all name the client the same way, and count in
the "shared" cache, so every gunicorn worker (and, with Redis, every machine) agrees.
"""

import hashlib
import ipaddress
import math
import time
import unicodedata

from django.conf import settings
from django.core.cache import caches


def client_address(request):
    """The visitor's address: behind the proxy we trust (SECURE_PROXY=1), the one it saw.

    The proxy appends the address it was connected from, so only the last entry of
    X-Forwarded-For is the proxy's word; earlier ones are whatever the client sent.
    Anything there that is not an address (a request that went round the proxy) counts
    as the address it came from, which django-axes can always store.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        last = forwarded.rsplit(",", 1)[-1].strip()
        if is_address(last):
            return last
    return request.META.get("REMOTE_ADDR") or None


def is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def count(name, identity, seconds):
    """Count one event by `identity` and return how many it has made in the current window.

    A fixed window: it opens with the first event, lasts `seconds`, and then the count
    starts again from nothing. The cache's own add() and incr() do the counting, each
    atomic (in Redis, in local memory, and in website/shared_cache.py's files), so every
    event gets its own number however many arrive at once.
    """
    cache = caches["shared"]
    key = window_key(name, identity)
    if cache.add(key, 1, seconds):
        cache.set(f"{key}:ends", time.time() + seconds, seconds)
        return 1
    try:
        total = cache.incr(key)
    except ValueError:  # the window closed between add and incr: this event opens the next
        return count(name, identity, seconds)
    # Redis's INCR of a count that expired a moment before starts one with no expiry at
    # all; give it the window's end (or a whole window), so that it cannot last for ever.
    cache.touch(key, seconds_left(name, identity) or seconds)
    return total


def take(name, identity, most, seconds):
    """Count one event unless `identity` has made `most` in the current window; True if counted.

    It counts first and compares after, never "look, then count": looking first lets every
    request that arrives at once see the same count below the limit, and all of them pass.
    """
    if count(name, identity, seconds) <= most:
        return True
    give_back(name, identity)
    return False


def give_back(name, identity):
    """Uncount one event that `count` or `take` counted but that did not happen after all."""
    try:
        caches["shared"].decr(window_key(name, identity))
    except ValueError:
        pass  # the window has closed since: there is nothing to give back


def mailbox(address):
    """The mailbox an e-mail address reaches, as a limit counts it: "RL+news"@Example.org and
    rl@example.org are one. Compatibility forms (fullwidth letters) and case are folded, the
    quotes round the name and a +tag dropped, and the domain written as it travels (IDNA).
    """
    name, _, domain = unicodedata.normalize("NFKC", address.strip()).rpartition("@")
    name = name.strip('"').split("+", 1)[0]
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a name the mail could travel to: counted as it is
        pass
    return f"{name}@{domain}".casefold()


def seen(name, identity):
    """How many events `identity` has made in the current window, without counting one."""
    return caches["shared"].get(window_key(name, identity), 0)


def seconds_left(name, identity):
    """Seconds until the current window ends (for Retry-After); 0 when none is open."""
    ends = window_ends(name, identity)
    return max(1, math.ceil(ends - time.time())) if ends else 0


def window_ends(name, identity):
    """When the current window ends, in seconds since the epoch (time.time()); None when none is open."""
    return caches["shared"].get(f"{window_key(name, identity)}:ends")


def forget(name, identity):
    key = window_key(name, identity)
    caches["shared"].delete_many([key, f"{key}:ends"])


def window_key(name, identity):
    # Hashed: an identity may be an e-mail address, with characters and a length no cache key may have.
    return f"limit:{name}:{hashlib.sha256(str(identity).encode()).hexdigest()}"
