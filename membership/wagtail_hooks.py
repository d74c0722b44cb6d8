"""The membership register in the Wagtail admin (wagtail-modeladmin).

Everything about the register's admin lives in this one file, so moving to Wagtail's
own viewsets later touches one place.
"""

from functools import wraps

from django.contrib import messages
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

from membership.models import MembershipEnquiry, Status, StatusChange
from membership.reopening import notify_registered_interest
from website.views import forbidden

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_PERMISSION = "membership.export_membershipenquiry"


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
        return super().dispatch(request, *args, **kwargs)

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class RegisterInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = self.instance.changes.select_related("changed_by")
        return context


class RegisterEditView(EditView):
    """Staff change only the status and notes; each change is recorded with who and when."""

    def form_valid(self, form):
        before = MembershipEnquiry.objects.get(pk=self.instance.pk)
        with transaction.atomic():
            response = super().form_valid(form)
            if before.status != self.instance.status or before.notes != self.instance.notes:
                StatusChange.objects.create(
                    enquiry=self.instance,
                    changed_by=self.request.user,
                    old_status=before.status,
                    new_status=self.instance.status,
                    notes_changed=before.notes != self.instance.notes,
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
    list_display = ["reference", "organisation_name", "organisation_type", "country", "kind", "status", "received_at"]
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
        "working_contact_name", "working_contact_email", "message", "notes",
    ]  # fmt: skip
    export_filename = "membership-register"
    inspect_view_fields = [
        "reference", "kind", "status", "received_at", "updated_at", "times_submitted",
        "organisation_name", "organisation_type", "country", "website",
        "contact_name", "job_title", "email", "phone",
        "senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email",
        "message", "read_commitments", "privacy_consent", "notes",
        "acknowledged_at", "team_notified_at", "email_failures", "last_email_error", "reopening_notified_at",
    ]  # fmt: skip
    panels = [FieldPanel("status"), FieldPanel("notes")]

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration() + (
            path("membership/membershipenquiry/notify-interest/", notify_view, name="membership_notify_interest"),
        )
        return tuple(URLPattern(url.pattern, forbidden_not_redirected(url.callback), name=url.name) for url in urls)


def forbidden_not_redirected(view):
    """Wagtail sends a user without permission back to the dashboard; the register answers 403."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
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
        messages.success(request, f"{count} organisation{'s' if count != 1 else ''} told that applications are open.")
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
    if request.user.has_perm("membership.view_membershipenquiry"):
        panels.append(NewEnquiriesPanel(MembershipEnquiry.objects.filter(status=Status.NEW).count()))
