"""The "shared" cache without Redis: files in one folder, with counting safe across processes."""

import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends import filebased
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.files import locks


class FileBasedCache(filebased.FileBasedCache):
    """Django's file-based cache, whose add(), incr() and touch() are atomic across processes.

    Django's own add() and incr() look, then write: two gunicorn workers counting at once
    would both find no count yet, or both the same count, and a rate limit would let more
    through than it allows. Here each holds an exclusive lock on one file in the folder
    from its read to its write. incr() also keeps the entry's expiry, where Django's would
    reset it to the default timeout.
    """

    LOCK_FILE = "atomic.lock"  # not *.djcache, so clearing or culling the cache never removes it

    @contextmanager
    def exclusive(self):
        self._createdir()
        with open(os.path.join(self._dir, self.LOCK_FILE), "ab") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self.exclusive():
            return super().add(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self.exclusive():
            return super().touch(key, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self.exclusive():
            expiry, value = self.read_with_expiry(key, version)
            seconds_left = None if expiry is None else expiry - time.time()
            self.set(key, value + delta, seconds_left, version)
            return value + delta

    def read_with_expiry(self, key, version):
        """(expiry in seconds since the epoch or None for never, value); ValueError if there is none."""
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                # The cache's own files, read as Django's backend reads them.
                expiry = pickle.load(file)  # noqa: S301
                if expiry is None or expiry > time.time():
                    return expiry, pickle.loads(zlib.decompress(file.read()))  # noqa: S301
        except (FileNotFoundError, EOFError):
            pass
        raise ValueError(f"Key '{key}' not found")
