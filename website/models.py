"""The site-wide pieces every app shares: the image model, BasePage and site settings."""

import os

from django.db import models
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page

from website.alternates import sitemap_alternates


class CustomImage(AbstractImage):
    """The project's image model, so fields can be added later without a data move."""

    admin_form_fields = Image.admin_form_fields


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        """A name no earlier rendition had: renditions are cached for a year as immutable, and
        Wagtail's own names repeat when an image is re-uploaded or its long name is cut short."""
        stem, extension = os.path.splitext(filename)
        return super().get_upload_to(f"{stem}.{get_random_string(8)}{extension}")


# Search engines show about this many characters of a page's title and cut the rest.
TITLE_LENGTH = 70


class BasePageForm(WagtailAdminPageForm):
    """The page editor's form for every public page: a title for search engines that fits."""

    def clean(self):
        cleaned = super().clean()
        seo_title = cleaned.get("seo_title") or ""
        if len(seo_title) > TITLE_LENGTH:
            self.add_error(
                "seo_title",
                f"Shorten the title for search engines to {TITLE_LENGTH} characters or fewer "
                f"(it has {len(seo_title)}): search engines cut off the rest.",
            )
        return cleaned


class BasePage(Page):
    """What every public page shares: search-engine and social-sharing fields."""

    # What a search result says the page is, above its title.
    search_kind = _("Page")

    social_image = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (1200 x 630 pixels works best).",
    )

    base_form_class = BasePageForm
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text=f"Optional: the page's name in search results, {TITLE_LENGTH} characters or fewer. "
                    "Without one, the title is used, followed by the Alliance's name where it fits.",
                ),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading="Search engines and sharing",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Navigation"),
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Find the page at the end of the path in one query, not two per level of the tree.

        Falls back to Wagtail's walk when no page has that exact path, so pages that
        route further themselves (the membership page's confirmation) still work.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        """The page's entry in the sitemap, with the page in each of its languages and x-default."""
        alternates = sitemap_alternates(self, request)
        return [{**url, "alternates": alternates} for url in super().get_sitemap_urls(request)]

    def get_meta_description(self):
        """The description for search engines and link previews."""
        return self.search_description or getattr(self, "summary_text", "")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details, links and the quick-exit target, editable under Settings."""

    # No address is made up: until an administrator enters the Alliance's real ones, the site
    # shows none and the launch checklist on the dashboard (website/launch.py) says so.
    contact_email = models.EmailField(
        blank=True,
        help_text="The public contact address, shown in the footer and on the contact page. Leave empty to show none.",
    )
    membership_team_email = models.EmailField(
        blank=True,
        help_text=(
            "Where new membership requests and registrations of interest are notified; replies to the "
            "applicants' e-mails go here too. Shown on pages that invite people to contact the team."
        ),
    )
    quick_exit_url = models.URLField(
        default="https://www.bbc.co.uk/weather",
        help_text="The neutral site the 'Exit this page' button goes to.",
    )
    default_social_image = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without its own sharing image is shared on social media (1200 x 630 pixels).",
    )
    linkedin_url = models.URLField(blank=True, help_text="The Alliance's LinkedIn page.")
    x_url = models.URLField(blank=True, verbose_name="X (Twitter) URL", help_text="The Alliance's X account.")
    youtube_url = models.URLField(blank=True, help_text="The Alliance's YouTube channel.")
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and the membership form.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer.",
    )
    report_abuse_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page explaining how to report abuse, linked from the footer.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The contact page, linked from the footer.",
    )

    # The footer shows these pages on every request: fetch them with the settings.
    select_related = [
        "privacy_page",
        "accessibility_page",
        "report_abuse_page",
        "contact_page",
        "default_social_image",
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("membership_team_email")], heading="E-mail addresses"
        ),
        FieldPanel("quick_exit_url"),
        MultiFieldPanel(
            [
                FieldPanel("default_social_image"),
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social media",
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("report_abuse_page"),
                FieldPanel("contact_page"),
            ],
            heading="Footer pages",
        ),
    ]

    class Meta:
        verbose_name = "Site settings"
