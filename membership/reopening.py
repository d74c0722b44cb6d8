"""When the pause lifts: tell everyone who registered interest, once each, and each address once."""

from django.db import transaction
from django.db.models.functions import Lower

from membership.emails import queue_emails
from membership.models import (
    CLOSED_STATUSES,
    Delivery,
    Email,
    EnquiryEmail,
    Kind,
    MembershipEnquiry,
    live_membership_page,
)


def waiting_for_reopening():
    return (
        MembershipEnquiry.objects.filter(kind=Kind.INTEREST)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(emails__email=Email.REOPENING)
    )


def addresses_waiting():
    """How many e-mails the reopening would send: one per address, whatever its letter case."""
    return waiting_for_reopening().order_by().values(address=Lower("email")).distinct().count()


def reason_not_to_notify():
    """Why the reopening e-mails cannot go yet, or None when they can."""
    page = live_membership_page()
    if page is None:
        return "There is no live membership page to send people to."
    if page.applications_paused:
        return "Applications are still paused: lift the pause on the membership page first."
    return None


def notify_registered_interest():
    """Queue an e-mail to each address still waiting; returns how many. Refuses while still paused.

    Possible duplicates (the same person registering twice) share an address: it is e-mailed
    once, for its newest entry (the latest name and language it gave), and every other entry
    is marked as told, so that none is e-mailed later either."""
    reason = reason_not_to_notify()
    if reason:
        raise ValueError(reason)
    told = set()
    with transaction.atomic():
        for enquiry in waiting_for_reopening().order_by("-received_at", "-pk"):
            address = enquiry.email.lower()
            if address in told:
                # get_or_create: a second send at the same moment finds the row, never an error page.
                EnquiryEmail.objects.get_or_create(
                    enquiry=enquiry, email=Email.REOPENING, defaults={"delivery": Delivery.SAME_ADDRESS}
                )
            else:
                queue_emails(enquiry, Email.REOPENING)
                told.add(address)
    return len(told)
