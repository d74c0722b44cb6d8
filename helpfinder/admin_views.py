"""The help finder's screens in the admin: the services list's columns and filters, the link check
shown in the service's editor, and the report of services to re-check."""

import django_filters
from django.db.models import F
from django.utils.formats import date_format
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import HelpPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from helpfinder.models import CHECK_EVERY_DAYS, Service

EVERY_COUNTRY = "every"  # the country filter's choice for the services listed in every country
EDIT_URL = "wagtailsnippets_helpfinder_service:edit"


def when_checked(service):
    return date_format(service.last_checked, "j M Y") if service.last_checked else "Never"


def country_choices():
    """Only the countries that have services, so the list is short enough to choose from."""
    codes = Service.objects.country_codes()
    named = sorted(((code, Service(country=code).country.name) for code in codes), key=lambda choice: choice[1])
    return [(EVERY_COUNTRY, "Every country (listed in all)")] + named


class ServiceFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(choices=country_choices, method="filter_country", empty_label="All")
    needs_checking = django_filters.BooleanFilter(
        label="Needs checking",
        method="filter_needs_checking",
        help_text=f"Never checked, or last checked more than {CHECK_EVERY_DAYS} days ago.",
    )
    link_problem = django_filters.BooleanFilter(
        label="Web address problem", method="filter_link_problem", help_text="The last try of its web address failed."
    )

    class Meta:
        model = Service
        fields = ["country", "kind", "audience"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country="" if value == EVERY_COUNTRY else value)

    def filter_needs_checking(self, queryset, name, value):
        due = Service.objects.needing_check()
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)

    def filter_link_problem(self, queryset, name, value):
        return queryset.exclude(link_problem="") if value else queryset.filter(link_problem="")


COUNTRY_COLUMN = Column("country", label="Country", accessor="country_name", sort_key="country")
KIND_COLUMN = Column("kind", accessor="get_kind_display", sort_key="kind")
LAST_CHECKED_COLUMN = Column("last_checked", label="Last checked", accessor=when_checked, sort_key="last_checked")
LINK_PROBLEM_COLUMN = Column("link_problem", label="Web address problem", sort_key="link_problem")


class LinkCheckPanel(HelpPanel):
    """What happened when check_service_links last tried the service's web address (read only)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = link_check_summary(self.instance)


def link_check_summary(service):
    if not service.link_checked_at:
        return format_html(
            "<p>{}</p>",
            "Not tried yet. Every web address is tried once a day; the result shows here and in the services list.",
        )
    when = date_format(service.link_checked_at, "j M Y, H:i")
    if service.link_problem:
        return format_html(
            "<p>Last tried on {}: <strong>{}</strong>. Check the address in a browser and correct it, "
            "or note why it is right.</p>",
            when,
            service.link_problem,
        )
    return format_html("<p>Last tried on {}: it answered.</p>", when)


class ServicesToRecheckView(ReportView):
    """Services never checked or not checked for CHECK_EVERY_DAYS: never checked first, then the oldest."""

    page_title = "Services to re-check"
    header_icon = "help"
    index_url_name = "helpfinder_services_to_recheck"
    index_results_url_name = "helpfinder_services_to_recheck_results"
    permission_policy = ModelPermissionPolicy(Service)
    permission_required = "change"
    export_filename = "services-to-recheck"
    no_results_message = f"Every service was checked in the last {CHECK_EVERY_DAYS} days."
    columns = [
        TitleColumn("name", label="Service", url_name=EDIT_URL),
        Column("organisation"),
        COUNTRY_COLUMN,
        KIND_COLUMN,
        LAST_CHECKED_COLUMN,
        LINK_PROBLEM_COLUMN,
        Column("source", label="Source"),
    ]
    list_export = [
        "name",
        "organisation",
        "country_name",
        "get_kind_display",
        "last_checked",
        "link_problem",
        "source",
        "url",
        "phone",
    ]
    export_headings = {
        "name": "Service",
        "country_name": "Country",
        "get_kind_display": "Kind",
        "last_checked": "Last checked",
        "link_problem": "Web address problem",
        "source": "Source",
        "url": "Web address",
        "phone": "Phone number",
    }

    def get_queryset(self):
        return Service.objects.needing_check().order_by(F("last_checked").asc(nulls_first=True), "name")
