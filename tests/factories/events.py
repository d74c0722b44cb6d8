import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage, EventKind, EventPage
from website.models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Summits, webinars and meetings."

    class Meta:
        model = EventIndexPage


def in_days(days, hour=12):
    """A moment `days` from now (negative: in the past), at `hour` UTC."""
    today = datetime.datetime.now(datetime.UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return today + datetime.timedelta(days=days)


class EventPageFactory(wagtail_factories.PageFactory):
    """A two-hour event in London, by default ten days from now (pass `days` to move it)."""

    title = factory.Sequence(lambda n: f"Event {n}")
    kind = EventKind.MEETING
    time_zone = "Europe/London"
    introduction = "What the event is about."
    city = "London"
    country = "GB"

    class Meta:
        model = EventPage

    class Params:
        days = 10

    start = factory.LazyAttribute(lambda event: in_days(event.days))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
