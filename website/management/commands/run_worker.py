"""The queue's worker: django-tasks-db's `db_worker`, which a database outage no longer stops.

The library's worker loop gives up on every database error but a locked SQLite database met
while fetching a task: the lock met as its transaction begins (SQLite locked for longer than
its busy timeout), a restarted PostgreSQL, or an error while it records a task's end stop
the process, and with it every e-mail. This worker closes its connections, waits (a little
longer each time, up to a minute) and carries on, so it reconnects once the database is back.
An e-mail whose task was cut short this way is queued again by the scheduler
(membership.emails.release_stalled_emails).

Takes `db_worker`'s options (the Procfile's `worker:` and `make run` start it).
"""

import logging
import os
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

# The library's logger, which its command prints (to standard output, at --verbosity 1 and up).
logger = logging.getLogger("django_tasks_db")

FIRST_PAUSE = 1  # seconds
LONGEST_PAUSE = 60


class ReconnectingWorker(db_worker.Worker):
    def run(self):
        pause = FIRST_PAUSE
        while True:
            started = time.monotonic()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:  # asked to stop meanwhile
                    return None
                if time.monotonic() - started > LONGEST_PAUSE:
                    pause = FIRST_PAUSE  # it worked for a while: this is a new outage
                logger.warning("The database failed under the worker (%s); trying again in %d s.", error, pause)
                connections.close_all()
                time.sleep(pause)
                pause = min(2 * pause, LONGEST_PAUSE)


class Command(db_worker.Command):
    help = "Run the database queue's worker (db_worker's options), reconnecting after a database outage."

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        # As db_worker's own handle, with the worker that reconnects.
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            **{
                name: options[name] for name in ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")
            },
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the reloader's child, which runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
