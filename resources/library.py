"""The resource library's filters: every value comes from the query string and is validated.

A value that is unknown or malformed is dropped, so a shared or mistyped link always
gives a normal page.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from taggit.models import Tag

from resources.models import LANGUAGES, CapabilityPage, ResourcePage, ResourceType
from website.cache import cached_for_content

PER_PAGE = 12


def filter_choices():
    """Topics, years and capabilities offered by the filters (cached until content changes)."""
    return {
        "topic": [
            (tag.slug, tag.name)
            for tag in Tag.objects.filter(resources_resourcetopic_items__isnull=False).distinct().order_by("name")
        ],
        "year": [
            (str(day.year), str(day.year))
            for day in ResourcePage.objects.live().dates("publication_date", "year", order="DESC")
        ],
        "capability": [(str(page.number), str(page)) for page in CapabilityPage.objects.live().order_by("number")],
    }


class LibraryFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Keywords")
    type = forms.ChoiceField(required=False, label="Type", choices=[("", "All types"), *ResourceType.choices])
    topic = forms.ChoiceField(required=False, label="Topic")
    capability = forms.ChoiceField(required=False, label="MNR capability")
    year = forms.ChoiceField(required=False, label="Year")
    language = forms.ChoiceField(required=False, label="Language", choices=[("", "Any language"), *LANGUAGES])

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "All topics"), *choices["topic"]]
        self.fields["capability"].choices = [("", "All capabilities"), *choices["capability"]]
        self.fields["year"].choices = [("", "Any year"), *choices["year"]]

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
        resources = resources.filter(documents__language=filters["language"])
    return resources.distinct()


def filtered_library(request, index_page):
    form = LibraryFilterForm(request.GET or None, choices=cached_for_content("library-filter-choices", filter_choices))
    filters = form.valid_filters() if request.GET else {}
    resources = apply_filters(ResourcePage.listing().child_of(index_page), filters)
    return {
        "filter_form": form,
        "filters": filters,
        "resources": Paginator(resources, PER_PAGE).get_page(request.GET.get("page")),
        "query_string": urlencode(filters),
    }
