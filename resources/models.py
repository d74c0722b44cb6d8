"""The Model National Response (framework > area > capability) and the resource library."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import RICH_TEXT_FEATURES, BodyBlock
from website.models import BasePage


class MnrFrameworkPage(BasePage):
    """The Model National Response's landing page: what it is, who it is for, its six areas."""

    search_kind = _("Framework")

    introduction = models.TextField(max_length=600, help_text="What the Model National Response is, in brief.")
    body = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="Who the framework is for and how to use it."
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.CapabilityAreaPage"]
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas = list(CapabilityAreaPage.objects.child_of(self).live().order_by("path"))
        capabilities = CapabilityPage.objects.descendant_of(self).live().order_by("number")
        by_area = {area.path: [] for area in areas}
        for capability in capabilities:
            by_area.setdefault(capability.path[: -CapabilityPage.steplen], []).append(capability)
        for area in areas:
            area.capability_list = by_area[area.path]
        context["areas"] = areas
        # A new page being previewed is not saved yet, so has no PDF to filter by.
        context["pdf"] = MnrPdf.objects.filter(framework=self).select_related("document").first() if self.pk else None
        return context


class CapabilityAreaPage(BasePage):
    """One of the six areas of the framework, with its outcome."""

    search_kind = _("Framework area")

    outcome = models.TextField(max_length=600, help_text="The outcome a country achieves in this area.")
    introduction = models.TextField(max_length=600, blank=True, help_text="Optional: more about this area.")

    content_panels = BasePage.content_panels + [FieldPanel("outcome"), FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("outcome")]
    parent_page_types = ["resources.MnrFrameworkPage"]
    subpage_types = ["resources.CapabilityPage"]

    @property
    def summary_text(self):
        return self.outcome

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["capabilities"] = CapabilityPage.objects.child_of(self).live().order_by("number")
        return context


class CapabilityPage(BasePage):
    """One of the 21 capabilities, in the same four parts as every other."""

    search_kind = _("Capability")

    # Unique in each language (clean): a translation keeps its capability's number.
    number = models.PositiveSmallIntegerField(help_text="The capability's number, 1 to 21.")
    summary = models.CharField(max_length=250, help_text="One line on what the capability is.")
    definition = RichTextField(features=RICH_TEXT_FEATURES, help_text="Definition: what the capability is.")
    why_needed = RichTextField(features=RICH_TEXT_FEATURES, help_text="Why is it needed.")
    good_practice = RichTextField(features=RICH_TEXT_FEATURES, help_text="What good practice looks like.")
    guidance = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="More guidance and support: where to find help."
    )
    links_to_help_finder = models.BooleanField(
        "link to the help finder",
        default=False,
        help_text="Offer the finder of reporting and support services by country, for a capability that "
        "a visitor might read while looking for a hotline, a helpline or somewhere to report.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("definition"),
        FieldPanel("why_needed"),
        FieldPanel("good_practice"),
        FieldPanel("guidance"),
        FieldPanel("links_to_help_finder"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("definition"),
        index.SearchField("good_practice"),
    ]
    parent_page_types = ["resources.CapabilityAreaPage"]
    subpage_types = []

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        super().clean()
        taken = CapabilityPage.objects.filter(number=self.number, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.number is not None and taken.exists():
            raise ValidationError({"number": f"Capability {self.number} already exists in this language."})

    @property
    def summary_text(self):
        return self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        neighbours = {
            page.number: page
            for page in CapabilityPage.objects.live().filter(
                number__in=[self.number - 1, self.number + 1], locale_id=self.locale_id
            )
        }
        context["previous"] = neighbours.get(self.number - 1)
        context["next"] = neighbours.get(self.number + 1)
        context["area"] = self.get_parent()
        # A new page being previewed is not saved yet, so nothing refers to it.
        context["related_resources"] = (
            ResourcePage.objects.live().filter(related_capabilities=self).order_by("-publication_date")[:6]
            if self.pk
            else []
        )
        return context


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    BRIEFING = "briefing", _("Briefing")
    FRAMEWORK = "framework", _("Framework")
    STRATEGY = "strategy", _("Strategy")
    STATEMENT = "statement", _("Statement")
    GUIDANCE = "guidance", _("Guidance")
    CASE_STUDY = "case_study", _("Case study")


LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
]
LANGUAGE_NAMES = dict(LANGUAGES)


class DatePrecision(models.TextChoices):
    """How much of a publication date the source gives: a date is shown, and kept, no more precisely."""

    DAY = "day", "Day (shown as 20 December 2023)"
    MONTH = "month", "Month (shown as February 2018)"
    YEAR = "year", "Year only (shown as 2019)"


# How each precision is shown to visitors, and written in a <time datetime> attribute.
DATE_FORMATS = {DatePrecision.DAY: "j F Y", DatePrecision.MONTH: "F Y", DatePrecision.YEAR: "Y"}
MACHINE_DATE_FORMATS = {DatePrecision.DAY: "Y-m-d", DatePrecision.MONTH: "Y-m", DatePrecision.YEAR: "Y"}


def validate_language_codes(codes):
    unknown = [code for code in codes if code not in LANGUAGE_NAMES]
    if not isinstance(codes, list) or unknown:
        raise ValidationError("Choose languages from the list.")


class LanguagesField(models.JSONField):
    """A list of language codes, chosen with a checkbox each.

    Stored as JSON, which SQLite and PostgreSQL both hold; the library finds a language in it
    with a portable text match on the quoted code (resources/library.py).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("validators", [validate_language_codes])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=LANGUAGES,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=kwargs.get("widget") or forms.CheckboxSelectMultiple,
        )


class ResourceIndexPage(BasePage):
    """The library: every resource, newest first, with filters and a keyword search."""

    search_kind = _("Library")

    introduction = models.TextField(max_length=600, help_text="A short introduction above the list of resources.")

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        HelpPanel(
            "<p>The library began with those of the Alliance's publications whose date and official page could be "
            "confirmed. Others are known but were left out for want of one or the other: the Global Threat "
            "Assessments of 2018 and 2019, the Model National Response Maturity Model and the participation "
            "guidance. Add them as resources once you have their official page (or the file) and date.</p>",
            heading="What is not here yet",
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        from resources.library import filtered_library

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_library(request, self))
        return context


class ResourceTopic(TaggedItemBase):
    content_object = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items")


class ResourcePageForm(WagtailAdminPageForm):
    """A resource must lead somewhere: to its official page, to a download, or to both."""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("official_url") and not self.has_downloads() and "official_url" not in self.errors:
            self.add_error(
                "official_url",
                "Give the address of the publication's official page, or add at least one download below: "
                "without either, visitors have no way to read it.",
            )
        return cleaned_data

    def has_downloads(self):
        formset = self.formsets["documents"]
        return any(
            form.is_valid() and form.cleaned_data.get("document") and not form.cleaned_data.get("DELETE")
            for form in formset.forms
        )


class ResourcePage(BasePage):
    """A publication: what it is, who published it and when, and where to read it."""

    base_form_class = ResourcePageForm

    search_kind = _("Resource")

    resource_type = models.CharField(
        "type", max_length=20, choices=ResourceType.choices, help_text="What kind of publication this is."
    )
    publication_date = models.DateField(
        help_text="When it was published. If only the month or the year is known, pick any day in it "
        "and say so below: the date is kept and shown no more precisely than that."
    )
    date_precision = models.CharField(
        "date known to the",
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the publication date is known.",
    )
    publisher = models.CharField(
        max_length=200, default="WeProtect Global Alliance", help_text="Who published it, as the publication says."
    )
    official_url = models.URLField(
        "official page",
        max_length=500,
        blank=True,
        help_text="The publication's own page on the publisher's website, e.g. https://www.weprotect.org/…. "
        "A resource needs this, or at least one download, or both.",
    )
    languages = LanguagesField(
        blank=True,
        help_text="The languages the publisher offers it in, on its official page or here. Tick only those "
        "you have seen; the language of each download is set with the download.",
    )
    topics = ClusterTaggableManager(through=ResourceTopic, blank=True, help_text="Topics, for the library's filter.")
    related_capabilities = ParentalManyToManyField(
        "resources.CapabilityPage",
        blank=True,
        related_name="resources",
        help_text="The Model National Response capabilities this resource supports.",
    )
    summary = models.TextField(max_length=600, help_text="A short summary, shown in listings and search results.")
    body = StreamField(BodyBlock(), blank=True, help_text="More about the resource.")
    cover_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the publication's cover.",
    )
    content_warning = models.BooleanField(
        default=False,
        help_text="Tick if the resource describes abuse in ways that may distress readers: a notice is shown first.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("publication_date"),
                FieldPanel("date_precision"),
                FieldPanel("publisher"),
                FieldPanel("languages"),
            ],
            heading="About the publication",
        ),
        FieldPanel("summary"),
        FieldPanel("content_warning"),
        FieldPanel("cover_image"),
        FieldPanel("topics"),
        FieldPanel("related_capabilities"),
        MultiFieldPanel(
            [FieldPanel("official_url"), InlinePanel("documents", label="Download")],
            heading="Where to read it",
            help_text="The official page, one or more downloads, or both.",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.FilterField("resource_type")]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    @property
    def summary_text(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.publication_date:  # kept no more precisely than known, so sorting never invents a day
            self.publication_date = truncate_date(self.publication_date, self.date_precision)

    @property
    def publication_date_label(self):
        return date_format(self.publication_date, DATE_FORMATS[self.date_precision])

    @property
    def publication_date_machine(self):
        """For <time datetime>: 2019, 2018-02 or 2023-12-20."""
        return date_format(self.publication_date, MACHINE_DATE_FORMATS[self.date_precision])

    @property
    def official_site(self):
        """The official page's host without "www.", named in the link so it says where it goes."""
        host = urlsplit(self.official_url).hostname or ""
        return host.removeprefix("www.")

    @classmethod
    def listing(cls):
        """Live resources, newest first, with what a list shows fetched in a fixed number of queries."""
        return (
            cls.objects.live()
            .defer_streamfields()
            .order_by("-publication_date", "-pk")
            .prefetch_related(Prefetch("tagged_items", queryset=ResourceTopic.objects.select_related("tag")))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = documents = list(self.documents.select_related("document"))
        context["language_names"] = self.language_names(documents)
        # A preview's or a draft's unsaved choices (a FakeQuerySet) have no live(), only filter().
        context["capabilities"] = self.related_capabilities.filter(live=True).order_by("number")
        return context

    def language_names(self, documents):
        """Every language it is offered in: those ticked for the publication and those of its downloads."""
        codes = set(self.languages) | {item.language for item in documents}
        return [name for code, name in LANGUAGES if code in codes]

    @cached_property
    def topic_names(self):
        return sorted(item.tag.name for item in self.tagged_items.all())


def truncate_date(day, precision):
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    return day


class ResourceDocument(Orderable):
    """One downloadable file of a resource, in one language."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", help_text="The file to download."
    )
    language = models.CharField(max_length=5, choices=LANGUAGES, default="en", help_text="The file's language.")

    panels = [FieldPanel("document"), FieldPanel("language")]

    def __str__(self):
        return f"{self.document.title} ({self.get_language_display()})"


class MnrPdf(models.Model):
    """The Model National Response as one PDF, which the site builds from its own framework,
    area and capability pages (resources/mnr_pdf.py) and offers on the framework page.

    A table of its own rather than a field on the page, so rebuilding the file never touches
    the page or its revisions.
    """

    framework = models.OneToOneField(MnrFrameworkPage, on_delete=models.CASCADE, related_name="pdf")
    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64, help_text="A digest of the published text it was built from.")
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Model National Response PDF"

    def __str__(self):
        return f"{self.document.title} (built {self.built_at:%Y-%m-%d %H:%M})"
