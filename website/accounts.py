"""Limits on the other doors that take or send a password: private pages and documents, and the
admin's password reset.

Wagtail lets anyone try a private page's or document's password as often as they like, and sends a
password-reset e-mail for every request. These views wrap Wagtail's own, at the same
addresses (website/urls.py), and count per client address in the shared cache
(website/ratelimit.py), like the membership form and, through django-axes, the admin login.
"""

import math
from functools import wraps

import wagtail.documents.views.serve
import wagtail.views
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.views import account

from website import ratelimit
from website.ratelimit import client_address
from website.views import error_page


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


class PasswordResetView(account.PasswordResetView):
    """Wagtail's admin password reset, sending only a few e-mails an hour to one account or from one client.

    Every request gets the same answer, whether the account exists, the e-mail was sent or a
    limit held it back, so the answer tells nobody which it was.
    """

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
