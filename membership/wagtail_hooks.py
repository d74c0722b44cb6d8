"""The membership register in the Wagtail admin (wagtail-modeladmin).

Everything about the register's admin lives in this one file, so moving to Wagtail's
own viewsets later touches one place.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.admin.filters import FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import EditView, IndexView, InspectView

from membership.models import EntryChange, MembershipEnquiry, Status
from membership.reopening import notify_registered_interest
from website.views import bad_request, forbidden

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VIEW_PERMISSION = "membership.view_membershipenquiry"
EXPORT_PERMISSION = "membership.export_membershipenquiry"
ISNULL_VALUES = ("", "true", "false", "1", "0")


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula becomes plain text (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class RegisterIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        wants_export = request.GET.get(self.EXPORT_VAR) in self.FORMATS
        if wants_export and not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            # A value a declared filter cannot read (?received_at__gte=abc) is the visitor's
            # mistake: a 400, not a 500 with a traceback in the logs.
            return bad_request(request)

    def get_filters_params(self, params=None):
        """Only the declared list filters' own parameters, never any other lookup.

        Modeladmin applies every leftover query parameter to the queryset as a lookup, so
        ?changes__changed_by__password__startswith=... read password hashes through the
        list. Anything a declared filter does not read is dropped here, before it gets there.
        """
        lookup_params = super().get_filters_params(params)
        allowed = set(self.list_filter)  # a bare field, as in the dashboard's ?status=new
        for field_path in self.list_filter:
            field = get_fields_from_path(self.model, field_path)[-1]
            spec = FieldListFilter.create(field, self.request, {}, self.model, self.model_admin, field_path=field_path)
            allowed.update(spec.expected_parameters())
        lookup_params = {key: value for key, value in lookup_params.items() if key in allowed}
        for key, values in lookup_params.items():
            # Django reads any unknown __isnull value as "true"; say it is wrong instead.
            if key.endswith("__isnull") and any(value.lower() not in ISNULL_VALUES for value in values):
                raise IncorrectLookupParameters(key)
        return lookup_params

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class RegisterInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = self.instance.changes.select_related("changed_by")
        context["emails"] = self.instance.emails.all()
        return context


class RegisterEditView(EditView):
    """Staff change only the status and notes; each change is recorded with who and when."""

    def form_valid(self, form):
        before = MembershipEnquiry.objects.get(pk=self.instance.pk)
        with transaction.atomic():
            response = super().form_valid(form)
            if before.status != self.instance.status:
                EntryChange.objects.create(
                    enquiry=self.instance,
                    changed_by=self.request.user,
                    field="status",
                    old_value=before.status,
                    new_value=self.instance.status,
                )
        return response


class RegisterButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, **kwargs):
        return super().get_buttons_for_obj(obj, exclude=["delete", *(exclude or [])], **kwargs)


class MembershipEnquiryAdmin(ModelAdmin):
    model = MembershipEnquiry
    menu_label = "Membership register"
    menu_icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = RegisterIndexView
    inspect_view_class = RegisterInspectView
    edit_view_class = RegisterEditView
    button_helper_class = RegisterButtonHelper
    index_template_name = "membership/admin/index.html"
    inspect_template_name = "membership/admin/inspect.html"
    list_display = [
        "reference", "organisation_name", "organisation_type", "country", "kind", "status", "received_at", "email_trouble",
    ]  # fmt: skip
    list_filter = ["kind", "organisation_type", "country", "status", "received_at"]
    search_fields = [
        "reference",
        "organisation_name",
        "contact_name",
        "email",
        "senior_lead_name",
        "working_contact_name",
    ]
    ordering = ["-received_at"]
    list_per_page = 50
    list_export = [
        "reference", "received_at", "kind", "status", "organisation_name", "organisation_type", "country",
        "website", "contact_name", "job_title", "email", "phone", "senior_lead_name", "senior_lead_role",
        "working_contact_name", "working_contact_email", "message",
    ]  # fmt: skip
    export_filename = "membership-register"
    inspect_view_fields = [
        "reference", "kind", "status", "received_at", "updated_at",
        "organisation_name", "organisation_type", "country", "website",
        "contact_name", "job_title", "email", "phone",
        "senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email",
        "message", "read_commitments", "privacy_consent",
    ]  # fmt: skip
    panels = [FieldPanel("status")]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("emails")

    def email_trouble(self, enquiry):
        """The list says at a glance when an e-mail could not be sent (the entry tells the rest)."""
        return "; ".join(enquiry.email_problems())

    email_trouble.short_description = "E-mail problems"

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration() + (
            path("membership/membershipenquiry/notify-interest/", notify_view, name="membership_notify_interest"),
        )
        return tuple(URLPattern(url.pattern, team_only(url.callback), name=url.name) for url in urls)


def team_only(view):
    """Every URL of the register: only who may view it gets in, and is told 403, not redirected.

    Modeladmin checks permissions view by view and its history view checked none, so an
    editor read entries there; one check around every URL means no view can forget it.
    (Wagtail's admin URLs already send anonymous visitors to log in before this runs.)
    Views keep their own stricter checks (export, notify); Wagtail would answer a
    PermissionDenied from them by sending the user back to the dashboard.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return forbidden(request)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return guarded


modeladmin_register(MembershipEnquiryAdmin)


@require_POST
def notify_view(request):
    """The admin action: tell everyone who registered interest that applications reopened."""
    if not request.user.has_perm("membership.change_membershipenquiry"):
        raise PermissionDenied
    try:
        count = notify_registered_interest()
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{count} organisation{'s' if count != 1 else ''} will be told that applications are open: "
            "the e-mails are on their way. Each entry shows when its e-mail was sent.",
        )
    return redirect(reverse("membership_membershipenquiry_modeladmin_index"))


class NewEnquiriesPanel(Component):
    """Dashboard panel for the membership team: how many new entries wait."""

    order = 50

    def __init__(self, count):
        self.count = count

    def render_html(self, parent_context=None):
        url = reverse("membership_membershipenquiry_modeladmin_index") + f"?status={Status.NEW}"
        noun = "entry" if self.count == 1 else "entries"
        return format_html(
            '<section class="panel summary nice-padding"><h2>Membership register</h2>'
            '<p><a href="{}">{} new {} waiting</a></p></section>',
            url,
            self.count,
            noun,
        )


@hooks.register("construct_homepage_panels")
def add_new_enquiries_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(NewEnquiriesPanel(MembershipEnquiry.objects.filter(status=Status.NEW).count()))
