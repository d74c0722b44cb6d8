"""The help finder wherever the site offers it: the home page, the 404 page, some capabilities."""

from django import template

from helpfinder.forms import CountryForm
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
