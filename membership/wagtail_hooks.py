"""The membership register in the Wagtail admin (wagtail-modeladmin).

Everything about the register's admin lives in this one file, so moving to Wagtail's
own viewsets later touches one place.
"""

import datetime
from collections import defaultdict
from functools import cached_property, wraps

from django import forms
from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.filters import ChoicesFieldListFilter, FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from membership import register_views
from membership.labels import field_label, person_name, value_of
from membership.models import EntryChange, MembershipEnquiry, Note, Status
from website.views import bad_request, forbidden

VIEW_PERMISSION = "membership.view_membershipenquiry"
CHANGE_PERMISSION = "membership.change_membershipenquiry"
EXPORT_PERMISSION = "membership.export_membershipenquiry"
ISNULL_VALUES = ("", "true", "false", "1", "0")
NOT_GIVEN = "Not given"


# How the team reads an entry, in the inspect view and in both exports ----------------------


def in_utc(moment):
    """A time in UTC to the second: what an export says (and its headings say so)."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def notes_text(entry):
    """The entry's notes in one cell, oldest first, each with when and by whom."""
    return "\n".join(
        f"{in_utc(note.written_at):%Y-%m-%d %H:%M} UTC, {person_name(note.author) or 'someone'}: {note.text}"
        for note in entry.notes.all()
    )


def duplicate_groups(entries):
    """Every group of possible duplicates among these entries (a queryset or a list): match_key →
    [(pk, reference)] oldest first, each group with all its entries, listed or not. One query."""
    keys = entries.order_by().values("match_key") if hasattr(entries, "order_by") else {e.match_key for e in entries}
    members = (
        MembershipEnquiry.objects.filter(match_key__in=keys)
        .exclude(match_key="")
        .order_by("received_at", "pk")
        .values_list("match_key", "pk", "reference")
    )
    groups = defaultdict(list)
    for key, pk, reference in members:
        groups[key].append((pk, reference))
    return {key: group for key, group in groups.items() if len(group) > 1}


def others_in_group(entry, groups):
    return [(pk, reference) for pk, reference in groups.get(entry.match_key, []) if pk != entry.pk]


# The list: filters, grouping of possible duplicates, changing many statuses at once -------


class CountriesInTheRegisterFilter(ChoicesFieldListFilter):
    """The countries some entry names (the full list has about 250), and entries without one."""

    @cached_property
    def present(self):
        return set(self.field.model._default_manager.order_by().values_list(self.field_path, flat=True).distinct())

    def choices(self, changelist):
        selected = self.lookup_val[-1] if self.lookup_val else None
        present = self.present
        yield {
            "selected": selected is None,
            "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
            "display": "All",
        }
        for code, name in self.field.flatchoices:
            if code in present:
                yield {
                    "selected": selected == code,
                    "query_string": changelist.get_query_string({self.lookup_kwarg: code}, [self.lookup_kwarg_isnull]),
                    "display": name,
                }
        if "" in present:
            yield {
                "selected": selected == "",
                "query_string": changelist.get_query_string({self.lookup_kwarg: ""}, [self.lookup_kwarg_isnull]),
                "display": "No country given",
            }


def has_possible_duplicates():
    return Exists(MembershipEnquiry.objects.filter(match_key=OuterRef("match_key")).exclude(pk=OuterRef("pk")))


class PossibleDuplicatesFilter(SimpleListFilter):
    title = "possible duplicates"
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", "Has possible duplicates"), ("no", "No possible duplicates")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(has_possible_duplicates())
        if self.value() == "no":
            return queryset.exclude(has_possible_duplicates())
        return None


class BulkStatusForm(forms.Form):
    """The entries ticked in the list, and the status they are all to have."""

    use_required_attribute = False  # errors come from the server, next to each field
    entries = forms.ModelMultipleChoiceField(
        queryset=MembershipEnquiry.objects.all(),
        error_messages={
            "required": "Select the entries whose status you want to change",
            "invalid_choice": "An entry you selected is no longer in the register: select the entries again",
            "invalid_pk_value": "An entry you selected is not in the register: select the entries again",
        },
    )
    new_status = forms.ChoiceField(
        label="Change the status of the selected entries to",
        choices=[("", "Choose a status"), *Status.choices],
        error_messages={
            "required": "Choose the status to give the selected entries",
            "invalid_choice": "Choose one of the statuses in the list",
        },
    )


def change_statuses(entries, new_status, user):
    """Give the entries the new status, each change recorded as the edit view records one
    (labels, who, when), all or none. Returns the entries whose status changed."""
    with transaction.atomic():
        changing = list(
            MembershipEnquiry.objects.select_for_update()
            .filter(pk__in=[e.pk for e in entries])
            .exclude(status=new_status)
        )
        now = timezone.now()
        EntryChange.objects.bulk_create(
            EntryChange(
                enquiry=entry,
                changed_by=user,
                changed_at=now,
                field="status",
                old_value=entry.get_status_display(),
                new_value=Status(new_status).label,
            )
            for entry in changing
        )
        MembershipEnquiry.objects.filter(pk__in=[e.pk for e in changing]).update(status=new_status, updated_at=now)
        for entry in changing:
            entry.status = new_status
            log(instance=entry, action="wagtail.edit", user=user, content_changed=True)  # the site history report
    return changing


def entries(count):
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def status_change_message(changed, selected, new_status):
    label = Status(new_status).label
    unchanged = selected - changed
    if not changed:
        return f"Nothing changed: the selected {'entry' if selected == 1 else 'entries'} already had the status “{label}”."
    message = f"{entries(changed)} now {'has' if changed == 1 else 'have'} the status “{label}”."
    if unchanged:
        message += f" {entries(unchanged)} already had it."
    return message


class RegisterIndexView(IndexView):
    EXPORT_HEADINGS = {
        "received_at": "Received (UTC)",
        "notes": "Notes",
        "possible_duplicates": "Possible duplicates",
    }

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

    def declared_filter_parameters(self):
        """The query parameters the declared list filters read, and each bare field name."""
        allowed = set()
        for entry in self.list_filter:
            if isinstance(entry, type):  # a SimpleListFilter: its own parameter
                allowed.update(entry(self.request, {}, self.model, self.model_admin).expected_parameters())
                continue
            field_path, make_spec = entry if isinstance(entry, tuple) else (entry, FieldListFilter.create)
            field = get_fields_from_path(self.model, field_path)[-1]
            allowed.add(field_path)  # a bare field, as in the dashboard's ?status=new
            allowed.update(
                make_spec(
                    field, self.request, {}, self.model, self.model_admin, field_path=field_path
                ).expected_parameters()
            )
        return allowed

    def get_filters_params(self, params=None):
        """Only the declared list filters' own parameters, never any other lookup.

        Modeladmin applies every leftover query parameter to the queryset as a lookup, so
        ?changes__changed_by__password__startswith=... read password hashes through the
        list. Anything a declared filter does not read is dropped here, before it gets there.
        """
        lookup_params = super().get_filters_params(params)
        allowed = self.declared_filter_parameters()
        lookup_params = {key: value for key, value in lookup_params.items() if key in allowed}
        for key, values in lookup_params.items():
            # Django reads any unknown __isnull value as "true"; say it is wrong instead.
            if key.endswith("__isnull") and any(value.lower() not in ISNULL_VALUES for value in values):
                raise IncorrectLookupParameters(key)
        return lookup_params

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["object_list"])
        groups = duplicate_groups(page)
        form = context.setdefault("bulk_form", BulkStatusForm())
        ticked = set(form.data.getlist("entries")) if form.is_bound else set()  # kept ticked after an error
        for entry in page:
            entry.possible_duplicates = others_in_group(entry, groups)
            entry.ticked = str(entry.pk) in ticked
        context["object_list"] = page
        context["may_change_status"] = self.request.user.has_perm(CHANGE_PERMISSION)
        context["applied_filters"] = self.applied_filters()
        return context

    def applied_filters(self):
        """(filter, choice) for each filter in use: the list says them while the filters are closed."""
        return [
            (spec.title, choice["display"])
            for spec in self.filter_specs
            for choice in list(spec.choices(self))[1:]  # the first is "All" or "Any date"
            if choice["selected"]
        ]

    def post(self, request, *args, **kwargs):
        """Change the status of the entries ticked in the list; the list again, with what changed."""
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        form = BulkStatusForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(bulk_form=form))
        selected, new_status = form.cleaned_data["entries"], form.cleaned_data["new_status"]
        changed = change_statuses(selected, new_status, request.user)
        message = status_change_message(len(changed), len(selected), new_status)
        (messages.success if changed else messages.info)(request, message)
        return redirect(request.get_full_path())

    # Exports: labels, not codes; empty cells empty; every cell through the site's formula guard.

    def as_spreadsheet(self, queryset, spreadsheet_format):
        queryset = queryset.select_related("added_by").prefetch_related(
            Prefetch("notes", queryset=Note.objects.select_related("author"))
        )
        self.export_groups = duplicate_groups(queryset)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        return self.EXPORT_HEADINGS.get(field) or field_label(field)

    def to_row_dict(self, item):
        return {field: self.export_value(item, field) for field in self.list_export}

    def export_value(self, entry, field):
        if field == "notes":
            return notes_text(entry)
        if field == "possible_duplicates":
            return ", ".join(reference for _, reference in others_in_group(entry, self.export_groups))
        return value_of(entry, field)

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            if export_format == self.FORMAT_CSV:
                value = in_utc(value).isoformat()  # 2025-03-04T09:05:00+00:00
            else:
                value = timezone.make_naive(in_utc(value), datetime.UTC)  # Excel keeps no time zone
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        yield "\ufeff"  # the byte-order mark: Excel then reads the file as UTF-8 (Arabic, accents)
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class RegisterInspectView(InspectView):
    def get_field_label(self, field_name, field=None):
        return field_label(field_name)

    def get_field_display_value(self, field_name, field=None):
        value = value_of(self.instance, field_name)
        if isinstance(value, datetime.datetime):
            return f"{timezone.localtime(value):%-d %B %Y, %H:%M} ({timezone.get_current_timezone_name()})"
        return value or NOT_GIVEN

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(register_views.entry_context(self.instance))  # notes, a new note's box, history
        context["emails"] = self.instance.emails.all()
        return context


class RegisterButtonHelper(ButtonHelper):
    """Erasing (modeladmin's delete) is offered on the entry's own page only, never in the list."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_exclude=None, **kwargs):
        if isinstance(self.view, InspectView):
            # On the entry's dark footer a secondary button's text is too faint (axe: colour contrast).
            classnames_exclude = ["button-secondary", *(classnames_exclude or [])]
        else:
            exclude = ["delete", *(exclude or [])]
        return super().get_buttons_for_obj(obj, exclude=exclude, classnames_exclude=classnames_exclude, **kwargs)

    def delete_button(self, *args, **kwargs):
        return {**super().delete_button(*args, **kwargs), "label": "Erase", "title": "Erase this entry on request"}


class MembershipEnquiryAdmin(ModelAdmin):
    model = MembershipEnquiry
    menu_label = "Membership register"
    menu_icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = RegisterIndexView
    inspect_view_class = RegisterInspectView
    edit_view_class = register_views.RegisterEditView
    create_view_class = register_views.RegisterCreateView
    delete_view_class = register_views.RegisterEraseView
    button_helper_class = RegisterButtonHelper
    index_template_name = "membership/admin/index.html"
    inspect_template_name = "membership/admin/inspect.html"
    index_view_extra_css = ["css/register-admin.css"]
    inspect_view_extra_css = ["css/register-admin.css"]
    list_display = [
        "select", "reference", "organisation_name", "organisation_type", "country", "kind", "language", "status",
        "received_at",
        "possible_duplicates", "email_trouble",
    ]  # fmt: skip
    list_display_add_buttons = "reference"
    list_filter = [
        "kind",
        "language",
        "organisation_type",
        ("country", CountriesInTheRegisterFilter),
        "status",
        PossibleDuplicatesFilter,
        "received_at",
    ]
    search_fields = [
        "reference",
        "organisation_name",
        "contact_name",
        "email",
        "senior_lead_name",
        "working_contact_name",
        "working_contact_email",
    ]
    # Possible duplicates side by side: the group with the newest entry first, newest first within it.
    ordering = ["-group_received", "match_key", "-received_at"]
    list_per_page = 50
    # The language came later, so it comes last: the team's spreadsheets keep their columns.
    list_export = [
        "reference", "received_at", "kind", "status", "organisation_name", "organisation_type", "country",
        "regions_covered", "website", "contact_name", "job_title", "email", "phone", "senior_lead_name",
        "senior_lead_role", "working_contact_name", "working_contact_email", "message", "read_commitments",
        "privacy_consent", "added_by", "notes", "possible_duplicates", "language",
    ]  # fmt: skip
    export_filename = "membership-register"
    inspect_view_fields = [
        "reference", "kind", "language", "status", "received_at", "updated_at",
        "organisation_name", "organisation_type", "country", "regions_covered", "website",
        "contact_name", "job_title", "email", "phone",
        "senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email",
        "message", "read_commitments", "privacy_consent",
    ]  # fmt: skip

    def get_queryset(self, request):
        latest_in_group = (
            MembershipEnquiry.objects.filter(match_key=OuterRef("match_key"))
            .order_by("-received_at")
            .values("received_at")
        )
        return (
            self.model._default_manager.annotate(group_received=Subquery(latest_in_group[:1]))
            .order_by(*self.get_ordering(request))
            .prefetch_related("emails")
        )

    def get_list_display(self, request):
        """The tick boxes for changing statuses only for who may change them."""
        if request.user.has_perm(CHANGE_PERMISSION):
            return self.list_display
        return [name for name in self.list_display if name != "select"]

    def get_extra_attrs_for_row(self, obj, context):
        return {"class": "possible-duplicate"} if getattr(obj, "possible_duplicates", None) else {}

    def select(self, enquiry):
        return format_html(
            '<input type="checkbox" name="entries" value="{pk}" id="select-{pk}" form="bulk-status"{checked}>'
            '<label for="select-{pk}" class="w-sr-only">Select {reference}</label>',
            pk=enquiry.pk,
            reference=enquiry.reference,
            checked=" checked" if getattr(enquiry, "ticked", False) else "",
        )

    select.short_description = "Select"

    def possible_duplicates(self, enquiry):
        """Links to the other entries from the same organisation and e-mail address."""
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (self.url_helper.get_action_url("inspect", pk), reference)
                for pk, reference in enquiry.possible_duplicates
            ),
        )
        return format_html("Possible duplicate of {}", links) if links else ""

    possible_duplicates.short_description = "Possible duplicates"

    def email_trouble(self, enquiry):
        """The list says at a glance when an e-mail could not be sent (the entry tells the rest)."""
        return "; ".join(enquiry.email_problems())

    email_trouble.short_description = "E-mail problems"

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration() + (
            path(
                "membership/membershipenquiry/notify-interest/",
                register_views.notify_view,
                name="membership_notify_interest",
            ),
            path(
                "membership/membershipenquiry/add-note/<int:instance_pk>/",
                register_views.add_note_view,
                name="membership_add_note",
            ),
            path("membership/membershipenquiry/erased/", register_views.erasures_view, name="membership_erasures"),
            path(
                "membership/membershipenquiry/add-to-directory/<int:instance_pk>/",
                register_views.add_to_directory_view,
                name="membership_add_to_directory",
            ),
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
