"""News and insights: articles with their authors and topics, the index with its filters, and feeds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from news.blocks import ArticleBodyBlock
from website.models import BasePage


class Author(models.Model):
    """Someone who writes for the site; chosen on each article, in order."""

    name = models.CharField(max_length=120, help_text="The author's name as readers see it.")
    role = models.CharField(max_length=120, blank=True, help_text="Optional: their role, e.g. 'Executive Director'.")
    organisation = models.CharField(
        max_length=120, blank=True, help_text="Optional: their organisation, e.g. 'WeProtect Global Alliance'."
    )
    photo = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a portrait, only with the person's permission. Shown small beside the bio.",
    )
    bio = models.TextField(max_length=400, blank=True, help_text="Optional: one or two sentences about them.")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def description(self):
        """'Executive Director, WeProtect Global Alliance', or as much of it as is known."""
        return ", ".join(part for part in (self.role, self.organisation) if part)


class ArticleKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("kind of article", "News")
    OPINION = "opinion", _("Opinion")
    CASE_STUDY = "case_study", _("Case study")
    STATEMENT = "statement", _("Statement")


class ArticleTopic(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticleAuthor(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="+", help_text="Choose an author, or add one under Authors."
    )

    panels = [FieldPanel("author")]


class ArticlePage(BasePage):
    """A news item, an opinion, a case study or a statement."""

    search_kind = _("Article")
    NEWEST_FIRST = ("-date", "-first_published_at", "-pk")

    kind = models.CharField(
        max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS, help_text="What kind of article this is."
    )
    date = models.DateField(
        default=datetime.date.today,
        help_text="The publication date readers see, and the order of the news list. To publish it later, "
        "set 'Go-live date' under Publish instead: this date is only what the article says.",
    )
    summary = models.TextField(
        max_length=600, help_text="The introduction: one or two sentences shown under the title, in lists and feeds."
    )
    lead_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a picture at the top of the article.",
    )
    lead_image_alt = models.CharField(
        "lead image alt text",
        max_length=250,
        blank=True,
        help_text="Describe what the lead image shows for people who cannot see it (needed with a lead image).",
    )
    topics = ClusterTaggableManager(
        through=ArticleTopic, blank=True, help_text="Topics, for the news filter and the topic feeds."
    )
    related_capabilities = ParentalManyToManyField(
        "resources.CapabilityPage",
        blank=True,
        related_name="articles",
        help_text="The Model National Response capabilities this article is about.",
    )
    related_resources = ParentalManyToManyField(
        "resources.ResourcePage",
        blank=True,
        related_name="articles",
        help_text="Publications in the library this article is about.",
    )
    body = StreamField(ArticleBodyBlock(), blank=True, help_text="The article, built from blocks.")
    original_url = models.URLField(
        "original on weprotect.org",
        max_length=500,
        blank=True,
        help_text="Optional: the address of the original on weprotect.org, linked as 'Read the original'.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("date")], heading="About the article"),
        InlinePanel(
            "article_authors",
            label="Author",
            heading="Authors",
            help_text="In the order they are credited. Leave empty when the article is the Alliance's own.",
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading="Lead image"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("related_capabilities"),
        FieldPanel("related_resources"),
        FieldPanel("original_url"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    @property
    def summary_text(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError({"lead_image_alt": "Describe the lead image for people who cannot see it."})

    @classmethod
    def listing(cls):
        """Live articles, newest first, with their topics and authors in a fixed number of queries."""
        return (
            cls.objects.live()
            .defer_streamfields()
            .order_by(*cls.NEWEST_FIRST)
            .prefetch_related(
                Prefetch("tagged_items", queryset=ArticleTopic.objects.select_related("tag")),
                Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
            )
        )

    @cached_property
    def topic_list(self):
        """The topics, from what listing() prefetched; get_context fetches them for the article itself."""
        return sorted((item.tag for item in self.tagged_items.all()), key=lambda tag: tag.name)

    @cached_property
    def author_list(self):
        return [item.author for item in self.article_authors.all()]

    @property
    def published_at(self):
        """The article's date as a moment (midnight in the site's zone), for feeds and structured data."""
        from django.utils import timezone

        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    def get_context(self, request, *args, **kwargs):
        from website.cache import cached_for_content

        context = super().get_context(request, *args, **kwargs)
        self.author_list = context["authors"] = [
            item.author
            for item in self.article_authors.select_related("author__photo").prefetch_related(
                "author__photo__renditions"
            )
        ]
        self.topic_list = context["topics"] = sorted(
            (item.tag for item in self.tagged_items.select_related("tag")), key=lambda tag: tag.name
        )
        # In a preview or a draft these are the editor's unsaved choices, a modelcluster FakeQuerySet:
        # it filters and orders like a query set, but has no PageQuerySet.live().
        context["capabilities"] = self.related_capabilities.filter(live=True).order_by("number")
        context["resources"] = self.related_resources.filter(live=True).order_by("-publication_date")
        # The index, for topic links and feeds: the same for every article, so kept with the menu.
        parent_path = self.path[: -self.steplen]
        context["index"] = cached_for_content(
            f"news-index:{parent_path}", lambda: NewsIndexPage.objects.filter(path=parent_path).first()
        )
        return context


class NewsIndexPage(RoutablePageMixin, BasePage):
    """All articles, newest first, with filters, and the RSS and Atom feeds as routes of its own."""

    search_kind = pgettext_lazy("search result kind", "News")

    introduction = models.TextField(max_length=600, help_text="A short introduction above the list of articles.")

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        HelpPanel(
            "<p>The news began with the items from weprotect.org whose exact date and address could be "
            "confirmed, each linking to its original; none names an author, so none is credited. Others are "
            "known but were left out for want of an exact date: 'Our 2024 priorities' (early 2024), the "
            "Global Ministerial Conference on Violence Against Children (mid-2024), 'Latest developments on "
            "tackling financial sexual extortion' (2024), 'Reflections on 2025' (December 2025), 'A major "
            "step forwards for WeProtect Global Alliance' and 'Argentina is the 100th government to join' "
            "(undated). Add them as articles once you have their dates.</p>",
            heading="What is not here yet",
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        from news.listing import filtered_articles

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_articles(request, self))
        return context

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from news.feeds import ArticleFeed

        return ArticleFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from news.feeds import AtomArticleFeed

        return AtomArticleFeed(self)(request)

    @path("topics/<slug:topic>/feed/", name="topic_feed")
    def topic_rss_feed(self, request, topic):
        from news.feeds import ArticleFeed

        return ArticleFeed(self, self.topic_or_404(topic))(request)

    @path("topics/<slug:topic>/feed/atom/", name="topic_atom_feed")
    def topic_atom_feed(self, request, topic):
        from news.feeds import AtomArticleFeed

        return AtomArticleFeed(self, self.topic_or_404(topic))(request)

    def topic_or_404(self, slug):
        """The topic with that slug, if some live article here has it: no feed for a topic never used."""
        topic = ArticleTopic.objects.filter(
            tag__slug=slug, content_object__in=ArticlePage.objects.child_of(self).live()
        ).select_related("tag")
        found = topic.first()
        if found is None:
            raise Http404("No article has this topic.")
        return found.tag

    def feed_urls(self, topic=None, request=None, full=False):
        """(RSS, Atom) addresses of the feed of everything, or of one topic."""
        names, kwargs = ("feed", "atom_feed"), None
        if topic is not None:
            names, kwargs = ("topic_feed", "topic_atom_feed"), {"topic": topic.slug}
        base = self.get_full_url(request=request) if full else self.get_url(request=request)
        return tuple(base + self.reverse_subpage(name, kwargs=kwargs) for name in names)
