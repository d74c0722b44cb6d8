"""Queue again the e-mails that stopped: the worker retries on its own, this is for after a long outage."""

from django.core.management.base import BaseCommand

from membership.emails import queue_again, release_stalled_emails
from membership.models import Delivery, EnquiryEmail


class Command(BaseCommand):
    help = (
        "Put back on the queue the e-mails that gave up after repeated failures or whose try stopped "
        "(never one that may have been sent)."
    )

    def handle(self, *args, **options):
        gave_up = list(EnquiryEmail.objects.select_related("enquiry").filter(delivery=Delivery.GAVE_UP))
        for row in gave_up:
            queue_again(row)
        references = [
            f"{row.enquiry.reference} ({row.get_email_display().lower()})"
            for row in gave_up + release_stalled_emails()
        ]
        self.stdout.write(f"Queued {len(references)} e-mails again: {', '.join(references) or 'none'}.")
