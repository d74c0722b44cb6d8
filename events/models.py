"""Events and summits: an event page per event, and the index that lists them.

Times are stored in UTC and typed, and shown, as local times of the event's own zone
(the page form converts, events/when.py formats). Each page, and the index's list of
upcoming events, is also an iCalendar file (events/calendar.py).
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index

from events import when
from website.blocks import BodyBlock
from website.models import BasePage, BasePageForm, CustomImage
from website.pagination import listing_page

LOCAL_TIME_HELP = (
    "Type it as the local time where the event happens, in the time zone chosen above; it is stored in UTC."
)


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    WEBINAR = "webinar", _("Webinar")
    MEETING = "meeting", _("Meeting")


# Each kind in the plural: as the filter's choice, and within a sentence ("No upcoming summits").
# Whole words, not an added "s", so that every language can say them its own way.
EVENT_KIND_PLURALS = {
    EventKind.SUMMIT: (_("Summits"), _("summits")),
    EventKind.WEBINAR: (_("Webinars"), _("webinars")),
    EventKind.MEETING: (_("Meetings"), _("meetings")),
}


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class SessionBlock(blocks.StructBlock):
    time = blocks.CharBlock(
        required=False,
        max_length=40,
        help_text="Local time of the event's zone, e.g. '09:30' or '09:30–10:15'. Optional.",
    )
    title = blocks.CharBlock(max_length=200)
    description = blocks.TextBlock(required=False, max_length=1000)

    class Meta:
        icon = "time"


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    role = blocks.CharBlock(required=False, max_length=160, help_text="e.g. 'Executive Director'.")
    organisation = blocks.CharBlock(required=False, max_length=160)
    photo = ImageChooserBlock(required=False, help_text="Optional: a portrait, shown small beside the name.")

    class Meta:
        icon = "user"


class AgendaBlock(blocks.StreamBlock):
    day = blocks.DateBlock(help_text="Starts a new day of the agenda; the sessions below belong to it.")
    session = SessionBlock()


def local_naive(moment, zone):
    """A stored UTC moment as the wall-clock time of `zone`, without a zone: what the editor typed."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


class EventPageForm(BasePageForm):
    """Editors type local times of the event's zone; the page stores them in UTC."""

    time_fields = ("start", "end", "registration_deadline")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        for name in self.time_fields:
            if getattr(event, name, None) and name in self.fields:
                self.initial[name] = local_naive(getattr(event, name), event.time_zone)
        if event.all_day and event.end:
            # Stored as the midnight after the last day; the editor sees the last day itself.
            self.initial["end"] = self.initial["end"] - datetime.timedelta(days=1)

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        if not zone:
            return cleaned
        # The form field read the typed text as a time in the site's zone (UTC); take it as
        # typed and place it in the event's zone instead.
        typed = {name: timezone.make_naive(cleaned[name]) for name in self.time_fields if cleaned.get(name)}
        for name, value in typed.items():
            cleaned[name] = self.in_zone(name, value, zone)
        if "start" in typed and "end" in typed:
            self.check_order(cleaned, typed, zone)
        return cleaned

    def in_zone(self, name, typed, zone):
        tz = ZoneInfo(zone)
        moment = typed.replace(tzinfo=tz).astimezone(datetime.UTC)
        if local_naive(moment, zone) != typed:
            self.add_error(name, f"{typed:%H:%M} does not exist on that day in {zone}: the clocks go forward then.")
        return moment

    def check_order(self, cleaned, typed, zone):
        if cleaned.get("all_day"):
            if typed["end"].date() < typed["start"].date():
                self.add_error("end", "The last day must be on or after the first day.")
                return
            cleaned["start"], cleaned["end"] = when.all_day_bounds(typed["start"].date(), typed["end"].date(), zone)
        elif cleaned["end"] <= cleaned["start"]:
            self.add_error("end", "The end must be after the start.")


class EventPage(RoutablePageMixin, BasePage):
    """One event: when and where (in its own time zone), how to register, its agenda and speakers."""

    base_form_class = EventPageForm
    search_kind = _("Event")

    kind = models.CharField(max_length=10, choices=EventKind.choices, default=EventKind.SUMMIT)
    status = models.CharField(
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Postponed and cancelled are shown prominently on the page, in the list and in calendar files.",
    )
    time_zone = models.CharField(
        max_length=64,
        choices=when.time_zone_choices,
        default="Europe/London",
        help_text="Where the event happens (for an online event, the organisers' zone). "
        "Times below are typed and shown in this zone, with its name.",
    )
    all_day = models.BooleanField(
        default=False,
        help_text="Tick for an event that fills whole days, e.g. a two-day summit: only the dates below count.",
    )
    start = models.DateTimeField(help_text="When it starts. " + LOCAL_TIME_HELP)
    end = models.DateTimeField(help_text="When it ends (for an all-day event, its last day). " + LOCAL_TIME_HELP)
    attendance = models.CharField(max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON)
    venue = models.CharField(max_length=200, blank=True, help_text="Optional: the building, e.g. 'Egmont Palace'.")
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    online_link = models.URLField(
        blank=True, max_length=500, help_text="Where to join online. Leave empty until the organisers give one."
    )
    registration_url = models.URLField(
        "registration link", blank=True, max_length=500, help_text="Where to register. Leave empty if there is none."
    )
    registration_deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Optional: registration shows as closed after this. " + LOCAL_TIME_HELP,
    )
    introduction = models.TextField(max_length=600, help_text="What the event is, in two or three sentences.")
    body = StreamField(BodyBlock(), blank=True, help_text="Optional: more about the event.")
    agenda = StreamField(AgendaBlock(), blank=True, help_text="Optional: the programme, day by day.")
    speakers = StreamField([("speaker", SpeakerBlock())], blank=True, help_text="Optional: who speaks.")
    lead_image = models.ForeignKey(
        CustomImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Optional."
    )
    lead_image_alt = models.CharField(
        "lead image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Leave empty only if it is decorative.",
    )
    editor_notes = models.TextField(
        blank=True,
        help_text="For editors only, never shown on the site: sources, and what is still to be found out.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_link"),
            ],
            heading="Where",
        ),
        MultiFieldPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")], heading="Registration"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading="Lead image"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("speakers"),
        FieldPanel("editor_notes"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("city")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        indexes = [models.Index(fields=["end"]), models.Index(fields=["start"])]

    @property
    def summary_text(self):
        return self.introduction

    @cached_property
    def when(self):
        return when.when_label(self.start, self.end, self.time_zone, self.all_day)

    @property
    def machine_start(self):
        """For <time datetime>: the local date of an all-day event, else the local time with its offset."""
        local = self.start.astimezone(ZoneInfo(self.time_zone))
        return local.date().isoformat() if self.all_day else local.isoformat(timespec="minutes")

    @property
    def machine_end(self):
        """The last day of an all-day event (its stored end is the midnight after), else the local end time."""
        local = self.end.astimezone(ZoneInfo(self.time_zone))
        if self.all_day:
            return (local - datetime.timedelta(days=1)).date().isoformat()
        return local.isoformat(timespec="minutes")

    @cached_property
    def where(self):
        place = ", ".join(part for part in (self.venue, self.city, self.country.name if self.country else "") if part)
        # Plain text in the active language, for the page and the calendar file alike.
        if self.attendance == Attendance.ONLINE:
            return str(Attendance.ONLINE.label)
        if self.attendance == Attendance.BOTH:
            return _("%(place)s and online") % {"place": place} if place else str(Attendance.BOTH.label)
        return place

    @property
    def agenda_days(self):
        """The agenda as (day or None, [sessions]): a day block starts a group."""
        days = []
        for block in self.agenda:
            if block.block_type == "day":
                days.append((block.value, []))
            else:
                if not days:
                    days.append((None, []))
                days[-1][1].append(block.value)
        return [(day, sessions) for day, sessions in days if sessions]

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def is_called_off(self):
        return self.status != EventStatus.SCHEDULED

    @property
    def public_online_link(self):
        """Where to join online, while it is of use: not once the event is over or called off."""
        return "" if self.is_past or self.is_called_off else self.online_link

    @property
    def registration_open(self):
        deadline_passed = self.registration_deadline and self.registration_deadline <= timezone.now()
        return bool(self.registration_url) and not (deadline_passed or self.is_past or self.is_called_off)

    @property
    def registration_deadline_label(self):
        return when.moment_label(self.registration_deadline, self.time_zone) if self.registration_deadline else ""

    @property
    def calendar_url(self):
        # Without the trailing slash of a page address: a file name, as calendar programs expect.
        return self.url + self.reverse_subpage("calendar_file").rstrip("/")

    @path("event.ics/", name="calendar_file")
    def calendar_file(self, request):
        from events.calendar import calendar_response

        return calendar_response([self], request, self.slug)


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming events, soonest first, then the archive one year at a time; filtered by kind."""

    search_kind = pgettext_lazy("search result kind", "Events")
    upcoming_per_page = 20

    introduction = models.TextField(max_length=600, help_text="A short introduction above the list of events.")

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        HelpPanel(
            "<p>An event moves from 'Upcoming' to the archive when it ends, and its registration closes at its "
            "deadline: the scheduler refreshes the cached pages within a minute of either.</p>",
            heading="When events move to the archive",
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    @property
    def summary_text(self):
        return self.introduction

    def events(self, kind=None):
        events = EventPage.objects.child_of(self).live()
        return events.filter(kind=kind) if kind else events

    def upcoming(self, kind=None):
        # Decided by the end, so an event under way still counts as upcoming.
        return self.events(kind).filter(end__gt=timezone.now()).order_by("start", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        kind = kind if kind in EventKind.values else ""
        upcoming = listing_page(request, self.upcoming(kind), self.upcoming_per_page)
        past = self.events(kind).filter(end__lte=timezone.now())
        years = list(
            past.annotate(year=ExtractYear("start")).values_list("year", flat=True).distinct().order_by("-year")
        )
        year = request.GET.get("year", "")
        year = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
        context.update(
            kinds=[(value, plurals[0]) for value, plurals in EVENT_KIND_PLURALS.items()],
            kind=kind,
            kind_plural=EVENT_KIND_PLURALS[kind][1] if kind else "",
            upcoming=upcoming,
            query_string=f"kind={kind}" if kind else "",
            years=years,
            year=year,
            past=past.filter(start__year=year).order_by("-start", "pk") if year else [],
        )
        return context

    @path("upcoming.ics/", name="upcoming_calendar")
    def upcoming_calendar(self, request):
        from events.calendar import calendar_response

        return calendar_response(self.upcoming(), request, "upcoming-events")

    @property
    def upcoming_calendar_url(self):
        return self.url + self.reverse_subpage("upcoming_calendar").rstrip("/")
