"""How the team reads an entry: each field's label and value, as the register's pages, its
history and its exports show them."""

import phonenumbers
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from membership.models import MembershipEnquiry


def field_label(name):
    """A field's label as the model writes it, first letter capitalised: "Senior lead's role"."""
    try:
        return capfirst(MembershipEnquiry._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field since renamed or removed: its stored name still says which
        return name


def as_label(name, value):
    """Changes recorded before labels were stored hold the raw choice ("contacted"): show its label."""
    try:
        choices = dict(MembershipEnquiry._meta.get_field(name).flatchoices)
    except FieldDoesNotExist:
        return value
    return str(choices.get(value, value))


def international_phone(number):
    """+442079460000 as people read it, +44 20 7946 0000; a number the library cannot read stays as typed."""
    try:
        parsed = phonenumbers.parse(number)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def value_of(entry, name):
    """A field's value as the team reads it: a choice's label, a country's name, Yes or No, a
    person's name, a readable telephone number; a date and time stays one; "" when empty."""
    field = MembershipEnquiry._meta.get_field(name)
    value = getattr(entry, name)
    if name == "country":
        return value.name
    if field.choices:
        return getattr(entry, f"get_{name}_display")()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field.is_relation:
        return person_name(value)
    if name == "phone" and value:
        return international_phone(value)
    return "" if value is None else value
