from django import template
from django.template.loader import render_to_string
from django.utils.text import slugify

from resources.models import ResourcePage
from website.cache import cached_for_content
from website.sections import section_index

register = template.Library()


@register.simple_tag
def latest_resources(count=3, heading="Latest resources"):
    """The newest resources as cards, for the home page; rendered once per content version."""

    def render():
        context = {
            "resources": ResourcePage.listing()[:count],
            "heading": heading,
            "index": section_index("resources.ResourceIndexPage"),
        }
        return render_to_string("resources/includes/latest_resources.html", context)

    return cached_for_content(f"latest-resources:{count}:{slugify(heading)}", render)  # a SafeString, cached as one
