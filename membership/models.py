"""Membership: the page with the pause and the form, and the register of enquiries."""

import hashlib
import secrets

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from website.blocks import RICH_TEXT_FEATURES
from website.languages import default_language, language_of
from website.mail import new_message_id
from website.models import BasePage, BasePageForm

LIST_FEATURES = RICH_TEXT_FEATURES


class OrganisationType(models.TextChoices):
    GOVERNMENT = "government", _("Government of a UN member state")
    INTERNATIONAL = "international", _("International organisation")
    REGIONAL = "regional", _("Regional organisation")
    TECHNOLOGY = "technology", _("Technology company")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation with a child-protection focus")
    FINANCIAL = "financial", _("Financial institution")


class Kind(models.TextChoices):
    APPLICATION = "application", "Application"
    INTEREST = "interest", "Registration of interest"


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    INVITED = "invited", "Invited to apply"
    MEMBER = "member", "Member"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATUSES = [Status.NEW, Status.CONTACTED, Status.INVITED]
CLOSED_STATUSES = [Status.DECLINED, Status.WITHDRAWN]
# A regional organisation is an international organisation with a geographic focus, so the
# pause's exception for international organisations covers it too.
DEFAULT_OPEN_WHILE_PAUSED = [OrganisationType.GOVERNMENT, OrganisationType.INTERNATIONAL, OrganisationType.REGIONAL]
# These cover a region or several countries rather than one: they say which, and a
# headquarters country is optional.
COVERS_A_REGION = [OrganisationType.INTERNATIONAL, OrganisationType.REGIONAL]


def default_open_while_paused():
    return [str(choice) for choice in DEFAULT_OPEN_WHILE_PAUSED]


class MembershipPageForm(BasePageForm):
    """Offers the organisation types that may still apply as tick boxes."""

    types_open_while_paused = forms.MultipleChoiceField(
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Who may still apply while paused",
        help_text="Organisations of the ticked types can still apply; everyone else registers interest.",
    )

    def clean(self):
        cleaned = super().clean()
        until = cleaned.get("paused_until")
        if cleaned.get("applications_paused") and until and until < timezone.localdate():
            self.add_error(
                "paused_until",
                f"{until:%-d %B %Y} has passed. Choose a later date, or clear it if the reopening date is not known.",
            )
        return cleaned


# Whether applications are open is one fact, set on the English page: its translations copy
# it whenever either is saved, so no language can say "paused" while another says "open".
# The pause message is text, and each translation has its own.
APPLICATIONS_STATE = ["applications_paused", "paused_until", "types_open_while_paused"]


class ApplicationsStatePanel(MultiFieldPanel):
    """The state of applications, editable on the English page only."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return self.instance.is_in_default_language() and super().is_shown()


class TranslationStatePanel(MultiFieldPanel):
    """In a translation's editor: where the state of applications is set, and its own pause message."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return not self.instance.is_in_default_language() and super().is_shown()


class MembershipPage(RoutablePageMixin, BasePage):
    """Why and how to join, the state of applications, and the form itself."""

    introduction = models.TextField(max_length=500, help_text="The opening paragraph: why join the Alliance.")
    benefits = RichTextField(features=LIST_FEATURES, help_text="The benefits of membership (a list works best).")
    eligibility = RichTextField(features=LIST_FEATURES, help_text="The kinds of organisation that may join.")
    requirements = RichTextField(features=LIST_FEATURES, help_text="What every new member must do.")
    commitments = RichTextField(
        features=LIST_FEATURES, help_text="The member commitments; indent list items to make sub-items."
    )
    applications_paused = models.BooleanField(
        default=False,
        help_text="While ticked, only the types chosen below can apply; others register interest.",
    )
    pause_message = models.TextField(
        max_length=800, blank=True, help_text="Why applications are paused, shown at the top of the page."
    )
    paused_until = models.DateField(
        null=True, blank=True, help_text="Optional: when applications are expected to reopen."
    )
    types_open_while_paused = models.JSONField(
        default=default_open_while_paused,
        blank=True,
        help_text="Organisation types that may still apply while applications are paused.",
    )

    base_form_class = MembershipPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("benefits"),
        FieldPanel("eligibility"),
        FieldPanel("requirements"),
        FieldPanel("commitments"),
        ApplicationsStatePanel(
            [
                FieldPanel("applications_paused"),
                FieldPanel("pause_message"),
                FieldPanel("paused_until"),
                FieldPanel("types_open_while_paused"),
            ],
            heading="State of applications",
        ),
        TranslationStatePanel(
            [
                HelpPanel(
                    "<p>Whether applications are open or paused, until when and for whom, is set on the "
                    "English membership page; this translation follows it as soon as that page is "
                    "published. Only the pause message is translated here.</p>"
                ),
                FieldPanel("pause_message"),
            ],
            heading="State of applications",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("benefits")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def save(self, *args, **kwargs):
        """A translation always says what the English page says about the state of applications."""
        if not self.is_in_default_language() and self.translation_key:
            source = MembershipPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default_language()
            ).first()
            if source is not None:
                for name in APPLICATIONS_STATE:
                    setattr(self, name, getattr(source, name))
        super().save(*args, **kwargs)

    def is_in_default_language(self):
        return self.locale_id is None or language_of(self) == default_language()

    def share_applications_state(self):
        """Called when the English page is published: its translations follow at once."""
        MembershipPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            **{name: getattr(self, name) for name in APPLICATIONS_STATE}
        )

    def kind_for(self, organisation_type):
        """Whether a submission from this type of organisation is an application or an interest."""
        if not self.applications_paused or organisation_type in self.types_open_while_paused:
            return Kind.APPLICATION
        return Kind.INTEREST

    def types_that_apply(self):
        """The organisation types whose form is an application today (the others register interest)."""
        return [value for value in OrganisationType.values if self.kind_for(value) == Kind.APPLICATION]

    @property
    def reopening_date(self):
        """When applications are expected to reopen, only while paused and while that day is still ahead."""
        if self.applications_paused and self.paused_until and self.paused_until >= timezone.localdate():
            return self.paused_until
        return None

    def open_type_labels(self):
        return [label for value, label in OrganisationType.choices if value in self.types_open_while_paused]

    @path("")
    def form(self, request):
        from membership.views import membership_form

        return membership_form(request, self)

    @path("confirmation/")
    def confirmation(self, request):
        from membership.views import confirmation

        return confirmation(request, self)


def live_membership_page(language=None):
    """The live membership page in `language` where it has been translated, else the default
    language's; None when neither is live. One query.

    Without a language, the default language's page: the one where the team states whether
    applications are open (a translation is a copy of it that may lag behind).
    """
    default = default_language()
    wanted = [default] if language in (None, default) else [language, default]
    live = MembershipPage.objects.live().filter(locale__language_code__in=wanted).select_related("locale")
    pages = {page.locale.language_code: page for page in live}
    return next((pages[code] for code in wanted if code in pages), None)


def new_reference():
    """A short reference people can quote; random, so it says nothing about other entries."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "WPGA-" + "".join(secrets.choice(alphabet) for _ in range(8))


def match_key(organisation_name, email):
    """The same organisation and e-mail address, whatever the letter case or spacing: entries
    sharing a key are shown together as possible duplicates. A hash, so the key itself
    repeats no personal data."""
    normalised = " ".join(organisation_name.split()).casefold() + "\n" + email.strip().casefold()
    return hashlib.sha256(normalised.encode()).hexdigest()


class MembershipEnquiry(models.Model):
    """One request for membership or registration of interest: the interest register.

    A public form only ever adds an entry; it never changes one. Sending again makes a new
    entry, grouped with the earlier ones by `match_key` as a possible duplicate.
    """

    reference = models.CharField(max_length=20, unique=True, default=new_reference, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)

    organisation_name = models.CharField("organisation", max_length=200)
    organisation_type = models.CharField(max_length=20, choices=OrganisationType.choices)
    country = CountryField(blank=True, help_text="Optional for international and regional organisations.")
    regions_covered = models.CharField(
        "region or countries covered",
        max_length=300,
        blank=True,
        help_text="For international and regional organisations.",
    )
    website = models.URLField(blank=True, max_length=300)
    contact_name = models.CharField(max_length=120)
    job_title = models.CharField(max_length=120)
    email = models.EmailField("e-mail", max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    senior_lead_name = models.CharField("senior lead", max_length=120, blank=True)
    senior_lead_role = models.CharField("senior lead's role", max_length=120, blank=True)
    working_contact_name = models.CharField("working-level contact", max_length=120, blank=True)
    working_contact_email = models.EmailField("working-level contact's e-mail", max_length=254, blank=True)
    message = models.TextField(max_length=3000, blank=True)
    read_commitments = models.BooleanField("has read the member commitments", default=False)
    privacy_consent = models.BooleanField("consented to the privacy notice", default=False)
    # The site's language the form was sent in (its address's: /ar/membership/ is Arabic). The
    # applicant's e-mails are written in it; entries from before there were languages are English.
    language = models.CharField(max_length=7, choices=settings.LANGUAGES, default="en")

    # One token per form shown: a second POST of the same form finds the first row.
    submission_token = models.CharField(max_length=64, unique=True, editable=False)
    match_key = models.CharField(max_length=64, db_index=True, editable=False, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Who added the entry by hand; empty when it came from the public form.",
    )
    received_at = models.DateTimeField("received", default=timezone.now, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "membership enquiry"
        verbose_name_plural = "membership register"
        permissions = [("export_membershipenquiry", "Can export the membership register")]

    def __str__(self):
        return f"{self.reference} {self.organisation_name}"

    def save(self, *args, **kwargs):
        self.match_key = match_key(self.organisation_name, self.email)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "match_key"}
        super().save(*args, **kwargs)

    def possible_duplicates(self):
        """Other entries from the same organisation and e-mail address, oldest first."""
        return MembershipEnquiry.objects.filter(match_key=self.match_key).exclude(pk=self.pk).order_by("received_at")

    def email_problems(self):
        """What went wrong with this entry's e-mails, for the team: empty when nothing did."""
        return [f"{email.get_email_display()} {email.problem}" for email in self.emails.all() if email.problem]


class EntryChange(models.Model):
    """One change the team made to an entry (its status, or a corrected detail): field,
    before, after, who and when. Shown as the entry's history."""

    enquiry = models.ForeignKey(MembershipEnquiry, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)
    field = models.CharField(max_length=50, help_text="The name of the field changed.")
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        who = self.changed_by.get_username() if self.changed_by else "someone"
        return f"{who} changed {self.field}"


class Note(models.Model):
    """A note the team keeps on an entry: added, never overwritten."""

    enquiry = models.ForeignKey(MembershipEnquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=5000)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self):
        return self.text[:60]


class Erasure(models.Model):
    """An entry erased on request: which reference, who, when and why. No personal data."""

    reference = models.CharField(max_length=20)
    erased_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    erased_by_name = models.CharField("erased by", max_length=150)
    erased_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.reference} erased by {self.erased_by_name}"


class Email(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "E-mail to the applicant"
    TEAM_NOTIFICATION = "team_notification", "Notice to the membership team"
    REOPENING = "reopening", "E-mail that applications reopened"


class Delivery(models.TextChoices):
    QUEUED = "queued", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    RETRYING = "retrying", "Not sent yet: trying again"
    SENT = "sent", "Sent"
    # Handed to the mail server, which never confirmed it: it may well have arrived, so it is
    # not sent again on its own (the team asks the recipient, and may queue it again).
    MAYBE_SENT = "maybe_sent", "May have been sent"
    REFUSED = "refused", "Refused by the mail server"
    GAVE_UP = "gave_up", "Not sent: stopped trying"
    # Possible duplicates share an address: the reopening e-mail goes to it once, for one of them.
    SAME_ADDRESS = "same_address", "Not sent again: its address is e-mailed for another entry"


class EnquiryEmail(models.Model):
    """One e-mail an entry owes someone, and how its sending went: one of each kind per entry.

    The row is written in the same transaction as the entry, so an entry never lacks its
    e-mails; the worker sends them (membership/emails.py) and records each attempt here.
    """

    enquiry = models.ForeignKey(MembershipEnquiry, on_delete=models.CASCADE, related_name="emails")
    email = models.CharField(max_length=20, choices=Email.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.QUEUED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    problem = models.CharField(max_length=300, blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # While "being sent": the worker's claim runs out then, and a claim left by a worker that
    # stopped is released and tried again (membership.emails.release_stalled_emails).
    lease_until = models.DateTimeField(null=True, blank=True)
    # Given once, so every try of this e-mail carries the same: a retry is recognisable as one.
    message_id = models.CharField(max_length=255, default=new_message_id, editable=False)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["enquiry", "email"], name="one_email_of_each_kind")]

    def __str__(self):
        return f"{self.get_email_display()}: {self.get_delivery_display()}"
