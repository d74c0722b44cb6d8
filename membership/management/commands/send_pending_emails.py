"""Queue again the e-mails that stopped: the worker retries on its own, this is for after a long outage."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from membership.emails import queue_again
from membership.models import Delivery, EnquiryEmail

# A worker sends a queued e-mail within seconds; one still waiting or half-sent after this
# long lost its task (a worker stopped mid-send, or the queue was cleared).
STUCK_AFTER = timedelta(hours=1)


class Command(BaseCommand):
    help = "Put back on the queue the e-mails that gave up after repeated failures or were left half-sent."

    def handle(self, *args, **options):
        stuck = timezone.now() - STUCK_AFTER
        stopped = EnquiryEmail.objects.select_related("enquiry").filter(
            Q(delivery=Delivery.GAVE_UP)
            | Q(delivery=Delivery.SENDING, last_attempt_at__lt=stuck)
            | Q(delivery=Delivery.QUEUED, queued_at__lt=stuck)
        )
        references = []
        for row in stopped:
            queue_again(row)
            references.append(f"{row.enquiry.reference} ({row.get_email_display().lower()})")
        self.stdout.write(f"Queued {len(references)} e-mails again: {', '.join(references) or 'none'}.")
