"""Limits on the other doors that take or send a password: private pages and documents, and the
admin's password reset.

Wagtail lets anyone try a private page's or document's password as often as they like, and sends a
password-reset e-mail for every request. These views wrap Wagtail's own, at the same
addresses (website/urls.py), and count per client address in the shared cache
(website/ratelimit.py), like the membership form and, through django-axes, the admin login.

The password-reset e-mail, like every e-mail of the site, goes through the queue: the request
never waits for the mail server, and a failed send is tried again while its link lasts.
"""

import logging
import math
import smtplib
from datetime import datetime, timedelta
from functools import wraps

import wagtail.documents.views.serve
import wagtail.views
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse, HttpResponseRedirect
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.admin.views import account

from website import ratelimit
from website.mail import MaybeSent, new_message_id
from website.ratelimit import client_address
from website.views import error_page

logger = logging.getLogger(__name__)


def limit_wrong_passwords(view, restriction_argument):
    """Wagtail's password form for a private page or document collection, paused for an address
    after five wrong passwords.

    Counted per restriction (the password being guessed), so a pause on one private page
    leaves the others alone. By its number, not the form's address: /2/ and /002/ are one
    restriction, and the page number beside it in a page's form, which Wagtail does not
    check against the restriction, changes nothing.
    """

    @wraps(view)
    def limited(request, **kwargs):
        identity = f"{restriction_argument}={kwargs[restriction_argument]}:{client_address(request)}"
        limit = settings.PAGE_PASSWORD_FAILURE_LIMIT
        if request.method == "POST" and ratelimit.seen("page-password", identity) >= limit:
            return password_paused(ratelimit.seconds_left("page-password", identity))
        response = view(request, **kwargs)
        if request.method != "POST":
            return response
        if response.status_code == 200:  # the form again: a wrong password
            window = int(settings.PAGE_PASSWORD_COOLOFF_TIME.total_seconds())
            if ratelimit.count("page-password", identity, window) >= limit:
                return password_paused(ratelimit.seconds_left("page-password", identity))
        elif response.status_code == 302:  # let in: start again from nothing, as the admin login does
            ratelimit.forget("page-password", identity)
        return response

    return limited


page_password = limit_wrong_passwords(wagtail.views.authenticate_with_password, "page_view_restriction_id")
document_password = limit_wrong_passwords(wagtail.documents.views.serve.authenticate_with_password, "restriction_id")


def password_paused(seconds):
    minutes = math.ceil(seconds / 60)
    message = ngettext(
        "The password was wrong too many times. For your security, no more passwords for it are "
        "accepted from your connection for %(minutes)d minute. "
        "Ask whoever gave you the password if you are not sure of it.",
        "The password was wrong too many times. For your security, no more passwords for it are "
        "accepted from your connection for %(minutes)d minutes. "
        "Ask whoever gave you the password if you are not sure of it.",
        minutes,
    ) % {"minutes": minutes}
    response = HttpResponse(error_page(_("Too many attempts"), message), status=429)
    response["Retry-After"] = str(seconds)
    return response


# Minutes to wait after each failed try of a password-reset e-mail; never past its link's end.
RESET_RETRY_DELAYS = (1, 5, 30, 120)


class QueuedPasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's form, whose e-mail is written at once and sent by the worker."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None):  # fmt: skip
        message = {
            "subject": "".join(render_to_string(subject_template_name, context).splitlines()),
            "body": render_to_string(email_template_name, context),
            "html": render_to_string(html_email_template_name, context) if html_email_template_name else "",
            "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
            "to": to_email,
            # One for every try, so a retry is recognisable as the same e-mail.
            "message_id": new_message_id(),
        }
        # The link in it works for PASSWORD_RESET_TIMEOUT seconds from now, not from its sending.
        link_expires = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
        send_password_reset.enqueue(message, link_expires.isoformat())


@task(backend="background")
def send_password_reset(message, link_expires, attempt=1):
    """Send a password-reset e-mail, unless its link has expired (it would only say "invalid
    link"). Tried again after a failure while the link lasts; never after the mail server was
    handed it without confirming (it may have arrived: a second would only confuse)."""
    if timezone.now() >= datetime.fromisoformat(link_expires):
        logger.warning("A password-reset e-mail was dropped: its link expired before it could be sent.")
        return
    email = EmailMultiAlternatives(
        message["subject"], message["body"], message["from_email"], [message["to"]],
        headers={"Message-ID": message["message_id"]},
    )  # fmt: skip
    if message["html"]:
        email.attach_alternative(message["html"], "text/html")
    try:
        email.send()
    except (MaybeSent, smtplib.SMTPRecipientsRefused) as error:
        logger.warning("A password-reset e-mail may not have arrived and is not sent again: %s", error)
    except Exception as error:
        retry_at = timezone.now() + timedelta(minutes=RESET_RETRY_DELAYS[min(attempt, len(RESET_RETRY_DELAYS)) - 1])
        if attempt > len(RESET_RETRY_DELAYS) or retry_at >= datetime.fromisoformat(link_expires):
            logger.warning("A password-reset e-mail was not sent after %d tries: %s", attempt, error)
            return
        send_password_reset.using(run_after=retry_at).enqueue(message, link_expires, attempt + 1)


class PasswordResetView(account.PasswordResetView):
    """Wagtail's admin password reset, sending only a few e-mails an hour to one account or from one client.

    Every request gets the same answer, whether the account exists, the e-mail was queued or a
    limit held it back, so the answer tells nobody which it was.
    """

    def get_form_class(self):
        return QueuedPasswordResetForm

    def form_valid(self, form):
        window = int(settings.PASSWORD_RESET_WINDOW.total_seconds())
        email = form.cleaned_data["email"].strip().lower()
        # Both are counted, always (a list, not `or`): a client asking for many accounts is held back too.
        over_limits = [
            ratelimit.count("password-reset-email", email, window) > settings.PASSWORD_RESET_LIMIT_PER_EMAIL,
            ratelimit.count("password-reset-client", client_address(self.request), window)
            > settings.PASSWORD_RESET_LIMIT_PER_CLIENT,
        ]
        if any(over_limits):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
