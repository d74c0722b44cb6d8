"""The membership page's form: validate, save once, then e-mail; Post/Redirect/Get."""

from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from membership.emails import queue_emails
from membership.forms import MembershipForm
from membership.models import OPEN_STATUSES, Email, Kind, MembershipEnquiry
from membership.rendering import render_form_page
from website import ratelimit
from website.ratelimit import client_address

RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 10 * 60
CONFIRMATION_SALT = "membership-confirmation"
AUTOMATED_MESSAGE = (
    "We could not accept the form because it was sent too quickly or was open for too long. "
    "Check your answers and send it again."
)


def over_rate_limit(request):
    """Count this client's submissions in a fixed window; True once it has sent too many."""
    return ratelimit.count("membership-submissions", client_address(request), RATE_WINDOW_SECONDS) > RATE_LIMIT


@never_cache
def membership_form(request, page):
    if request.method == "POST":
        if over_rate_limit(request):
            return TemplateResponse(request, "membership/too_many_requests.html", {"page": page}, status=429)
        form = MembershipForm(request.POST, page=page)
        if form.is_valid() and not form.looks_automated():
            # One transaction: the entry and the e-mails it owes are saved together, or if the
            # database fails half-way, nothing at all. The worker sends them after the commit.
            with transaction.atomic():
                enquiry, updated = save_enquiry(form)
                queue_emails(enquiry, Email.ACKNOWLEDGEMENT, Email.TEAM_NOTIFICATION)
            token = signing.dumps({"id": enquiry.pk, "updated": updated}, salt=CONFIRMATION_SALT)
            return redirect(f"{page.url}{page.reverse_subpage('confirmation')}?{urlencode({'ref': token})}")
        if form.is_valid():
            form.add_error(None, AUTOMATED_MESSAGE)
    else:
        form = MembershipForm(page=page)
    return render_form_page(request, page, form)


def save_enquiry(form):
    """One row per submitted form; re-registering interest updates the open entry instead."""
    token = form.cleaned_data["token"]
    existing = MembershipEnquiry.objects.filter(submission_token=token).first()
    if existing:  # the same form sent twice (double click, Back and resubmit)
        return existing, False
    kind = form.kind
    if kind == Kind.INTEREST:
        open_entry = MembershipEnquiry.objects.filter(
            kind=Kind.INTEREST,
            status__in=OPEN_STATUSES,
            email__iexact=form.cleaned_data["email"],
            organisation_name__iexact=form.cleaned_data["organisation_name"],
        ).first()
        if open_entry:
            return update_entry(open_entry, form), True
    enquiry = form.save(commit=False)
    enquiry.kind = kind
    enquiry.submission_token = token
    try:
        with transaction.atomic():
            enquiry.save()
    except IntegrityError:  # the same token raced in from a second click
        return MembershipEnquiry.objects.get(submission_token=token), False
    return enquiry, False


def update_entry(entry, form):
    for name in form.Meta.fields:
        setattr(entry, name, form.cleaned_data[name])
    entry.times_submitted += 1
    entry.submission_token = form.cleaned_data["token"]
    entry.save()
    return entry


@never_cache
def confirmation(request, page):
    """Shows the reference to whoever holds the signed link, which only the submitter was sent to."""
    try:
        data = signing.loads(request.GET.get("ref", ""), salt=CONFIRMATION_SALT, max_age=7 * 24 * 3600)
        enquiry = MembershipEnquiry.objects.get(pk=data["id"])
    except (signing.BadSignature, MembershipEnquiry.DoesNotExist, KeyError, TypeError) as error:
        raise Http404("No such confirmation") from error
    context = {"page": page, "enquiry": enquiry, "updated": data.get("updated", False)}
    return TemplateResponse(request, "membership/confirmation.html", context)
