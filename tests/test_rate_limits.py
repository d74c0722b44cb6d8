"""Rate limits stay exact when many requests arrive at once, in every cache the site can use
for them: local memory (one process), the file-based shared cache (several gunicorn workers
on one machine) and Redis (several machines)."""

import multiprocessing
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from membership.models import MembershipEnquiry
from membership.views import EMAIL_RATE_LIMIT, RATE_LIMIT
from tests.factories.membership import MembershipPageFactory, form_data
from website import ratelimit

LIMIT = 20
TRIES = 60


def take_once(_=None):
    return ratelimit.take("concurrency-test", "203.0.113.7", LIMIT, 3600)


def take_at_once_in_threads(how_many):
    """`how_many` threads, released together, each counting one event."""
    start = threading.Barrier(how_many)

    def take():
        start.wait()
        return take_once()

    with ThreadPoolExecutor(how_many) as pool:
        return list(pool.map(lambda _: take(), range(how_many)))


def shared_cache(settings, backend, location, **options):
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": backend, "LOCATION": location, **options}}


@pytest.fixture
def redis_socket(tmp_path):
    """A Redis server of its own, on a socket in the test's folder."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    socket = tmp_path / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        while subprocess.run(["redis-cli", "-s", str(socket), "ping"], capture_output=True).stdout != b"PONG\n":
            assert server.poll() is None, "redis-server stopped"
        yield socket
    finally:
        server.terminate()
        server.wait()


class TestExactlyTheLimitPasses:
    def test_in_local_memory_from_many_threads_at_once(self, settings):
        shared_cache(settings, "django.core.cache.backends.locmem.LocMemCache", "concurrency")
        assert take_at_once_in_threads(TRIES).count(True) == LIMIT

    def test_in_the_shared_files_from_several_processes_at_once(self, settings, tmp_path):
        shared_cache(settings, "website.shared_cache.FileBasedCache", str(tmp_path / "shared-cache"))
        with multiprocessing.get_context("fork").Pool(4) as processes:
            passed = processes.map(take_once, range(TRIES * 4), chunksize=1)
        assert passed.count(True) == LIMIT
        assert ratelimit.seen("concurrency-test", "203.0.113.7") == LIMIT

    def test_in_redis_from_many_threads_at_once(self, settings, redis_socket):
        shared_cache(settings, "django.core.cache.backends.redis.RedisCache", f"unix://{redis_socket}")
        assert take_at_once_in_threads(TRIES).count(True) == LIMIT
        assert ratelimit.seen("concurrency-test", "203.0.113.7") == LIMIT

    def test_a_count_in_the_shared_files_keeps_its_window(self, settings, tmp_path):
        shared_cache(settings, "website.shared_cache.FileBasedCache", str(tmp_path / "shared-cache"))
        for _ in range(3):
            ratelimit.count("window-test", "someone", 3600)
        # Django's own incr() would have stored the count for its default five minutes.
        assert 3590 < ratelimit.seconds_left("window-test", "someone") <= 3600
        assert ratelimit.seen("window-test", "someone") == 3


def send_at_once(forms, address="203.0.113.7"):
    """Each form sent by its own visitor (its own client and database connection), all together."""
    start = threading.Barrier(len(forms))

    def send(data):
        start.wait()
        try:
            return Client().post("/membership/", data, REMOTE_ADDR=address).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(len(forms)) as pool:
        return list(pool.map(send, forms))


@pytest.mark.django_db(transaction=True)
class TestTheMembershipFormAtOnce:
    @pytest.fixture(autouse=True)
    def membership_page(self, home_page):
        return MembershipPageFactory(parent=home_page)

    def test_one_network_adds_exactly_its_limit(self):
        forms = [form_data(email=f"colleague{number}@example.org") for number in range(RATE_LIMIT + 6)]

        statuses = send_at_once(forms)

        assert statuses.count(302) == RATE_LIMIT
        assert statuses.count(429) == 6
        assert MembershipEnquiry.objects.count() == RATE_LIMIT

    def test_one_mailbox_gets_exactly_its_limit_however_its_address_is_written(self):
        addresses = ["rl@example.org", "rl+1@example.org", '"rl"@example.org', "RL+2@Example.org", "rl+3@example.org"]
        forms = [form_data(email=address) for address in addresses]

        statuses = send_at_once(forms)

        assert statuses.count(302) == EMAIL_RATE_LIMIT
        assert MembershipEnquiry.objects.count() == EMAIL_RATE_LIMIT
