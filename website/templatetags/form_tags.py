"""How a form's errors are listed in the "There is a problem" summary."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.filter
def named_for(message, field):
    """The summary's line for an error of `field`: its label, then the message ("Your e-mail
    address: Enter an e-mail address…"), since two fields may get the same message. Not for a
    message that begins with the label already, nor a tick box's, which says what it is about."""
    label = str(field.label).removesuffix(gettext(" (optional)"))
    if field.widget_type == "checkbox" or str(message).startswith(label):
        return message
    # Translators: an error summary's line, "Your e-mail address: Enter an e-mail address…".
    return format_html(gettext("{label}: {message}"), label=label, message=message)
