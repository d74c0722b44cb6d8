"""Keep cached pages honest as time passes: an event that has just ended moves to the archive,
and a registration whose deadline has just passed shows as closed, within a minute.

Nothing is published when that happens, so nothing bumps the content version by itself; the
scheduler runs this every minute and it bumps the version when such a moment has come since
its last run. Safe to run twice: the second run finds nothing new.
"""

import datetime

from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from events.models import EventPage
from website.cache import bump_content_version

LAST_RUN_KEY = "events-clock-last-run"
FIRST_LOOK_BACK = datetime.timedelta(minutes=5)  # with no record of a last run


class Command(BaseCommand):
    help = "Refresh cached pages when an event has ended or a registration deadline has passed."

    def handle(self, *args, **options):
        shared = caches["shared"]
        now = timezone.now()
        since = shared.get(LAST_RUN_KEY) or now - FIRST_LOOK_BACK
        passed = Q(end__gt=since, end__lte=now) | Q(registration_deadline__gt=since, registration_deadline__lte=now)
        if EventPage.objects.live().filter(passed).exists():
            bump_content_version()
            if options["verbosity"] > 1:
                self.stdout.write("An event moment has passed: cached pages refreshed.")
        shared.set(LAST_RUN_KEY, now, timeout=None)
