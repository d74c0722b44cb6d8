"""The site's SMTP mailer: Django's, telling "not sent" apart from "may have been sent".

Django's SMTP backend raises the same time-out whether the mail server never answered or it
took the whole message and then said nothing. Only the first may be retried: the second may
well have been delivered, and a retry would send it twice. This backend raises MaybeSent for
the second, and lets the sender say its last word before the message is handed over
(`before_handing_over`), the moment after which a send can no longer be taken back.
"""

import contextvars
import smtplib
from contextlib import contextmanager
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail.backends import smtp

_before_data = contextvars.ContextVar("before_data", default=None)


def new_message_id():
    """A Message-ID in the domain of the site's sender address. Given to an e-mail once and
    kept, so every try of it carries the same: a retry is recognisable as the same e-mail."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return make_msgid(domain=domain or "localhost")


class MaybeSent(smtplib.SMTPException):
    """The message was handed to the mail server, which did not confirm it: it may have been sent."""


@contextmanager
def before_handing_over(check):
    """Call `check()` just before a message sent inside this block is handed to the mail server
    (its DATA command); whatever `check` raises stops the send there, with nothing sent."""
    token = _before_data.set(check)
    try:
        yield
    finally:
        _before_data.reset(token)


class HandOverMixin:
    def data(self, msg):
        if check := _before_data.get():
            check()
        try:
            return super().data(msg)
        except smtplib.SMTPResponseException:
            raise  # the server's own answer (4xx, 5xx): it did not take the message
        except OSError as error:  # a time-out or a dropped connection, with the message given
            raise MaybeSent(f"the mail server did not confirm the message ({error})") from error


class SMTP(HandOverMixin, smtplib.SMTP):
    pass


class SMTP_SSL(HandOverMixin, smtplib.SMTP_SSL):  # noqa: N801 (named after smtplib's)
    pass


class EmailBackend(smtp.EmailBackend):
    """Django's SMTP backend (MAILERS's OPTIONS are the same), with the hand-over told apart."""

    @property
    def connection_class(self):
        return SMTP_SSL if self.use_ssl else SMTP
