"""Who a request comes from, and how often it may do something: one rule for every limit.

The admin's login lock-out (django-axes, through AXES_CLIENT_IP_CALLABLE), the membership
form, page passwords and password resets all name the client the same way, and count in
the "shared" cache, so every gunicorn worker (and, with Redis, every machine) agrees.
"""

import hashlib
import ipaddress
import math
import time

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
    starts again from nothing.
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
    # The file-based cache stores an incremented value for its default five minutes
    # only; keep it until the window ends.
    cache.touch(key, seconds_left(name, identity) or seconds)
    return total


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
