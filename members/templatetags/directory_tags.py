from django import template

from members.directory import directory_url, figure_number

register = template.Library()


@register.simple_tag
def figure(value):
    """A headline figure's number: counted from the members directory, or as the editor typed it."""
    return figure_number(value)


@register.simple_tag
def members_directory_url():
    return directory_url()
