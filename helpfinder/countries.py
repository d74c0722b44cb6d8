"""Every country the finder offers, at an address made from its English name (/…/kenya/).

The addresses stay English in every language, so a link never changes with the reader's.
"""

from functools import cache

from django.utils import translation
from django.utils.text import slugify
from django_countries import countries


@cache
def slugs_by_code():
    with translation.override("en"):
        return {code: slugify(name) for code, name in countries}


@cache
def codes_by_slug():
    return {slug: code for code, slug in slugs_by_code().items()}


def country_slug(code):
    return slugs_by_code()[code]


def country_code(slug):
    """The ISO code for an address's slug, or None if no country has it."""
    return codes_by_slug().get(slug)


def choices():
    """(slug, name) for every country, in the reader's language and its alphabetical order."""
    return [(country_slug(code), name) for code, name in countries]
