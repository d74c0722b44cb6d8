"""What a country's page of the finder shows: its services by need, then the services for every country."""

from django.utils.translation import gettext
from django_countries import countries

from helpfinder.models import NEEDS


def country_context(finder, request, slug, code):
    name = countries.name(code)  # in the reader's language
    services = finder.services_for(code)
    return {
        "country_name": name,
        "subpage_title": gettext("Report abuse and get help in %(country)s") % {"country": name},
        "meta_description": gettext(
            "Where to report the sexual abuse of a child online and where to get help in %(country)s: "
            "hotlines, helplines and other services, and those that serve every country."
        )
        % {"country": name},
        "country_needs": by_need([service for service in services if service.country]),
        "global_needs": by_need([service for service in services if not service.country]),
        "canonical_url": finder.get_full_url(request) + finder.reverse_subpage("country", args=[slug]),
    }


def by_need(services):
    """[(heading, services)] in the finder's order of needs, leaving out needs with no service."""
    groups = [(heading, [service for service in services if service.kind == kind]) for kind, heading in NEEDS.items()]
    return [(heading, group) for heading, group in groups if group]
