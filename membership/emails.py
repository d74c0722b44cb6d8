"""E-mails about the register, sent by the worker from the database queue, never in a request.

Each e-mail an entry owes is a row (EnquiryEmail) written in the same transaction as the
entry, plus a task on the queue (settings.TASKS["background"]) that the worker runs once
that transaction commits. The task claims its row before it talks to the mail server and
holds no transaction meanwhile, so a slow server delays only the worker, never a visitor or
the database. A server that is down or says "try later" (4xx) is tried again after growing
pauses; a permanent refusal (5xx) ends the tries and shows in the register. Every e-mail is
its own task, so the team's notice never waits for the applicant's.

No e-mail is sent twice on its own. Each keeps one Message-ID, so every try is recognisable
as the same e-mail. A claim lasts a few minutes (LEASE): one left by a worker that stopped is
released and tried again, and just before handing the message over the worker checks that
the claim is still its own, so a released claim is never sent by both. Once the message is
handed over, the e-mail "may have been sent" until the server confirms it; if it never does,
it stays so, shown to the team, and is not tried again.
"""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError, connection
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.tasks import TaskResultStatus, task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from membership.models import Delivery, Email, EnquiryEmail, Kind, live_membership_page
from website.alternates import translation_in
from website.mail import MaybeSent, before_handing_over
from website.models import SiteSettings

logger = logging.getLogger(__name__)

# Minutes to wait after each failed attempt: about two days in all, then it stops trying.
RETRY_DELAYS = (1, 5, 30, 120, 360, 720, 1440)
# How long a worker's claim on an e-mail lasts: longer than any send takes (each step with the
# mail server gives up after EMAIL_TIMEOUT), short enough that a stopped worker's e-mail is
# soon tried again by another (the scheduler releases it within a minute of running out).
LEASE = timedelta(minutes=3)
# An e-mail still waiting this long after its last try has lost its task (a worker stopped
# or the database failed under it): it is queued again.
LOST_AFTER = timedelta(minutes=5)
TEMPLATES = {
    Email.ACKNOWLEDGEMENT: "membership/emails/acknowledgement.txt",
    Email.TEAM_NOTIFICATION: "membership/emails/team_notification.txt",
    Email.REOPENING: "membership/emails/reopened.txt",
}


def queue_emails(enquiry, *emails):
    """Owe these e-mails for this entry, once each. Call it inside the transaction that saves
    the entry, so the entry and its e-mails are committed together or not at all."""
    for email in emails:
        row, created = EnquiryEmail.objects.get_or_create(enquiry=enquiry, email=email)
        if created:
            send_email.enqueue(row.pk)


def queue_again(row):
    """Put an e-mail that stopped (gave up, or was held for the team's address) back on the queue."""
    EnquiryEmail.objects.filter(pk=row.pk).update(delivery=Delivery.QUEUED, queued_at=timezone.now())
    send_email.enqueue(row.pk)


@task(backend="background")
def send_email(email_id):
    """Send one owed e-mail. Safe to run twice: only the run that claims the row sends it."""
    now = timezone.now()
    claimed = EnquiryEmail.objects.filter(pk=email_id, delivery__in=[Delivery.QUEUED, Delivery.RETRYING]).update(
        delivery=Delivery.SENDING, attempts=F("attempts") + 1, last_attempt_at=now, lease_until=now + LEASE
    )
    if not claimed:
        return  # sent already, refused, or being sent by another worker
    row = EnquiryEmail.objects.select_related("enquiry").get(pk=email_id)
    try:
        with before_handing_over(lambda: hand_over(row)):
            deliver(row)
    except ClaimLost:
        return  # released while this worker was slow: another run sends it
    except Exception as error:  # whatever the mail server or network did, record it and decide
        record_failure(row, error)
    else:
        record_sent(row)


def record_sent(row, pauses=(1, 2, 4, 8, 15, 30)):
    """The server confirmed it. Worth waiting for a database that is locked or away (a minute
    at most, while this worker could do nothing else anyway): unrecorded, the e-mail would stay
    "may have been sent"."""
    for pause in (*pauses, None):
        try:
            this_claim(row).update(delivery=Delivery.SENT, sent_at=timezone.now(), problem="", lease_until=None)
            return
        except OperationalError:
            if pause is None:
                raise
            connection.close()  # a lost connection is not reused; a new one is made on the next query
            time.sleep(pause)


# What the register shows for an e-mail whose worker stopped between handing it over and the
# server's answer: only the recipient can tell whether it arrived.
STOPPED_WHILE_HANDING_OVER = "may have been sent: the worker stopped before the mail server confirmed it"


class ClaimLost(Exception):
    """This worker's claim on the e-mail ran out and was released: it must not send it."""


def this_claim(row):
    """The row, only while it is still this try's (another try counts one more attempt)."""
    return EnquiryEmail.objects.filter(pk=row.pk, attempts=row.attempts)


def hand_over(row):
    """The point of no return, just before the message goes to the mail server: the claim must
    still be ours, and from now on the e-mail may have been sent."""
    handed = (
        this_claim(row)
        .filter(delivery=Delivery.SENDING)
        .update(delivery=Delivery.MAYBE_SENT, problem=STOPPED_WHILE_HANDING_OVER, lease_until=None)
    )
    if not handed:
        raise ClaimLost


def release_stalled_emails():
    """Put back on the queue the e-mails whose try stopped: a claim that ran out (its worker
    stopped while sending), or an e-mail waiting long past its turn with no task left to send it
    (a worker, or the database, failed under it). Returns them.

    Runs every minute (the scheduler). An e-mail that may have been sent is never among them.
    """
    now = timezone.now()
    rows = EnquiryEmail.objects.select_related("enquiry")
    # (A claim from before claims had leases has none: it is long over.)
    ran_out = rows.filter(Q(lease_until__lt=now) | Q(lease_until=None), delivery=Delivery.SENDING)
    lost = rows.filter(
        Q(delivery=Delivery.QUEUED, queued_at__lt=now - LOST_AFTER)
        | Q(delivery=Delivery.RETRYING, last_attempt_at__lt=now - LOST_AFTER, queued_at__lt=now - LOST_AFTER)
    ).exclude(pk__in=ids_with_a_task_waiting())
    return [row for row in [*ran_out, *lost] if release(row)]


def ids_with_a_task_waiting():
    """The e-mails that have a send_email task still waiting to run (now or at a retry's time)."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=send_email.module_path)
    return [result.args_kwargs["args"][0] for result in waiting.only("args_kwargs")]


def release(row):
    """Queue this e-mail again, unless something changed it meanwhile (another worker took it)."""
    delivery, problem = row.delivery, row.problem
    if row.delivery == Delivery.SENDING:
        delivery = Delivery.RETRYING
        problem = f"not sent yet (attempt {row.attempts}, trying again): the worker stopped while sending it"
    updated = (
        this_claim(row)
        .filter(delivery=row.delivery)
        .update(delivery=delivery, problem=problem, lease_until=None, queued_at=timezone.now())
    )
    if updated:
        logger.warning("%s for %s queued again after its try stopped", row.get_email_display(), row.enquiry.reference)
        send_email.enqueue(row.pk)
    return bool(updated)


# What the register shows for a team notice held until the site settings have the team's address.
NO_TEAM_ADDRESS = "not sent: no membership team address in site settings"


class NoTeamAddress(Exception):
    """The site settings name no membership team address, so the team's notice has nowhere to go."""


def deliver(row):
    """Plain text only, so nothing anyone typed is ever interpreted. Replies to the applicant's
    e-mails reach the membership team once the site settings have its address.

    The applicant's e-mails are written in the language the form was sent in (the entry's,
    not any request's: the worker sends them); the team's notice in the site's own, English.
    """
    enquiry = row.enquiry
    team = team_address()
    to_team = row.email == Email.TEAM_NOTIFICATION
    if to_team and not team:
        raise NoTeamAddress
    language = settings.LANGUAGE_CODE if to_team else enquiry.language
    with translation.override(language):
        text = render_to_string(TEMPLATES[row.email], context_for(row, team))
        language = translation.get_language()
    subject, _, body = text.strip().partition("\n")
    EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        to=[team if to_team else enquiry.email],
        reply_to=[team] if team and not to_team else [],
        headers={"Content-Language": language, "Message-ID": row.message_id},
    ).send()


def context_for(row, team):
    enquiry = row.enquiry
    # In the entry's language where the page has been translated, so its link is to that page.
    page = live_membership_page(enquiry.language)
    # Entries from the same organisation and e-mail address: the team looks at them together.
    duplicates = list(enquiry.possible_duplicates())
    return {
        "enquiry": enquiry,
        "team_address": team,
        "is_application": enquiry.kind == Kind.APPLICATION,
        "possible_duplicates": duplicates,
        # One value for the acknowledgement's sentence, which is translated whole.
        "duplicate_references": ", ".join(other.reference for other in duplicates),
        "page": page,
        "page_url": page.full_url if page else "",
        "entry_url": admin_url_of(enquiry),
        "contact_url": contact_url(enquiry.language, fallback=page.full_url if page else ""),
    }


def admin_url_of(enquiry):
    """The entry's page in the admin, at the site's public address (WAGTAILADMIN_BASE_URL): the team's notice links to it."""
    return get_admin_base_url() + reverse("membership_membershipenquiry_modeladmin_inspect", args=[enquiry.pk])


def contact_url(language, fallback):
    """The full address of the contact page (the site settings'), in `language` where it has been
    translated; `fallback` (the membership page) when there is no live contact page."""
    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True)).contact_page
    if contact is None or not contact.live:
        return fallback
    translated = translation_in(contact.translation_key, language)
    return translated["full_url"] if translated else contact.full_url


def team_address():
    """The membership team's address from the site settings; empty until an administrator sets it."""
    return SiteSettings.for_site(Site.objects.get(is_default_site=True)).membership_team_email


@receiver(post_save, sender=SiteSettings, dispatch_uid="membership-notices-once-the-team-has-an-address")
def send_notices_held_for_the_team_address(sender, instance, **kwargs):
    """Once an administrator enters the team's address, the notices that had nowhere to go are sent."""
    if not instance.membership_team_email:
        return
    held = EnquiryEmail.objects.filter(
        email=Email.TEAM_NOTIFICATION, delivery=Delivery.GAVE_UP, problem=NO_TEAM_ADDRESS
    )
    for row in held:
        queue_again(row)


def record_failure(row, error):
    """A refusal ends the tries; anything else is tried again later, up to len(RETRY_DELAYS) times,
    unless the message was handed over: then it may have been sent, and is not sent again."""
    reason = describe(error)
    if isinstance(error, MaybeSent):
        delivery, problem = Delivery.MAYBE_SENT, f"may have been sent: {reason}; not sent again"
    elif isinstance(error, NoTeamAddress):
        # Nothing to retry until someone enters the address; saving it sends the notice.
        delivery, problem = Delivery.GAVE_UP, NO_TEAM_ADDRESS
    elif is_refusal(error):
        delivery, problem = Delivery.REFUSED, f"refused: {reason}"
    elif row.attempts > len(RETRY_DELAYS):
        delivery, problem = Delivery.GAVE_UP, f"not sent after {row.attempts} attempts: {reason}"
    else:
        delivery, problem = Delivery.RETRYING, f"not sent yet (attempt {row.attempts}, trying again): {reason}"
    if not this_claim(row).update(delivery=delivery, problem=problem[:300], lease_until=None):
        return  # released meanwhile: the try that took it over records its own outcome
    logger.warning("%s for %s %s", row.get_email_display(), row.enquiry.reference, problem)
    if delivery == Delivery.RETRYING:
        retry_at = timezone.now() + timedelta(minutes=RETRY_DELAYS[row.attempts - 1])
        send_email.using(run_after=retry_at).enqueue(row.pk)


def is_refusal(error):
    """The server's permanent no (5xx) to this message or its recipient; not to our account or
    settings (those are put right by an operator, after which a retry succeeds)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def describe(error):
    """The server's own words where it gave some (code and text), else what happened."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {as_text(words)}" for code, words in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {as_text(error.smtp_error)}"
    if isinstance(error, MaybeSent):
        return "the mail server took the message but never confirmed it"
    if isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError):
        return "the mail server did not answer in time"
    return f"{type(error).__name__}: {error}"


def as_text(words):
    return words.decode(errors="replace") if isinstance(words, bytes) else str(words)
