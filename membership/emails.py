"""E-mails about the register, sent by the worker from the database queue, never in a request.

Each e-mail an entry owes is a row (EnquiryEmail) written in the same transaction as the
entry, plus a task on the queue (settings.TASKS["background"]) that the worker runs once
that transaction commits. The task claims its row before it talks to the mail server and
holds no transaction meanwhile, so a slow server delays only the worker, never a visitor or
the database. A server that is down or says "try later" (4xx) is tried again after growing
pauses; a permanent refusal (5xx) ends the tries and shows in the register. Every e-mail is
its own task, so the team's notice never waits for the applicant's.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from membership.models import Delivery, Email, EnquiryEmail, Kind, live_membership_page
from website.alternates import translation_in
from website.models import SiteSettings

logger = logging.getLogger(__name__)

# Minutes to wait after each failed attempt: about two days in all, then it stops trying.
RETRY_DELAYS = (1, 5, 30, 120, 360, 720, 1440)
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
    """Put an e-mail that stopped (gave up, or left half-sent by a stopped worker) back on the queue."""
    EnquiryEmail.objects.filter(pk=row.pk).update(delivery=Delivery.QUEUED, queued_at=timezone.now())
    send_email.enqueue(row.pk)


@task(backend="background")
def send_email(email_id):
    """Send one owed e-mail. Safe to run twice: only the run that claims the row sends it."""
    claimed = EnquiryEmail.objects.filter(pk=email_id, delivery__in=[Delivery.QUEUED, Delivery.RETRYING]).update(
        delivery=Delivery.SENDING, attempts=F("attempts") + 1, last_attempt_at=timezone.now()
    )
    if not claimed:
        return  # sent already, refused, or being sent by another worker
    row = EnquiryEmail.objects.select_related("enquiry").get(pk=email_id)
    try:
        deliver(row)
    except Exception as error:  # whatever the mail server or network did, record it and decide
        record_failure(row, error)
    else:
        EnquiryEmail.objects.filter(pk=email_id).update(delivery=Delivery.SENT, sent_at=timezone.now(), problem="")


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
        headers={"Content-Language": language},
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
        "contact_url": contact_url(enquiry.language, fallback=page.full_url if page else ""),
    }


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
    """A refusal ends the tries; anything else is tried again later, up to len(RETRY_DELAYS) times."""
    reason = describe(error)
    if isinstance(error, NoTeamAddress):
        # Nothing to retry until someone enters the address; saving it sends the notice.
        delivery, problem = Delivery.GAVE_UP, NO_TEAM_ADDRESS
    elif is_refusal(error):
        delivery, problem = Delivery.REFUSED, f"refused: {reason}"
    elif row.attempts > len(RETRY_DELAYS):
        delivery, problem = Delivery.GAVE_UP, f"not sent after {row.attempts} attempts: {reason}"
    else:
        delivery, problem = Delivery.RETRYING, f"not sent yet (attempt {row.attempts}, trying again): {reason}"
    EnquiryEmail.objects.filter(pk=row.pk).update(delivery=delivery, problem=problem[:300])
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
    if isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError):
        return "the mail server did not answer in time"
    return f"{type(error).__name__}: {error}"


def as_text(words):
    return words.decode(errors="replace") if isinstance(words, bytes) else str(words)
