"""Retention: delete register entries closed or untouched for longer than the retention period."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from membership.models import MembershipEnquiry, Status


def expired_enquiries(months):
    """Every entry not changed since the cut-off, except members' (kept while membership lasts)."""
    cutoff = timezone.now() - timedelta(days=round(months * 30.44))
    return MembershipEnquiry.objects.filter(updated_at__lt=cutoff).exclude(status=Status.MEMBER)


class Command(BaseCommand):
    help = "Delete entries (closed, or left untouched) not changed for longer than ENQUIRY_RETENTION_MONTHS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be deleted; delete nothing.")
        parser.add_argument(
            "--months", type=int, default=settings.ENQUIRY_RETENTION_MONTHS, help="Retention period in months."
        )

    def handle(self, *args, dry_run=False, months=None, **options):
        expired = expired_enquiries(months)
        references = list(expired.values_list("reference", flat=True))
        if dry_run:
            self.stdout.write(
                f"Would delete {len(references)} entries older than {months} months: {', '.join(references)}"
            )
            return
        expired.delete()
        self.stdout.write(f"Deleted {len(references)} entries older than {months} months.")
