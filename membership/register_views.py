"""The membership team's work on one entry of the register: correct it and add notes, add an
enquiry taken by telephone, erase an entry on request, and e-mail everyone who registered
interest once applications reopen.

The views plug into the register's model admin (membership/wagtail_hooks.py), which guards
every URL. Each change is recorded in the same transaction as the change itself.
"""

import uuid

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail_modeladmin.views import CreateView, DeleteView, EditView

from members.models import Member
from membership.emails import queue_emails
from membership.forms import (
    EnquiryDetailsForm,
    MessageField,
    OneLineField,
    name_lengths_by_label,
    read_phone_in_country,
)
from membership.labels import as_label, field_label, value_of
from membership.models import (
    Email,
    EntryChange,
    Erasure,
    MembershipEnquiry,
    Note,
    OrganisationType,
    Status,
    live_membership_page,
)
from membership.reopening import addresses_waiting, notify_registered_interest, reason_not_to_notify

CHANGE_PERMISSION = "membership.change_membershipenquiry"
ADD_MEMBER_PERMISSION = "members.add_member"
INDEX_URL_NAME = "membership_membershipenquiry_modeladmin_index"
INSPECT_URL_NAME = "membership_membershipenquiry_modeladmin_inspect"
ERASURES_URL_NAME = "membership_erasures"

# The details the team may correct. The message and the tick boxes stay as the sender gave them.
CORRECTABLE = [
    "organisation_name", "organisation_type", "country", "regions_covered", "website",
    "contact_name", "job_title", "email", "phone",
    "senior_lead_name", "senior_lead_role", "working_contact_name", "working_contact_email",
]  # fmt: skip

# The public form speaks to the sender ("Your e-mail address"); the team types someone else's.
TEAM_LABELS = {
    "contact_name": "Contact's full name",
    "job_title": "Contact's job title",
    "email": "Contact's e-mail address",
    "phone": "Contact's telephone number (optional)",
    "regions_covered": "Region or countries the organisation covers",
    "message": "What the contact asked or told you (optional)",
}
TEAM_REQUIRED_MESSAGES = {
    "organisation_name": "Enter the name of the organisation",
    "organisation_type": "Choose the type of organisation",
    "contact_name": "Enter the contact's full name",
    "job_title": "Enter the contact's job title",
    "email": "Enter the contact's e-mail address",
}


def team_error_messages():
    """The public form's messages for answers in the wrong format, its required messages reworded."""
    merged = {name: dict(messages) for name, messages in EnquiryDetailsForm.Meta.error_messages.items()}
    for name, message in TEAM_REQUIRED_MESSAGES.items():
        merged.setdefault(name, {})["required"] = message
    return merged


def panels_for(form_class, names):
    """The admin's form layout for these fields, on this form class (labels, hints and errors by each field)."""
    return ObjectList([FieldPanel(name) for name in names], base_form_class=form_class)


# Correcting an entry and adding a note (points 14 and 15) ------------------------------------


class EntryCorrectionForm(forms.ModelForm):
    """The status and the details the team may correct, each checked as the public form checks
    it, and a note to add. A note is always a new one: nothing here overwrites an earlier note."""

    use_required_attribute = False
    note = MessageField(
        required=False,
        max_length=5000,
        label="Add a note (optional)",
        help_text="Kept with your name and the time, after the notes already written. It cannot be changed later.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    class Meta:
        model = MembershipEnquiry
        fields = ["status", *CORRECTABLE, "note"]
        field_classes = {
            name: field_class
            for name, field_class in {"regions_covered": OneLineField, **EnquiryDetailsForm.Meta.field_classes}.items()
            if name in CORRECTABLE
        }
        labels = {**EnquiryDetailsForm.Meta.labels, **TEAM_LABELS}
        error_messages = team_error_messages()

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        read_phone_in_country(self)
        name_lengths_by_label(self)

    def changed_details(self):
        """The names of the fields whose stored value this save changes."""
        return [name for name in self.Meta.fields if name != "note" and name in self.changed_data]


def record_changes(before, after, names, user):
    """One EntryChange per field whose value differs, with the values as the team reads them."""
    EntryChange.objects.bulk_create(
        EntryChange(
            enquiry=after,
            changed_by=user,
            field=name,
            old_value=str(value_of(before, name)),
            new_value=str(value_of(after, name)),
        )
        for name in names
        if getattr(before, name) != getattr(after, name)
    )


class RegisterEditView(EditView):
    """Correct an entry's details, change its status and add a note: each change recorded with
    its field, before and after, who and when, all in one transaction with the save."""

    def get_edit_handler(self):
        return panels_for(EntryCorrectionForm, EntryCorrectionForm.Meta.fields).bind_to_model(MembershipEnquiry)

    def get_template_names(self):
        return ["membership/admin/edit.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            notes=self.instance.notes.select_related("author"), **directory_context(self.instance), **kwargs
        )

    def form_valid(self, form):
        before = MembershipEnquiry.objects.get(pk=self.instance.pk)
        with transaction.atomic():
            response = super().form_valid(form)
            record_changes(before, self.instance, form.changed_details(), self.request.user)
            if form.cleaned_data["note"]:
                Note.objects.create(enquiry=self.instance, author=self.request.user, text=form.cleaned_data["note"])
        return response

    def get_success_url(self):
        return reverse(INSPECT_URL_NAME, args=[self.instance.pk])

    def get_success_message(self, instance):
        return f"{instance.reference} saved."


class NoteForm(forms.Form):
    use_required_attribute = False
    text = MessageField(
        max_length=5000,
        label="Add a note",
        help_text="Kept with your name and the time, after the notes already written. It cannot be changed later.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the note", "max_length": "The note must be 5000 characters or fewer"},
    )


@require_http_methods(["GET", "POST"])
def add_note_view(request, instance_pk):
    """A note from the entry's own page: added to the log, never replacing an earlier one."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    entry = get_object_or_404(MembershipEnquiry, pk=instance_pk)
    form = NoteForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        Note.objects.create(enquiry=entry, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, f"Note added to {entry.reference}.")
        return redirect(INSPECT_URL_NAME, entry.pk)
    return TemplateResponse(request, "membership/admin/add_note.html", {"entry": entry, "form": form})


def history_of(entry):
    """The entry's changes, newest first, each as the team reads it: which detail, before → after, who, when."""
    for change in entry.changes.select_related("changed_by"):
        yield {
            "label": field_label(change.field),
            "before": as_label(change.field, change.old_value),
            "after": as_label(change.field, change.new_value),
            "who": change.changed_by.get_username() if change.changed_by else "someone",
            "when": change.changed_at,
        }


# Adding an enquiry by hand (point 18) -------------------------------------------------------


class EntryByHandForm(EnquiryDetailsForm):
    """An enquiry taken by telephone or letter: the public form's required details and rules,
    worded for the team, with the privacy notice as something to record and the applicant's
    acknowledgement left to the team's choice."""

    privacy_consent = forms.BooleanField(
        required=False,
        label="The contact agreed that the Alliance may keep these details, as the privacy notice explains",
    )
    send_acknowledgement = forms.BooleanField(
        required=False,
        label="Send the contact the usual acknowledgement e-mail",
        help_text="The e-mail the public form sends, with the entry's reference. Not sent unless ticked.",
    )

    class Meta(EnquiryDetailsForm.Meta):
        fields = [*EnquiryDetailsForm.Meta.fields, "privacy_consent", "language"]
        labels = {**EnquiryDetailsForm.Meta.labels, **TEAM_LABELS, "language": "Language of the contact's e-mails"}
        help_texts = {
            **EnquiryDetailsForm.Meta.help_texts,
            "email": "The acknowledgement goes here, if you send it.",
            "language": "The acknowledgement, and the e-mail when applications reopen, are written in it.",
        }
        error_messages = team_error_messages()

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "read_commitments"
        ].label = "The contact confirmed they have read the member commitments and their organisation can meet them"
        self.fields["read_commitments"].help_text = "Needed for an application."


class RegisterCreateView(CreateView):
    """Add an enquiry by hand. The live membership page decides, as for the public form, whether
    it is an application or a registration of interest, and so which details it needs.

    The team is not sent a notice of its own entry; the contact gets the acknowledgement only if
    the team ticks the box.
    """

    def dispatch(self, request, *args, **kwargs):
        self.membership_page = live_membership_page()
        if self.membership_page is None:
            messages.error(
                request,
                "There is no live membership page, so the register cannot tell whether an entry would be an "
                "application or a registration of interest. Publish the membership page first.",
            )
            return redirect(INDEX_URL_NAME)
        return super().dispatch(request, *args, **kwargs)

    def get_edit_handler(self):
        names = [*EntryByHandForm.Meta.fields, "send_acknowledgement"]
        return panels_for(EntryByHandForm, names).bind_to_model(MembershipEnquiry)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.membership_page}

    def get_template_names(self):
        return ["membership/admin/create.html"]

    def get_page_title(self):
        return "Add an enquiry"

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership_page=self.membership_page, **kwargs)

    def form_valid(self, form):
        entry = form.instance
        entry.kind = form.kind
        entry.added_by = self.request.user
        entry.submission_token = uuid.uuid4().hex
        with transaction.atomic():
            response = super().form_valid(form)
            if form.cleaned_data["send_acknowledgement"]:
                queue_emails(entry, Email.ACKNOWLEDGEMENT)
        return response

    def get_success_url(self):
        return reverse(INSPECT_URL_NAME, args=[self.instance.pk])

    def get_success_message(self, instance):
        return f"{instance.reference} added: {instance.get_kind_display().lower()} from {instance.organisation_name}."


# Erasing an entry on request (point 19) -----------------------------------------------------


class ErasureForm(forms.Form):
    use_required_attribute = False
    reason = OneLineField(
        max_length=300,
        label="Why is this entry being erased?",
        help_text=(
            "For example: the contact asked us to delete their details, by e-mail on 3 March. "
            "Do not include names, e-mail addresses or other personal details: this reason is kept "
            "after the entry is gone."
        ),
        error_messages={
            "required": "Enter why the entry is being erased",
            "max_length": "The reason must be 300 characters or fewer",
        },
    )


def erase_entry(entry, user, reason):
    """Delete the entry with its notes, history and e-mails, and log the erasure by reference only.

    Wagtail's own log of the entry named the organisation; it keeps only the reference too.
    """
    reference = entry.reference
    with transaction.atomic():
        ModelLogEntry.objects.for_instance(entry).update(label=reference)
        log(instance=entry, action="wagtail.delete", title=reference)
        entry.delete()
        return Erasure.objects.create(
            reference=reference,
            erased_by=user,
            erased_by_name=(user.get_full_name() or user.get_username())[:150],
            reason=reason,
        )


class RegisterEraseView(DeleteView):
    """Modeladmin's delete view, with a reason asked for and the erasure logged."""

    def get_page_title(self):
        return "Erase entry"

    def get_template_names(self):
        return ["membership/admin/erase.html"]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ErasureForm()))

    def post(self, request, *args, **kwargs):
        form = ErasureForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        erasure = erase_entry(self.instance, request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            f"{erasure.reference} erased. The erasure log keeps its reference, who erased it, when and why.",
            buttons=[messages.button(reverse(ERASURES_URL_NAME), "See erased entries")],
        )
        return redirect(self.index_url)


@require_GET
def erasures_view(request):
    """The erasure log: reference, who, when and why. It holds no personal data of the entries."""
    return TemplateResponse(request, "membership/admin/erasures.html", {"erasures": Erasure.objects.all()})


# Telling registered interest that applications reopened (point 17) --------------------------


@require_http_methods(["GET", "POST"])
def notify_view(request):
    """GET says how many organisations would be e-mailed (or why none can be yet); POST sends."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        return send_reopening_emails(request)
    context = {"count": addresses_waiting(), "reason_not_to_send": reason_not_to_notify()}
    return TemplateResponse(request, "membership/admin/notify_interest.html", context)


def send_reopening_emails(request):
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
    return redirect(INDEX_URL_NAME)


def entry_context(entry):
    """What the entry's page shows besides its fields: its notes, a box for a new one, its history,
    and its place in the members directory."""
    return {
        "notes": entry.notes.select_related("author"),
        "note_form": NoteForm(),
        "history": list(history_of(entry)),
        **directory_context(entry),
    }


# Adding a member to the directory -----------------------------------------------------------


def member_edit_url(member):
    return reverse(Member.snippet_viewset.get_url_name("edit"), args=[quote(member.pk)])


def directory_context(entry):
    """The directory member made from this entry, if any, and where to edit it; failing that, the
    members it may already be, and whether one is its country's government (then none is added)."""
    member = Member.objects.filter(enquiry=entry).first()
    if member:
        return {"directory_member": member, "directory_member_url": member_edit_url(member)}
    listed = list(Member.already_listed(entry)) if entry.status == Status.MEMBER else []
    return {
        "already_listed": [(other, member_edit_url(other)) for other in listed],
        "government_listed": government_listed(entry, listed),
    }


def government_listed(entry, listed):
    """The government of the entry's country, if the entry is a government and the directory has it."""
    if entry.organisation_type != OrganisationType.GOVERNMENT or not entry.country:
        return None
    return next((m for m in listed if m.sector == OrganisationType.GOVERNMENT and m.country == entry.country), None)


@require_POST
def add_to_directory_view(request, instance_pk):
    """A draft member prefilled from an entry whose status is "member", linked to it, and the
    member's editor to check and (for who may) publish it. One member per entry: a second click
    opens the first."""
    if not request.user.has_perm(ADD_MEMBER_PERMISSION):
        raise PermissionDenied
    entry = get_object_or_404(MembershipEnquiry, pk=instance_pk)
    existing = Member.objects.filter(enquiry=entry).first()
    if existing:
        messages.info(request, f"{entry.reference} is already in the directory as “{existing.name}”.")
        return redirect(member_edit_url(existing))
    if entry.status != Status.MEMBER:
        messages.error(request, "Only an entry whose status is “Member” can be added to the directory.")
        return redirect(INSPECT_URL_NAME, entry.pk)
    refusal = reason_not_to_add(entry, wants_another=request.POST.get("add_anyway") == "yes")
    if refusal:
        message, member = refusal
        button = messages.button(member_edit_url(member), f"Open “{member.name}”")
        messages.warning(request, message, buttons=[button])
        return redirect(INSPECT_URL_NAME, entry.pk)
    try:
        with transaction.atomic():
            member = Member.draft_from_entry(entry, request.user)
    except IntegrityError:  # the same click twice at once: the other one made it
        return redirect(member_edit_url(Member.objects.get(enquiry=entry)))
    messages.success(request, added_message(member, request.user))
    return redirect(member_edit_url(member))


def reason_not_to_add(entry, wants_another):
    """Why no member is made from this entry, with the member already listed; None to go ahead.

    The directory lists one government per country, so a ministry's entry never adds a second
    one beside its country. A member of the same name is added again only when the team says
    it is another organisation."""
    listed = list(Member.already_listed(entry))
    government = government_listed(entry, listed)
    if government:
        return (
            f"The government of {entry.country.name} is already in the directory, as “{government.name}”: "
            "nothing was added. Open it to change it.",
            government,
        )
    if listed and not wants_another:
        return (
            f"“{listed[0].name}” is already in the directory: nothing was added. Open it, or, if this is "
            "another organisation of the same name, choose “Add it as another member”.",
            listed[0],
        )
    return None


def added_message(member, user):
    if user.has_perm("members.publish_member"):
        return (
            f"“{member.name}” added to the directory as a draft. Check it, then publish it to show it to the public."
        )
    return (
        f"“{member.name}” added to the directory as a draft. Check it and save it; an editor then publishes it, "
        "and until then the public does not see it."
    )
