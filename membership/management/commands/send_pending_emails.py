"""Send the e-mails still owed for register entries (safe to run from cron)."""

from django.core.management.base import BaseCommand
from django.db.models import Q

from membership.emails import send_owed_emails
from membership.models import MembershipEnquiry


class Command(BaseCommand):
    help = "Send acknowledgements and team notifications that could not be sent at the time."

    def handle(self, *args, **options):
        owed = MembershipEnquiry.objects.filter(Q(acknowledged_at__isnull=True) | Q(team_notified_at__isnull=True))
        sent = failed = 0
        for enquiry_id in owed.values_list("pk", flat=True):
            if send_owed_emails(enquiry_id):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent the e-mails owed for {sent} entries; {failed} still failing.")
