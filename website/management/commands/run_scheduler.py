"""The site's clock: runs each recurring job when it is due, for as long as it runs.

One process beside the web and the worker (the Procfile's `scheduler`, started, and started
again should it stop, by `make run` too), so a page scheduled to go live at nine is live at nine without anyone setting
up cron. Every job is safe to run twice, so more than one scheduler does no harm.
"""

import logging
import time
from dataclasses import dataclass

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


@dataclass(frozen=True)
class Job:
    command: tuple
    every: int  # seconds
    first_after: int = 0  # seconds after the scheduler starts (with --once, at once)

    @property
    def name(self):
        return " ".join(self.command)


JOBS = (
    # Pages whose go-live time has come are published; those whose expiry has come, unpublished.
    Job(("publish_scheduled",), every=MINUTE),
    # Events that have just ended move to the archive; registrations past their deadline close.
    Job(("refresh_event_lists",), every=MINUTE),
    # E-mails whose worker stopped while sending them (or whose task was lost) are queued again.
    Job(("release_stalled_emails",), every=MINUTE),
    Job(("purge_enquiries",), every=DAY),
    Job(("prune_db_task_results", "--backend", "background"), every=DAY),
    # The help finder's web addresses are tried, so editors hear of one that stopped working. A
    # thread pool and a short timeout keep it to seconds, so the minute jobs are barely held up.
    # Not at start: a developer's every `make run` would otherwise call on a hundred outside sites.
    Job(("check_service_links",), every=DAY, first_after=HOUR),
)


def run(job):
    """One job, whose failure is logged and never stops the others."""
    try:
        call_command(*job.command, verbosity=0)
    except Exception:
        logger.exception("Scheduled job %r failed; it runs again when next due.", job.name)


def first_due(start, once=False):
    """When each job first runs: with --once every job at once, else each its first_after after start."""
    return {job: start + (0 if once else job.first_after) for job in JOBS}


class Command(BaseCommand):
    help = (
        "Run the recurring jobs (scheduled publishing, the register's retention, the queue's tidying, "
        "the help finder's link check) when due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then stop.")

    def handle(self, *args, once=False, **options):
        due = first_due(time.monotonic(), once)
        while True:
            now = time.monotonic()
            for job, due_at in due.items():
                if due_at <= now:
                    run(job)
                    due[job] = now + job.every
            if once:
                return
            time.sleep(max(1.0, min(due.values()) - time.monotonic()))
            close_old_connections()  # a connection the database dropped while we slept is not reused
