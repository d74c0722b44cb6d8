"""gunicorn settings for the Procfile's web process, from the environment."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Recycle workers now and then so a slow leak never grows; jitter stops them all
# restarting at once.
max_requests = 1000
max_requests_jitter = 100
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# No control socket: nothing outside the process should be able to steer it.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's Server header says "gunicorn" with no version number, so nothing to hide.
