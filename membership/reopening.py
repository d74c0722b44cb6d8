"""When the pause lifts: tell everyone who registered interest, once each."""

from membership.emails import notify_reopening
from membership.models import CLOSED_STATUSES, Kind, MembershipEnquiry, MembershipPage


def waiting_for_reopening():
    return MembershipEnquiry.objects.filter(kind=Kind.INTEREST, reopening_notified_at__isnull=True).exclude(
        status__in=CLOSED_STATUSES
    )


def notify_registered_interest():
    """E-mail each waiting registration; returns how many were told. Refuses while still paused."""
    page = MembershipPage.objects.live().first()
    if page is None:
        raise ValueError("There is no live membership page to send people to.")
    if page.applications_paused:
        raise ValueError("Applications are still paused: lift the pause on the membership page first.")
    told = 0
    for enquiry in waiting_for_reopening():
        notify_reopening(enquiry, page)
        told += 1
    return told
