"""Run every minute by the scheduler: e-mails whose try stopped go back on the queue."""

from django.core.management.base import BaseCommand

from membership.emails import release_stalled_emails


class Command(BaseCommand):
    help = (
        "Queue again the e-mails whose worker stopped while sending them (their claim ran out) "
        "or whose task was lost; never one that may have been sent."
    )

    def handle(self, *args, **options):
        released = release_stalled_emails()
        if released:
            self.stdout.write(f"Queued {len(released)} e-mails again.")
