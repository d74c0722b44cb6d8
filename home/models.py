from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from website.models import BasePage


class HomePage(BasePage):
    """The front page: the Alliance's mission and where to go next."""

    hero_heading = models.CharField(max_length=120, help_text="The large heading at the top of the home page.")
    mission = models.TextField(max_length=600, help_text="The mission statement, shown under the heading.")

    content_panels = BasePage.content_panels + [FieldPanel("hero_heading"), FieldPanel("mission")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    @property
    def summary_text(self):
        return self.mission


class StandardPage(BasePage):
    """A general page: About, Contact, Privacy notice, How to report abuse..."""

    introduction = models.TextField(
        max_length=400, blank=True, help_text="A short summary shown under the title and in listings."
    )
    body = RichTextField(blank=True, help_text="The main content of the page.")

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    @property
    def summary_text(self):
        return self.introduction
