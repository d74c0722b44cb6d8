"""The site as production runs it, on a loopback port: for the benchmarks and end-to-end tests.

Production settings with DEBUG off, static files collected and served by whitenoise,
gunicorn with the project's own gunicorn.conf.py, and a scratch database (SQLite in a
temporary folder unless a DATABASE_URL is given), so nothing touches the developer's data.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def scratch_database(server_url):
    """A new, empty PostgreSQL database on the server `server_url` names, dropped afterwards.

    Yields its URL; yields None when no server is given (the caller then uses SQLite).
    """
    if not server_url:
        yield None
        return
    import psycopg

    name = f"scratch_{os.getpid()}_{int(time.time())}"
    address = urllib.parse.urlsplit(server_url)
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(address._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_environment(workdir, **overrides):
    """Production settings over plain HTTP on loopback, with every file kept in `workdir`.

    The site's address is the one its server will answer at (PORT, which Gunicorn serves on)."""
    workdir = Path(workdir)
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "PORT": str(port),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECRET_KEY": "scratch-secret-key-for-a-loopback-server-only-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # loopback has no TLS; the rest of production stays on
        "SQLITE_PATH": str(workdir / "db.sqlite3"),
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "SHARED_CACHE_DIR": str(workdir / "shared-cache"),
        "EMAIL_URL": "",
        "EMAIL_HOST": "",
        "WEB_CONCURRENCY": "2",
        "PYTHONUNBUFFERED": "1",
    }
    environment.update({name: str(value) for name, value in overrides.items()})
    return environment


def manage(environment, *arguments):
    """Run a manage.py command against the site `environment` describes; returns what it printed."""
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, arguments)],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(environment, content=True):
    """Migrate the scratch database, collect static files and, if asked, build the whole site."""
    manage(environment, "migrate", "--noinput", "-v", "0")
    manage(environment, "collectstatic", "--noinput", "-v", "0")
    if content:
        manage(environment, "load_initial_content")


class Gunicorn:
    """`with Gunicorn(environment) as server:` serves the site at `server.url` until the block ends."""

    def __init__(self, environment, log_path=os.devnull):
        self.port = int(environment.get("PORT") or free_port())
        self.environment = {**environment, "PORT": str(self.port)}
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"]
            + ["website.wsgi"],
            cwd=PROJECT,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_ready()
        return self

    def wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2).close()
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
