"""The membership page's form: validate, add a new entry, then e-mail; Post/Redirect/Get.

A public form never changes an entry: every form sent is a new one, which the register
groups with earlier entries of the same organisation and e-mail address (`match_key`).
"""

import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from membership.emails import queue_emails
from membership.forms import MembershipForm
from membership.models import Email, MembershipEnquiry
from membership.rendering import render_form_page
from website import ratelimit
from website.languages import active_language
from website.ratelimit import client_address

# Only saved entries count, in a fixed window of an hour: a form sent back with mistakes
# costs nothing, and sending more often never pushes the end of the window further away.
RATE_WINDOW_SECONDS = 60 * 60
# Per client address. A ministry or company often reaches the internet through one address,
# and several colleagues may send forms for their organisations in the same hour; twenty
# leaves an office room while still capping how fast one source can fill the register.
RATE_LIMIT = 20
# Per e-mail address typed. Each entry sends that address an acknowledgement: three an hour
# lets someone send again after a mistake, but stops the form being used to flood an inbox.
EMAIL_RATE_LIMIT = 3
CONFIRMATION_SALT = "membership-confirmation"
AUTOMATED_MESSAGE = _(
    "We could not accept the form because it was sent too quickly or was open for too long. "
    "Check your answers and send it again."
)


@dataclass(frozen=True)
class Limit:
    """How many entries one sender (`identity`) may add in the current window."""

    name: str
    identity: str
    most: int
    sender: str  # how the refusal names the sender: "from this network"

    def take(self):
        """Count this entry, if the limit allows it; True if it was counted."""
        return ratelimit.take(self.name, self.identity, self.most, RATE_WINDOW_SECONDS)

    def give_back(self):
        ratelimit.give_back(self.name, self.identity)

    def ends(self):
        """When the window ends (seconds since the epoch); a full window from now if its end was lost."""
        return ratelimit.window_ends(self.name, self.identity) or time.time() + RATE_WINDOW_SECONDS

    def seconds_left(self):
        return max(1, math.ceil(self.ends() - time.time()))

    def refusal(self):
        """What the sender is told: how many they sent, and when this form will be accepted."""
        minutes = math.ceil(self.seconds_left() / 60)
        # Rounded up to the minute, so "after 14:21" is never a few seconds too early.
        opens = datetime.fromtimestamp(math.ceil(self.ends() / 60) * 60, tz=UTC)
        sent = ngettext(
            "You have sent %(count)d form in the last hour %(sender)s.",
            "You have sent %(count)d forms in the last hour %(sender)s.",
            ratelimit.seen(self.name, self.identity),
        ) % {"count": ratelimit.seen(self.name, self.identity), "sender": self.sender}
        wait = ngettext(
            "Everything you typed is still below: you can send this form after %(time)s (in about %(minutes)d minute).",
            "Everything you typed is still below: you can send this form after %(time)s (in about %(minutes)d minutes).",
            minutes,
        ) % {"time": dateformat.format(timezone.localtime(opens), "H:i T"), "minutes": minutes}
        return f"{sent} {wait}"


def limits_for(request, email):
    return [
        Limit("membership-entries-by-address", client_address(request), RATE_LIMIT, _("from this network")),
        Limit(
            "membership-entries-by-email", ratelimit.mailbox(email), EMAIL_RATE_LIMIT, _("with this e-mail address")
        ),
    ]


@never_cache
def membership_form(request, page):
    if request.method != "POST":
        return render_form_page(request, page, MembershipForm(page=page))
    form = MembershipForm(request.POST, page=page)
    if not form.is_valid():
        return render_form_page(request, page, form)
    if form.looks_automated():
        form.add_error(None, AUTOMATED_MESSAGE)
        return render_form_page(request, page, form)
    already_saved = MembershipEnquiry.objects.filter(submission_token=form.cleaned_data["token"]).first()
    if already_saved:  # the same form sent twice (a double click): its entry, saved and counted once
        return redirect_to_confirmation(page, already_saved)
    # Counted before the entry is added, each limit at once (see ratelimit.take), and given
    # back if it is not added after all: so only saved entries count, and never more than allowed.
    limits = limits_for(request, form.cleaned_data["email"])
    counted = [limit for limit in limits if limit.take()]
    if len(counted) < len(limits):
        give_back(counted)
        reached = [limit for limit in limits if limit not in counted]
        return refuse(request, page, form, max(reached, key=Limit.seconds_left))
    enquiry, added = add_entry(form)
    if not added:
        give_back(counted)
    return redirect_to_confirmation(page, enquiry)


def give_back(limits):
    for limit in limits:
        limit.give_back()


def add_entry(form):
    """A new entry for every form sent, never an update; (entry, False) if a second click won the race."""
    enquiry = form.save(commit=False)
    enquiry.kind = form.kind
    enquiry.submission_token = form.cleaned_data["token"]
    enquiry.language = active_language()  # the address's: the applicant's e-mails are written in it
    try:
        # One transaction: the entry and the e-mails it owes are saved together, or if the
        # database fails half-way, nothing at all. The worker sends them after the commit.
        with transaction.atomic():
            enquiry.save()
            queue_emails(enquiry, Email.ACKNOWLEDGEMENT, Email.TEAM_NOTIFICATION)
    except IntegrityError:  # the same token raced in from a second click
        return MembershipEnquiry.objects.get(submission_token=enquiry.submission_token), False
    return enquiry, True


def refuse(request, page, form, limit):
    """429 with the form as it was sent, the reason in the error summary, and when to try again."""
    form.add_error(None, limit.refusal())
    response = render_form_page(request, page, form, status=429)
    response["Retry-After"] = str(limit.seconds_left())
    return response


def redirect_to_confirmation(page, enquiry):
    token = signing.dumps({"id": enquiry.pk}, salt=CONFIRMATION_SALT)
    return redirect(f"{page.url}{page.reverse_subpage('confirmation')}?{urlencode({'ref': token})}")


@never_cache
def confirmation(request, page):
    """Shows the reference to whoever holds the signed link, which only the submitter was sent to."""
    try:
        data = signing.loads(request.GET.get("ref", ""), salt=CONFIRMATION_SALT, max_age=7 * 24 * 3600)
        enquiry = MembershipEnquiry.objects.get(pk=data["id"])
    except (signing.BadSignature, MembershipEnquiry.DoesNotExist, KeyError, TypeError) as error:
        raise Http404("No such confirmation") from error
    return TemplateResponse(request, "membership/confirmation.html", {"page": page, "enquiry": enquiry})
