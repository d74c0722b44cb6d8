from django import template

from resources.models import ResourceIndexPage, ResourcePage

register = template.Library()


@register.inclusion_tag("resources/includes/latest_resources.html")
def latest_resources(count=3, heading="Latest resources"):
    """The newest resources as cards, for the home page."""
    return {
        "resources": ResourcePage.listing()[:count],
        "heading": heading,
        "index": ResourceIndexPage.objects.live().first(),
    }
