"""gunicorn settings for the Procfile's web process, from the environment."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the site once in the master and fork workers from it: workers start in
# milliseconds, so recycling them now and then (so a slow leak never grows; jitter
# stops them all restarting at once) costs nothing noticeable.
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# No control socket: nothing outside the process should be able to steer it.
control_socket_disable = True
accesslog = "-"
# The access log keeps no query string, no referrer and no help finder country (website/access_log.py).
logger_class = "website.access_log.PrivateAccessLogger"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's Server header says "gunicorn" with no version number, so nothing to hide.


def when_ready(server):
    """Runs in the master once the site is loaded, before any worker is forked.

    Compiles the site's templates, so a new or recycled worker starts with them ready, then
    moves everything loaded so far out of the garbage collector's reach, so workers never
    pause to re-scan Django's and Wagtail's long-lived objects (and forked memory stays shared).
    """
    import gc
    from pathlib import Path

    from django.template.loader import get_template

    templates = Path(__file__).resolve().parent / "templates"
    for template in templates.rglob("*.html"):
        get_template(template.relative_to(templates).as_posix())
    gc.freeze()
