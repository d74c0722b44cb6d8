"""Text without control characters: what editors type, and what feeds and calendar files carry.

Text pasted from a word processor can carry invisible control characters (Word's line break
is a vertical tab, \\x0b). XML 1.0 may not hold most of them, so Django refuses to write a feed
that has one (a 500 on every request), and a calendar program may choke on them. Editors'
fields drop them as the form is read (admin_form_fields, below); feeds and calendars drop
them again as they write, for text stored before.
"""

import re

from django import forms
from django.db import models
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

# C0 and C1 controls and DEL, but not the tab, line feed and carriage return a text area sends.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text):
    """The text with its control characters gone; those that separate (\\x0b, \\x0c, \\x1c-\\x1f,
    \\x85) become spaces, so the words either side stay apart."""
    return CONTROL_CHARACTERS.sub(lambda match: " " if match.group().isspace() else "", text)


def cleaned(value):
    """A value to write, with every string in it (lists and dicts too) without control characters."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, (list, tuple)):
        return type(value)(cleaned(item) for item in value)
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    return value


class PlainTextField(forms.CharField):
    """A form's text field that drops control characters before it checks the length and strips."""

    def to_python(self, value):
        return super().to_python(without_controls(value) if isinstance(value, str) else value)


def admin_form_fields():
    """Every text field of the admin's forms (pages, snippets, settings, inline panels) is a
    PlainTextField. Only the exact classes: a URL, e-mail or slug field keeps its own form field,
    and a text area keeps the auto-height widget Wagtail gives it."""
    register_form_field_override(models.CharField, override={"form_class": PlainTextField}, exact_class=True)
    register_form_field_override(
        models.TextField,
        override={"form_class": PlainTextField, "widget": widgets.AdminAutoHeightTextInput},
        exact_class=True,
    )
