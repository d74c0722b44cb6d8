"""The help finder's services in the admin: a snippet list for editors, and the report of
services due for a re-check."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from helpfinder.admin_views import (
    COUNTRY_COLUMN,
    KIND_COLUMN,
    LAST_CHECKED_COLUMN,
    LINK_PROBLEM_COLUMN,
    LinkCheckPanel,
    ServiceFilterSet,
    ServicesToRecheckView,
)
from helpfinder.models import Service


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "help"
    menu_label = "Help finder services"
    menu_order = 270  # after the members directory (260)
    add_to_admin_menu = True
    list_display = ["name", COUNTRY_COLUMN, KIND_COLUMN, LAST_CHECKED_COLUMN, LINK_PROBLEM_COLUMN]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "organisation"]
    search_backend_name = None  # the database's own search: the list is short, and always up to date
    panels = Service.panels + [MultiFieldPanel([LinkCheckPanel()], heading="Web address check")]


register_snippet(ServiceViewSet)


class ServicesToRecheckMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("helpfinder.change_service")


@hooks.register("register_reports_menu_item")
def register_services_to_recheck_menu_item():
    return ServicesToRecheckMenuItem(
        "Services to re-check",
        reverse("helpfinder_services_to_recheck"),
        name="services-to-recheck",
        icon_name="help",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_services_to_recheck_urls():
    view = ServicesToRecheckView.as_view()
    results = ServicesToRecheckView.as_view(results_only=True)
    return [
        path("reports/services-to-recheck/", view, name="helpfinder_services_to_recheck"),
        path("reports/services-to-recheck/results/", results, name="helpfinder_services_to_recheck_results"),
    ]
