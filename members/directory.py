"""The directory's lists and counts, and the headline figures counted from it.

Everything here reads only published, visible members (Member.listed()). The counts and the
filters' choices are cached until the content next changes (website.cache): publishing or
changing a member bumps the content version, so a count on the home page is never stale.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members.models import Member
from membership.models import OrganisationType
from website.cache import cached_for_content
from website.models import CustomRendition
from website.sections import section_index

# The logo as the directory shows it, small beside the name.
LOGO_FILTER = "max-160x80"
SECTOR_LABELS = dict(OrganisationType.choices)


def directory_counts():
    """{"members": n, "countries": n, and one per sector}, of published, visible members."""
    return cached_for_content("members-directory-counts", count_members)


def count_members():
    """In one query: each listed member's sector and country (a few hundred short rows at most)."""
    listed = list(Member.listed().order_by().values_list("sector", "country"))
    counts = {sector: 0 for sector in OrganisationType.values}
    for sector, _country in listed:
        counts[sector] += 1
    counts["members"] = len(listed)
    counts["countries"] = len({country for _sector, country in listed if country})
    return counts


def figure_number(figure):
    """What a headline figure says: the count it is counted from, or the number the editor typed."""
    counted_from = figure.get("counted_from")
    if counted_from:
        return str(directory_counts().get(counted_from, 0))
    return figure.get("number", "")


# The directory page --------------------------------------------------------------------


def filter_choices():
    """Sectors, regions and countries some listed member has, so no choice leads to an empty list."""
    listed = Member.listed().order_by()
    sectors = set(listed.values_list("sector", flat=True).distinct())
    codes = set(listed.exclude(country="").values_list("country", flat=True).distinct())
    return {
        "sector": [(value, label) for value, label in OrganisationType.choices if value in sectors],
        "region": [
            (region, region) for region in sorted(set(listed.exclude(region="").values_list("region", flat=True)))
        ],
        "country": [(code, name) for code, name in countries if code in codes],
    }


EVERYTHING = {"sector": _("All sectors"), "region": _("All regions"), "country": _("All countries")}


class DirectoryFilterForm(forms.Form):
    sector = forms.ChoiceField(required=False, label=_("Sector"))
    region = forms.ChoiceField(required=False, label=_("Region"))
    country = forms.ChoiceField(required=False, label=_("Country"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name, everything in EVERYTHING.items():
            self.fields[name].choices = [("", everything), *choices[name]]

    def valid_filters(self):
        """The values that passed validation; an unknown one is dropped, so any link gives a normal page."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


def members_with_logos():
    """Listed members and their logos' renditions in three queries, however many there are."""
    renditions = CustomRendition.objects.filter(filter_spec=LOGO_FILTER)
    return Member.listed().prefetch_related(Prefetch("logo__renditions", queryset=renditions))


def grouped_by_sector(members):
    """[(sector value, label, [members])] in the order of the membership criteria, empty sectors left out."""
    groups = {value: [] for value in OrganisationType.values}
    for member in members:
        groups[member.sector].append(member)
    return [(value, SECTOR_LABELS[value], group) for value, group in groups.items() if group]


def filtered_directory(request):
    form = DirectoryFilterForm(
        request.GET or None, choices=cached_for_content("members-directory-filter-choices", filter_choices)
    )
    filters = form.valid_filters() if request.GET else {}
    members = list(members_with_logos().filter(**filters))
    return {
        "filter_form": form,
        "filters": filters,
        "sectors": grouped_by_sector(members),
        "member_count": len(members),
        "query_string": urlencode(filters),
    }


def directory_url():
    """The live directory page's address ("" while there is none), for pages that point to it."""

    page = section_index("members.MembersDirectoryPage")
    return page.url if page else ""
