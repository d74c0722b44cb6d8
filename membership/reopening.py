"""When the pause lifts: tell everyone who registered interest, once each."""

from django.db import transaction

from membership.emails import queue_emails
from membership.models import CLOSED_STATUSES, Email, Kind, MembershipEnquiry, live_membership_page


def waiting_for_reopening():
    return (
        MembershipEnquiry.objects.filter(kind=Kind.INTEREST)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(emails__email=Email.REOPENING)
    )


def reason_not_to_notify():
    """Why the reopening e-mails cannot go yet, or None when they can."""
    page = live_membership_page()
    if page is None:
        return "There is no live membership page to send people to."
    if page.applications_paused:
        return "Applications are still paused: lift the pause on the membership page first."
    return None


def notify_registered_interest():
    """Queue an e-mail to each waiting registration; returns how many. Refuses while still paused."""
    reason = reason_not_to_notify()
    if reason:
        raise ValueError(reason)
    told = 0
    with transaction.atomic():
        for enquiry in waiting_for_reopening():
            queue_emails(enquiry, Email.REOPENING)
            told += 1
    return told
