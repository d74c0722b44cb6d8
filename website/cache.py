"""One site-wide content version: every cached page and fragment is keyed by it.

Any change an editor makes (publishing, unpublishing, moving or deleting a page; saving
a snippet, a site setting, an image or a document) bumps the version, so everything
cached before is simply never read again. No list of keys to invalidate, nothing stale.
The version lives in the "shared" cache, so a publish seen by one gunicorn worker is
seen by every other at once; the pages themselves stay in each worker's fast memory.

A stored page is kept twice, as it is and gzip-compressed, so that it is compressed once
when it is stored and never again when it is served (stored_variants).
"""

import gzip
import time
from functools import partial

from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "site-content-version"
# Bumped only when pages change (published, unpublished, moved, deleted, made private) or the
# site's address or languages do: what only pages decide (which translations exist) outlives
# the edits to snippets, images and settings that bump the content version.
PAGES_VERSION_KEY = "site-pages-version"


def content_version(key=VERSION_KEY):
    shared = caches["shared"]
    version = shared.get(key)
    if version is None:
        # A fresh cache (or an evicted key) starts a new version, never an old one.
        version = time.time_ns()
        shared.add(key, version, timeout=None)
        version = shared.get(key, version)
    return version


def bump_content_version(**kwargs):
    """Signal receiver: whatever changed, every cached page is fresh again at once."""
    bump(VERSION_KEY)


def bump_pages_version(**kwargs):
    """Signal receiver: a page, its privacy, the site or its languages changed."""
    bump(PAGES_VERSION_KEY)


def bump(key):
    """A new version now, for what the change's own transaction reads next, and again once it commits.

    Until then every other connection still reads the old rows: a page a visitor asks for in
    that moment is rendered from them and cached under the new version, and would be served
    for an hour. The version set on commit is one nothing was ever rendered under.
    """
    start_new_version(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(start_new_version, key), robust=True)


def start_new_version(key):
    caches["shared"].set(key, time.time_ns(), timeout=None)


def cached_for_pages(key, compute, timeout=3600):
    """`compute()`'s result, cached until a page next changes (not a snippet, image or setting)."""
    return cached(f"{key}:{content_version(PAGES_VERSION_KEY)}", compute, timeout)


def cached_for_content(key, compute, timeout=3600):
    """`compute()`'s result in the current language, cached until the content next changes."""
    return cached(f"{key}:{get_language()}:{content_version()}", compute, timeout)


def cached(versioned_key, compute, timeout):
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, timeout)
    return value


# Below this size gzip's own header and trailer outweigh what it saves (as Django's GZipMiddleware).
GZIP_MIN_BYTES = 200


def stored_variants(response):
    """A page the page cache stores, by content coding: as it is ("identity") and "gzip".

    Only ever called for what the page cache may store: public pages that are the same for
    everyone, with no token, cookie or personal data. Compression then reveals nothing
    (BREACH needs a secret on the page beside text an attacker chooses), so where no proxy
    compresses, the site does it itself. A small page is sent as it is to everyone.
    """
    patch_vary_headers(response, ("Accept-Encoding",))
    if len(response.content) < GZIP_MIN_BYTES or response.has_header("Content-Encoding"):
        return {"identity": response, "gzip": response}
    # Compressed once per content version, so the slowest, smallest setting pays.
    compressed = HttpResponse(
        gzip.compress(response.content, compresslevel=9, mtime=0),
        status=response.status_code,
        headers=response.headers,
    )
    compressed["Content-Encoding"] = "gzip"
    compressed["Content-Length"] = str(len(compressed.content))
    if compressed.has_header("ETag") and not compressed["ETag"].startswith("W/"):
        compressed["ETag"] = "W/" + compressed["ETag"]  # the same page, but not the same bytes
    return {"identity": response, "gzip": compressed}


def accepted_coding(request):
    """The coding to send: "gzip" when the client names it in Accept-Encoding (not with q=0), else "identity".

    Every browser names gzip; a bare "*" is taken as not asking for it.
    """
    for item in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, parameters = item.partition(";")
        if coding.strip().lower() == "gzip":
            return "gzip" if quality(parameters) > 0 else "identity"
    return "identity"


def quality(parameters):
    name, _, value = parameters.strip().partition("=")
    if name.strip().lower() != "q":
        return 1.0
    try:
        return float(value)
    except ValueError:
        return 0.0
