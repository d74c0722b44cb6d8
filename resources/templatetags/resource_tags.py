from django import template
from django.template.loader import render_to_string
from django.utils.text import slugify

from resources.models import ResourcePage
from website.alternates import in_visitors_language
from website.cache import cached_for_content
from website.languages import default_language, locale_id
from website.sections import section_index

register = template.Library()


@register.simple_tag
def latest_resources(count=3, heading="Latest resources"):
    """The newest resources as cards, for the home page, each in the visitor's language where it is
    translated (else in English, marked as such); rendered once per content version and language."""

    def render():
        context = {
            "resources": in_visitors_language(
                ResourcePage.listing().filter(locale_id=locale_id(default_language()))[:count], ResourcePage.listing()
            ),
            "heading": heading,
            "index": section_index("resources.ResourceIndexPage"),
        }
        return render_to_string("resources/includes/latest_resources.html", context)

    return cached_for_content(f"latest-resources:{count}:{slugify(heading)}", render)  # a SafeString, cached as one
