"""The Model National Response (framework > area > capability) and the resource library."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import RICH_TEXT_FEATURES, BodyBlock
from website.models import BasePage


class MnrFrameworkPage(BasePage):
    """The Model National Response's landing page: what it is, who it is for, its six areas."""

    search_kind = "Framework"

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
        return context


class CapabilityAreaPage(BasePage):
    """One of the six areas of the framework, with its outcome."""

    search_kind = "Framework area"

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

    search_kind = "Capability"

    number = models.PositiveSmallIntegerField(unique=True, help_text="The capability's number, 1 to 21.")
    summary = models.CharField(max_length=250, help_text="One line on what the capability is.")
    definition = RichTextField(features=RICH_TEXT_FEATURES, help_text="Definition: what the capability is.")
    why_needed = RichTextField(features=RICH_TEXT_FEATURES, help_text="Why is it needed.")
    good_practice = RichTextField(features=RICH_TEXT_FEATURES, help_text="What good practice looks like.")
    guidance = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="More guidance and support: where to find help."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("definition"),
        FieldPanel("why_needed"),
        FieldPanel("good_practice"),
        FieldPanel("guidance"),
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

    @property
    def summary_text(self):
        return self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        neighbours = {
            page.number: page
            for page in CapabilityPage.objects.live().filter(number__in=[self.number - 1, self.number + 1])
        }
        context["previous"] = neighbours.get(self.number - 1)
        context["next"] = neighbours.get(self.number + 1)
        context["area"] = self.get_parent()
        context["related_resources"] = (
            ResourcePage.objects.live().filter(related_capabilities=self).order_by("-publication_date")[:6]
        )
        return context


class ResourceType(models.TextChoices):
    REPORT = "report", "Report"
    BRIEFING = "briefing", "Briefing"
    FRAMEWORK = "framework", "Framework"
    GUIDANCE = "guidance", "Guidance"
    CASE_STUDY = "case_study", "Case study"


LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("ar", "Arabic"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
]


class ResourceIndexPage(BasePage):
    """The library: every resource, newest first, with filters and a keyword search."""

    search_kind = "Library"

    introduction = models.TextField(max_length=600, help_text="A short introduction above the list of resources.")

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
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


class ResourcePage(BasePage):
    """A publication: what it is, who published it and when, and its downloads."""

    search_kind = "Resource"

    resource_type = models.CharField(
        "type", max_length=20, choices=ResourceType.choices, help_text="What kind of publication this is."
    )
    publication_date = models.DateField(help_text="When it was published.")
    publisher = models.CharField(max_length=200, default="WePROTECT Global Alliance", help_text="Who published it.")
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
            [FieldPanel("resource_type"), FieldPanel("publication_date"), FieldPanel("publisher")],
            heading="About the publication",
        ),
        FieldPanel("summary"),
        FieldPanel("content_warning"),
        FieldPanel("cover_image"),
        FieldPanel("topics"),
        FieldPanel("related_capabilities"),
        InlinePanel("documents", heading="Downloads", label="Download", min_num=1),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.FilterField("resource_type")]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    @property
    def summary_text(self):
        return self.summary

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
        context["documents"] = self.documents.select_related("document")
        context["capabilities"] = self.related_capabilities.live().order_by("number")
        return context

    @cached_property
    def topic_names(self):
        return sorted(item.tag.name for item in self.tagged_items.all())


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
