"""The resource library's filters: every value comes from the query string and is validated.

Each filter offers only the values some live resource has, so no choice leads to an empty
list. A value that is unknown or malformed is dropped, so a shared or mistyped link always
gives a normal page.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from resources.models import LANGUAGES, CapabilityPage, ResourceDocument, ResourcePage, ResourceType
from website.cache import cached_for_content
from website.pagination import listing_page

PER_PAGE = 12


def filter_choices():
    """Types, topics, capabilities, years and languages of live resources (cached until content changes)."""
    live = ResourcePage.objects.live()
    types = set(live.values_list("resource_type", flat=True))
    languages = languages_of(live)
    return {
        "type": [(value, label) for value, label in ResourceType.choices if value in types],
        "topic": [
            (tag.slug, tag.name)
            for tag in Tag.objects.filter(resources_resourcetopic_items__content_object__in=live)
            .distinct()
            .order_by("name")
        ],
        "capability": [
            (str(page.number), str(page))
            for page in CapabilityPage.objects.live().filter(resources__in=live).distinct().order_by("number")
        ],
        "year": [(str(day.year), str(day.year)) for day in live.dates("publication_date", "year", order="DESC")],
        "language": [(code, name) for code, name in LANGUAGES if code in languages],
    }


def languages_of(resources):
    """Those ticked for the publications, and those of their downloads."""
    codes = set(ResourceDocument.objects.filter(page__in=resources).values_list("language", flat=True))
    for languages in resources.values_list("languages", flat=True):
        codes.update(languages)
    return codes


EVERYTHING = {
    "type": _("All types"),
    "topic": _("All topics"),
    "capability": _("All capabilities"),
    "year": _("Any year"),
    "language": _("Any language"),
}


class LibraryFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Keywords"))
    type = forms.ChoiceField(required=False, label=_("Type"))
    topic = forms.ChoiceField(required=False, label=_("Topic"))
    capability = forms.ChoiceField(required=False, label=_("MNR capability"))
    year = forms.ChoiceField(required=False, label=_("Year"))
    language = forms.ChoiceField(required=False, label=_("Language"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name, everything in EVERYTHING.items():
            self.fields[name].choices = [("", everything), *choices[name]]

    def valid_filters(self):
        """The values that passed validation; anything malformed is simply left out."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


def apply_filters(resources, filters):
    if "q" in filters:
        words = filters["q"].split()
        for word in words:
            resources = resources.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if "type" in filters:
        resources = resources.filter(resource_type=filters["type"])
    if "topic" in filters:
        resources = resources.filter(tagged_items__tag__slug=filters["topic"])
    if "capability" in filters:
        resources = resources.filter(related_capabilities__number=int(filters["capability"]))
    if "year" in filters:
        resources = resources.filter(publication_date__year=int(filters["year"]))
    if "language" in filters:
        code = filters["language"]
        # A text match on the quoted code in the JSON list works the same on SQLite and PostgreSQL.
        resources = resources.filter(Q(languages__icontains=f'"{code}"') | Q(documents__language=code))
    return resources.distinct()


def filtered_library(request, index_page):
    form = LibraryFilterForm(request.GET or None, choices=cached_for_content("library-filter-choices", filter_choices))
    filters = form.valid_filters() if request.GET else {}
    resources = apply_filters(ResourcePage.listing().child_of(index_page), filters)
    return {
        "filter_form": form,
        "filters": filters,
        "resources": listing_page(request, resources, PER_PAGE),
        "query_string": urlencode(filters),
    }
