"""E-mails about the register. Plain text only, so nothing anyone typed is ever interpreted.

Every send happens after the row is saved. A failure is recorded on the row and the
message is sent later by `manage.py send_pending_emails`; a sent message is stamped so
it is never sent twice.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from membership.models import Kind, MembershipEnquiry
from website.models import SiteSettings

logger = logging.getLogger(__name__)


def send(template, recipient, context):
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    EmailMessage(subject=subject.strip(), body=body.strip() + "\n", to=[recipient]).send()


def team_address():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True)).membership_team_email


def send_owed_emails(enquiry_id):
    """Send the acknowledgement and the team's notification if either is still owed."""
    with transaction.atomic():
        enquiry = MembershipEnquiry.objects.select_for_update().get(pk=enquiry_id)
        context = {"enquiry": enquiry, "is_application": enquiry.kind == Kind.APPLICATION}
        try:
            if enquiry.acknowledged_at is None:
                send("membership/emails/acknowledgement.txt", enquiry.email, context)
                enquiry.acknowledged_at = timezone.now()
            if enquiry.team_notified_at is None:
                send("membership/emails/team_notification.txt", team_address(), context)
                enquiry.team_notified_at = timezone.now()
        except Exception as error:  # any mail failure: keep the row, record it, retry later
            logger.warning("E-mail for %s failed: %s", enquiry.reference, error)
            enquiry.email_failures += 1
            enquiry.last_email_error = f"{type(error).__name__}: {error}"[:300]
        enquiry.save(update_fields=["acknowledged_at", "team_notified_at", "email_failures", "last_email_error"])
    return not enquiry.emails_owed


def notify_reopening(enquiry, page):
    """Tell someone who registered interest that applications are open again; stamp it."""
    send("membership/emails/reopened.txt", enquiry.email, {"enquiry": enquiry, "page_url": page.full_url})
    enquiry.reopening_notified_at = timezone.now()
    enquiry.save(update_fields=["reopening_notified_at"])
