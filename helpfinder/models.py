"""Where to report abuse and find help, country by country.

A `Service` is one reporting or support service that editors keep as a snippet. The
`HelpFinderPage` is the How to report abuse page: its own text, then a country chooser that
leads to one page per country (`/how-to-report-abuse/kenya/`) listing that country's services
by need, then the services for every country.

The chosen country is only ever in the address: never stored, logged or put in a cookie.
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from helpfinder import countries
from website.access_log import log_as
from website.alternates import sitemap_alternates
from website.blocks import PageBodyBlock
from website.languages import default_language
from website.models import BasePage
from website.templatetags.site_tags import join_as_list

# An editor re-checks a service at least this often; older ones are listed in the admin's report.
CHECK_EVERY_DAYS = 365


class ServiceKind(models.TextChoices):
    """What a service is for, in the order the finder lists them: reporting first, then support."""

    HOTLINE = "csam_hotline", _("Abuse-material hotline")
    POLICE = "police_report", _("Police reporting")
    HELPLINE = "child_helpline", _("Child helpline")
    REMOVAL = "removal_tool", _("Removal tool")
    SELF_HELP = "perpetrator_help", _("Help for people worried about their own thoughts")
    DIRECTORY = "directory", _("Directory of services")


# The heading a visitor sees for each need, in the same order.
NEEDS = {
    ServiceKind.HOTLINE: _("Report sexual images or videos of a child"),
    ServiceKind.POLICE: _("Report to the police"),
    ServiceKind.HELPLINE: _("Talk to someone: helplines for children and young people"),
    ServiceKind.REMOVAL: _("Get a sexual image of yourself removed"),
    ServiceKind.SELF_HELP: _("If you are worried about your own thoughts or behaviour"),
    ServiceKind.DIRECTORY: _("Find other services"),
}
KIND_ORDER = {kind: position for position, kind in enumerate(ServiceKind)}


class Audience(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    CHILDREN = "children", _("Children and young people")
    ADULTS = "adults", _("Adults")
    PARENTS = "parents", _("Parents and carers")


LANGUAGE_CODES = re.compile(r"^[a-z]{2,3}(\s*,\s*[a-z]{2,3})*$")
# What a phone number is dialled as: a leading + and the digits, before any note in brackets.
DIALLED = re.compile(r"[^\d+]")


def validate_language_codes(value):
    if value and not LANGUAGE_CODES.match(value):
        raise ValidationError("Give two-letter language codes separated by commas, e.g. 'en, sw'.")


class ServiceQuerySet(models.QuerySet):
    def needing_check(self):
        """Services never checked, or last checked more than CHECK_EVERY_DAYS ago (as `needs_checking`)."""
        due = timezone.localdate() - timedelta(days=CHECK_EVERY_DAYS)
        return self.filter(models.Q(last_checked__isnull=True) | models.Q(last_checked__lt=due))

    def country_codes(self):
        """Each country that has services of its own, once (not once per service, as the default
        ordering by kind and name would give)."""
        return self.exclude(country="").order_by("country").values_list("country", flat=True).distinct()


class Service(index.Indexed, models.Model):
    """One reporting or support service: a hotline, a helpline, a police portal, a removal tool…"""

    country = CountryField(
        blank=True,
        help_text="The country the service is for. Leave empty for a service for every country: "
        "it is then listed on every country's page.",
    )
    kind = models.CharField(max_length=20, choices=ServiceKind.choices, help_text="What the service is for.")
    organisation = models.CharField(max_length=200, help_text="Who runs it.")
    name = models.CharField("service name", max_length=200, help_text="The service's own name.")
    url = models.URLField(
        "web address", max_length=500, blank=True, help_text="Where to report or get help, if online."
    )
    phone = models.CharField(
        "phone number",
        max_length=60,
        blank=True,
        help_text="As dialled in the country, e.g. '116 111'. A note in brackets is shown but not dialled: "
        "'1-800-843-5678 (1-800-THE-LOST)'.",
    )
    audience = models.CharField("who it is for", max_length=10, choices=Audience.choices, default=Audience.ANYONE)
    languages = models.CharField(
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text="The languages it works in, as two-letter codes separated by commas, e.g. 'en, sw'. "
        "Leave empty if not known.",
    )
    last_checked = models.DateField(
        null=True,
        blank=True,
        help_text="When an editor last confirmed the service, its address and its number. Empty: never checked. "
        f"Services not checked for {CHECK_EVERY_DAYS // 365} year are listed under Reports › Services to re-check.",
    )
    source = models.URLField(
        "source (not shown to the public)",
        max_length=500,
        blank=True,
        help_text="Where the details were found, for the next check.",
    )
    link_checked_at = models.DateTimeField(
        "web address last tried", null=True, editable=False, help_text="When check_service_links last tried it."
    )
    link_problem = models.CharField(
        "problem with the web address",
        max_length=200,
        blank=True,
        editable=False,
        help_text="What went wrong when the web address was last tried; empty if it answered.",
    )
    seed_key = models.CharField(
        max_length=300,
        unique=True,
        null=True,
        editable=False,
        help_text="The row of the project's list this service was loaded from, so reloading never duplicates it.",
    )
    seeded_as = models.JSONField(
        default=dict,
        editable=False,
        help_text="The values last loaded from the project's list: a field that still has them was never "
        "changed by an editor, so a newer list may update it.",
    )

    objects = ServiceQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("kind"), FieldPanel("organisation"), FieldPanel("name")],
            heading="The service",
        ),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("phone"), FieldPanel("audience"), FieldPanel("languages")],
            heading="How to reach it",
        ),
        MultiFieldPanel([FieldPanel("last_checked"), FieldPanel("source")], heading="Keeping it true"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("country"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["country", "kind", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.url and not self.phone:
            raise ValidationError("Give the service's web address, its phone number or both.")
        if self.phone and not self.dial:
            raise ValidationError({"phone": "Give the number in digits, e.g. '116 111'."})

    @property
    def text_language(self):
        """The language of what editors write: its name, organisation and the notes beside its number.
        Services are not translated, so it is the site's own; the finder marks it on other languages'
        pages (the lang_of filter)."""
        return default_language()

    @property
    def dial(self):
        """The number as a `tel:` link dials it: the digits (and a leading +) before any note."""
        return DIALLED.sub("", self.phone.split("(")[0])

    @property
    def host(self):
        """Where the web address goes, as a reader would say it: 'report.iwf.org.uk'."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")

    @property
    def language_names(self):
        """The languages it works in, named in the reader's language: 'English and Swahili'.

        Django's own catalogues translate the names of the languages it knows; any other is shown as its code.
        """
        codes = [code.strip() for code in self.languages.split(",") if code.strip()]
        names = [gettext(LANG_INFO[code]["name"]) if code in LANG_INFO else code for code in codes]
        return join_as_list(names)

    @property
    def country_name(self):
        return self.country.name if self.country else "Every country"

    @property
    def needs_checking(self):
        return self.last_checked is None or (timezone.localdate() - self.last_checked).days > CHECK_EVERY_DAYS


class HelpFinderPage(RoutablePageMixin, BasePage):
    """How to report abuse: the page's own text and the finder, with a page for every country."""

    search_kind = "Page"

    introduction = models.TextField(
        max_length=400, blank=True, help_text="A short summary shown under the title, in search results and listings."
    )
    finder_heading = models.CharField(
        max_length=120, default="Find help in your country", help_text="The heading above the country chooser."
    )
    emergency_text = models.CharField(
        max_length=250,
        default="If a child is in immediate danger, call your local emergency number now.",
        help_text="Shown first on every country's page.",
    )
    body = StreamField(
        PageBodyBlock(),
        blank=True,
        help_text="The rest of the page, under the finder: what to report and how, and what not to do.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("finder_heading"), FieldPanel("emergency_text")], heading="The finder"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    @path("")
    def finder(self, request):
        """The page itself; choosing a country (?country=kenya) leads to that country's own address."""
        from helpfinder.forms import CountryForm

        form = CountryForm(request.GET) if "country" in request.GET else CountryForm()
        if form.is_bound and form.is_valid():
            return redirect(self.country_url(form.cleaned_data["country"]))
        return self.render(request, context_overrides={"form": form})

    @path("<slug:country>/", name="country")
    def country(self, request, country):
        from helpfinder.forms import CountryForm
        from helpfinder.views import country_context

        code = countries.country_code(country)
        if code is None:
            raise Http404("No such country")
        response = self.render(
            request,
            template="helpfinder/country_page.html",
            context_overrides={
                "form": CountryForm(initial={"country": country}),
                **country_context(self, request, country, code),
            },
        )
        return log_as(response, self.url)  # the server's access log never names the country

    def country_url(self, slug):
        return self.url + self.reverse_subpage("country", args=[slug])

    def services_for(self, code):
        """The country's services and those for every country, in one query, in the finder's order."""
        services = Service.objects.filter(Q(country=code) | Q(country=""))
        return sorted(services, key=lambda service: (KIND_ORDER[service.kind], service.name.casefold()))

    def get_sitemap_urls(self, request=None):
        """The page, then every country that has services of its own (the others list only the global ones),
        each with the same country in the finder's other languages."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        slugs = sorted(countries.country_slug(code) for code in Service.objects.country_codes())
        return urls + [
            {"location": base + slug + "/", "alternates": sitemap_alternates(self, request, route=slug + "/")}
            for slug in slugs
        ]


class RemovedService(models.Model):
    """A service from the project's list that an editor deleted, so that reloading the list never
    brings it back (a service that has closed must stay gone)."""

    seed_key = models.CharField(max_length=300, unique=True)

    def __str__(self):
        return self.seed_key
