from django.core.validators import MaxValueValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from website.blocks import RICH_TEXT_FEATURES, FigureBlock, LinkBlock, PageBodyBlock
from website.models import BasePage


class FocusAreaBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, help_text="The area of work, in a few words.")
    text = blocks.TextBlock(max_length=400, help_text="One or two sentences on what the Alliance does there.")


class HomePage(BasePage):
    """The front page: the Alliance's mission and where to go next. Every word is editable."""

    hero_heading = models.CharField(max_length=120, help_text="The large heading at the top of the home page.")
    mission = models.TextField(max_length=600, help_text="The mission statement, shown under the heading.")
    hero_actions = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=3,
        help_text="Buttons under the mission statement, e.g. Membership and the Model National Response.",
    )
    figures = StreamField(
        [("figure", FigureBlock())], blank=True, max_num=6, help_text="Headline figures: a number and what it counts."
    )
    focus_heading = models.CharField(
        max_length=120, default="What we do", help_text="Heading above the areas of work."
    )
    focus_areas = StreamField(
        [("area", FocusAreaBlock())], blank=True, max_num=6, help_text="The Alliance's areas of work."
    )
    members_heading = models.CharField(
        max_length=120,
        default="What member countries work to do",
        help_text="Heading above the list of what member countries commit to.",
    )
    members_work = StreamField(
        [("item", blocks.CharBlock(max_length=200, label="Aim"))],
        blank=True,
        help_text="One short aim per item.",
    )
    partnership_heading = models.CharField(
        max_length=120, blank=True, help_text="Heading of the partnership section, e.g. the Fund's name."
    )
    partnership_text = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="About the partnership with the Fund."
    )
    resources_heading = models.CharField(
        max_length=120, default="Latest resources", help_text="Heading above the newest resources."
    )
    news_heading = models.CharField(
        max_length=120, default="Latest news", help_text="Heading above the newest articles."
    )
    news_count = models.PositiveSmallIntegerField(
        default=3,
        validators=[MaxValueValidator(6)],
        help_text="How many of the newest articles to show (0 shows none and hides the section).",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("mission"), FieldPanel("hero_actions")], "Hero"),
        FieldPanel("figures"),
        MultiFieldPanel([FieldPanel("focus_heading"), FieldPanel("focus_areas")], "Areas of work"),
        MultiFieldPanel([FieldPanel("members_heading"), FieldPanel("members_work")], "Member countries"),
        MultiFieldPanel([FieldPanel("partnership_heading"), FieldPanel("partnership_text")], "Partnership"),
        FieldPanel("resources_heading"),
        MultiFieldPanel([FieldPanel("news_heading"), FieldPanel("news_count")], "Latest news"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("mission"), index.SearchField("partnership_text")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    @property
    def summary_text(self):
        return self.mission


class StandardPage(BasePage):
    """A general page: About, Contact, Privacy notice, How to report abuse and the like."""

    introduction = models.TextField(
        max_length=400, blank=True, help_text="A short summary shown under the title, in search results and listings."
    )
    body = StreamField(PageBodyBlock(), blank=True, help_text="The content of the page, built from blocks.")

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    @property
    def summary_text(self):
        return self.introduction
