"""The help finder wherever the site offers it: the home page, the 404 page, some capabilities;
and the marking of text in another language than the page's."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info

from helpfinder.forms import CountryForm
from website.languages import active_language
from website.sections import section_index

register = template.Library()


@register.simple_tag
def help_finder_page():
    """The How to report abuse page (its title and address only), or None: no query once cached."""
    return section_index("helpfinder.HelpFinderPage")


@register.inclusion_tag("helpfinder/includes/country_chooser.html")
def country_chooser(finder, form=None):
    """The country chooser, sent to the finder page, which leads to the chosen country's page."""
    return {"action": finder.url, "field": (form or CountryForm())["country"]}


@register.filter
def lang_of(item, parts="language and direction"):
    """` lang="en" dir="ltr"`, for an element showing `item`'s text (a service's English name) on a page
    in another language; nothing where the page is in the text's own language. So a screen reader
    reads it in its own language, and on a right-to-left page it is laid out left to right.
    `lang_of:"language only"` leaves the direction to the element (a phone number is always ltr)."""
    language = item.text_language
    if language == active_language():
        return ""
    if parts == "language only":
        return format_html(' lang="{}"', language)
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)
