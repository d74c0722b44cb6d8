"""The news index's filters (kind, topic, year), from the query string, as the library's are.

Each filter offers only the values some live article has; an unknown or malformed value is
dropped, so a shared or mistyped link always gives a normal page.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from news.models import ArticleKind, ArticlePage
from website.cache import cached_for_content
from website.pagination import listing_page

PER_PAGE = 10

EVERYTHING = {"kind": _("All kinds"), "topic": _("All topics"), "year": _("Any year")}


def filter_choices(index_page):
    """Kinds, topics and years of the index's live articles (cached until content changes)."""
    live = ArticlePage.objects.child_of(index_page).live()
    kinds = set(live.values_list("kind", flat=True))
    return {
        "kind": [(value, label) for value, label in ArticleKind.choices if value in kinds],
        "topic": [
            (tag.slug, tag.name)
            for tag in Tag.objects.filter(news_articletopic_items__content_object__in=live).distinct().order_by("name")
        ],
        "year": [(str(day.year), str(day.year)) for day in live.dates("date", "year", order="DESC")],
    }


class NewsFilterForm(forms.Form):
    kind = forms.ChoiceField(required=False, label=_("Kind"))
    topic = forms.ChoiceField(required=False, label=_("Topic"))
    year = forms.ChoiceField(required=False, label=_("Year"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name, everything in EVERYTHING.items():
            self.fields[name].choices = [("", everything), *choices[name]]

    def valid_filters(self):
        """The values that passed validation; anything malformed is simply left out."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


def apply_filters(articles, filters):
    if "kind" in filters:
        articles = articles.filter(kind=filters["kind"])
    if "topic" in filters:
        articles = articles.filter(tagged_items__tag__slug=filters["topic"])
    if "year" in filters:
        articles = articles.filter(date__year=int(filters["year"]))
    return articles.distinct()


def filtered_articles(request, index_page):
    choices = cached_for_content(f"news-filter-choices:{index_page.pk}", lambda: filter_choices(index_page))
    form = NewsFilterForm(request.GET or None, choices=choices)
    filters = form.valid_filters() if request.GET else {}
    articles = apply_filters(ArticlePage.listing().child_of(index_page), filters)
    # The topic's own feeds are offered beside the list of its articles.
    topics = [Tag(slug=filters["topic"], name=dict(choices["topic"])[filters["topic"]])] if "topic" in filters else []
    return {
        "filter_form": form,
        "filters": filters,
        "articles": listing_page(request, articles, PER_PAGE),
        "query_string": urlencode(filters),
        "filtered_topics": topics,
    }
