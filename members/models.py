"""The members directory: who the Alliance's members are, by sector, and the page that lists them.

A member is a snippet with Wagtail's draft and publish: the row holds what the public sees
once an editor publishes it, and the membership team may prepare drafts from the register
(membership/register_views.py) without being able to publish them.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from membership.models import MembershipEnquiry, OrganisationType
from website.models import BasePage, CustomImage

# The Global Alliance Against Child Sexual Abuse Online, which the Alliance grew from, began in 2012.
FIRST_YEAR = 2012
VIEW_REGISTER = "membership.view_membershipenquiry"


class RegisterEntryPanel(HelpPanel):
    """Which register entry a member was added from, linked for those who may read the register only:
    the entry holds personal data that editors never see."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            entry = self.instance.enquiry if self.instance.enquiry_id else None
            self.entry = entry if entry and self.request.user.has_perm(VIEW_REGISTER) else None
            if self.entry:
                url = reverse("membership_membershipenquiry_modeladmin_inspect", args=[self.entry.pk])
                self.content = format_html(
                    '<p>Added from the register entry <a href="{}">{}</a>.</p>', url, entry.reference
                )

        def is_shown(self):
            return self.entry is not None


class Member(DraftStateMixin, RevisionMixin, models.Model):
    """One member organisation as the directory shows it."""

    name = models.CharField(
        "organisation name", max_length=200, help_text="The organisation's name as it should be listed."
    )
    sector = models.CharField(
        max_length=20,
        choices=OrganisationType.choices,
        help_text="The kind of member, as in the membership criteria; the directory groups members by it.",
    )
    country = CountryField(
        blank=True,
        help_text="For a government, its country. Leave empty for an international or regional organisation, "
        "and for a company or organisation whose country the Alliance has not confirmed.",
    )
    region = models.CharField(
        max_length=120,
        blank=True,
        help_text="For an international or regional organisation: where it works, e.g. 'Africa' or 'Worldwide'.",
    )
    website = models.URLField(
        blank=True,
        max_length=300,
        help_text="The organisation's own website (https://…). The members loaded when the site was set up have "
        "none: the sources did not give them. Add one only from the organisation itself.",
    )
    logo = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the organisation's logo, used with its permission. None were loaded at set-up.",
    )
    year_joined = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        help_text="Only if the Alliance has it on record; leave empty otherwise.",
    )
    description = models.TextField(
        max_length=300, blank=True, help_text="Optional: one or two sentences about the organisation."
    )
    visible = models.BooleanField(
        default=True,
        help_text="Untick to keep a published member out of the directory and its counts, e.g. if it asked "
        "not to be listed.",
    )
    source_note = models.TextField(
        "source (not shown to the public)",
        blank=True,
        help_text="Where the fact that it is a member comes from, and the date of that source. Only editors see it.",
    )
    seeded_as = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The name load_initial_content gave this member, so that renaming it never brings the old one back.",
    )
    enquiry = models.OneToOneField(
        MembershipEnquiry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_member",
        editable=False,
        help_text="The register entry this member was added from (never shown to the public).",
    )

    panels = [
        RegisterEntryPanel(),
        FieldPanel("name"),
        FieldPanel("sector"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("region")], heading="Where"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("year_joined"),
        FieldPanel("description"),
        FieldPanel("visible"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "<p>For editors only: the public never sees this note. Say where the membership is "
                    "confirmed (a page, a letter, the register) and the date of that source.</p>"
                ),
                FieldPanel("source_note"),
            ],
            heading="Source",
        ),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.year_joined and self.year_joined > timezone.localdate().year:
            raise ValidationError({"year_joined": "The year a member joined cannot be in the future."})

    @property
    def place(self):
        """Where the member is, as the directory says it: its region, or failing that its country
        (not for a government listed under its country's name, which would say it twice)."""
        place = self.region or (self.country.name if self.country else "")
        return "" if place == self.name else place

    @classmethod
    def listed(cls):
        """What the public sees: published, visible members, with their logos."""
        return cls.objects.filter(live=True, visible=True).select_related("logo")

    @classmethod
    def already_listed(cls, entry):
        """The members a register entry may already be, besides one made from it: any of the same
        name, whatever its letter case, and, for a government, its country's government."""
        same = models.Q(name__iexact=" ".join(entry.organisation_name.split()))
        if entry.organisation_type == OrganisationType.GOVERNMENT and entry.country:
            same |= models.Q(sector=OrganisationType.GOVERNMENT, country=entry.country)
        return cls.objects.filter(same).exclude(enquiry=entry)

    @classmethod
    def draft_from_entry(cls, entry, user):
        """A draft member prefilled from a register entry, linked to it; an editor publishes it."""
        member = cls(
            name=entry.organisation_name,
            sector=entry.organisation_type,
            country=entry.country,
            region=entry.regions_covered[:120],
            website=entry.website,
            source_note=f"Added from the membership register, entry {entry.reference} "
            f"(received {entry.received_at:%-d %B %Y}).",
            enquiry=entry,
            live=False,
        )
        member.save()
        member.save_revision(user=user, log_action="wagtail.create", clean=False)  # the editor completes it
        return member


class MembersDirectoryPage(BasePage):
    """The directory: published, visible members by sector, filtered by sector, region and country."""

    search_kind = _("Directory")

    introduction = models.TextField(max_length=600, help_text="A short introduction above the list of members.")

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        HelpPanel(
            "<p>Members are listed from <b>Snippets &gt; Members</b>: only published members ticked "
            "'visible' appear. The directory began with the members the Alliance's public sources confirm by name, "
            "which is far from all of them; add the others as they are confirmed.</p>",
            heading="Where the members come from",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        from members.directory import filtered_directory

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_directory(request))
        return context
