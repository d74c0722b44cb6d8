"""The events index: upcoming soonest first, then the archive one year at a time, filtered by kind."""

import datetime
import re
import time

from django.core.management import call_command

from events.models import EventIndexPage, EventKind, EventPage
from tests.factories.events import EventPageFactory


def section(html, heading_id):
    """The titles listed in the index's section with that heading."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html[start:end])


def at(year, month, day):
    return datetime.datetime(year, month, day, 9, 0, tzinfo=datetime.UTC)


def past_events(index):
    EventPageFactory(parent=index, title="Summit 2022", kind=EventKind.SUMMIT, start=at(2022, 6, 1))
    EventPageFactory(parent=index, title="Webinar 2022", kind=EventKind.WEBINAR, start=at(2022, 9, 1))
    EventPageFactory(parent=index, title="Summit 2019", kind=EventKind.SUMMIT, start=at(2019, 12, 11))


def test_upcoming_come_first_soonest_first_and_an_event_under_way_still_counts(client, events_index):
    past_events(events_index)
    EventPageFactory(parent=events_index, title="In a month", days=30)
    EventPageFactory(parent=events_index, title="Next week", days=7)
    started = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    EventPageFactory(parent=events_index, title="Under way", start=started)
    html = client.get("/events/").content.decode()
    assert section(html, "upcoming-heading") == ["Under way", "Next week", "In a month"]
    assert html.index("upcoming-heading") < html.index("past-heading")


def test_the_archive_shows_the_latest_year_newest_first_with_links_to_the_others(client, events_index):
    past_events(events_index)
    html = client.get("/events/").content.decode()
    assert "Past events in 2022" in html
    assert section(html, "past-heading") == ["Webinar 2022", "Summit 2022"]
    assert '<span aria-current="page">2022</span>' in html
    assert 'href="?year=2019#past-heading">2019</a>' in html
    older = client.get("/events/", {"year": "2019"}).content.decode()
    assert section(older, "past-heading") == ["Summit 2019"]


def test_the_kind_filter_applies_to_both_lists_and_stays_in_the_year_links(client, events_index):
    past_events(events_index)
    EventPageFactory(parent=events_index, title="Coming webinar", kind=EventKind.WEBINAR, days=5)
    EventPageFactory(parent=events_index, title="Coming summit", kind=EventKind.SUMMIT, days=6)
    html = client.get("/events/", {"kind": "summit"}).content.decode()
    assert section(html, "upcoming-heading") == ["Coming summit"]
    assert section(html, "past-heading") == ["Summit 2022"]
    assert '<option value="summit" selected>' in html
    assert 'href="?kind=summit&amp;year=2019#past-heading"' in html


def test_nonsense_in_the_query_string_shows_the_plain_index(client, events_index):
    past_events(events_index)
    html = client.get("/events/", {"kind": "party", "year": "1066", "page": "x"}).content.decode()
    assert "Past events in 2022" in html
    assert len(section(html, "past-heading")) == 2


def test_nothing_listed_says_so(client, events_index):
    html = client.get("/events/", {"kind": "webinar"}).content.decode()
    assert "No upcoming webinars are listed yet." in html
    assert "No past webinars are listed." in html


def test_many_upcoming_events_are_paged(client, events_index):
    for day in range(EventIndexPage.upcoming_per_page + 3):
        EventPageFactory(parent=events_index, days=day + 1, kind=EventKind.WEBINAR)
    html = client.get("/events/", {"kind": "webinar"}).content.decode()
    assert len(section(html, "upcoming-heading")) == EventIndexPage.upcoming_per_page
    assert 'href="?kind=webinar&amp;page=2"' in html
    second = client.get("/events/", {"kind": "webinar", "page": "2"}).content.decode()
    assert len(section(second, "upcoming-heading")) == 3


def test_publishing_an_event_shows_it_on_the_cached_index_at_once(client, events_index):
    assert "Fresh meeting" not in client.get("/events/").content.decode()
    event = EventPageFactory(parent=events_index, title="Fresh meeting", live=False)
    event.save_revision().publish()
    assert "Fresh meeting" in client.get("/events/").content.decode()


def test_the_index_query_budget_is_flat(events_index, queries_to_render):
    def with_events(count):
        for number in range(count - events_index.get_children().count()):
            # Half upcoming, half spread over past years.
            days = number + 1 if number % 2 else -(number * 40 + 1)
            EventPageFactory(parent=events_index, days=days)
        return queries_to_render("/events/?kind=meeting")

    few, many = with_events(5), with_events(60)
    assert few == many <= 10


def test_an_event_that_ends_moves_to_the_archive_on_the_schedulers_next_run(client, events_index):
    now = datetime.datetime.now(datetime.UTC)
    EventPageFactory(parent=events_index, title="Ending now", start=now - datetime.timedelta(hours=1))
    event = EventPage.objects.get()
    event.end = now + datetime.timedelta(seconds=1)
    event.save()
    call_command("refresh_event_lists")  # the scheduler's first run
    assert section(client.get("/events/").content.decode(), "upcoming-heading") == ["Ending now"]

    time.sleep(1.1)  # the event ends; nothing is published, the index is still cached
    call_command("run_scheduler", "--once")

    html = client.get("/events/").content.decode()
    assert section(html, "upcoming-heading") == []
    assert section(html, "past-heading") == ["Ending now"]
