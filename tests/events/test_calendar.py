"""iCalendar files: one per event and one of every upcoming event, as calendar programs read them."""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from events import when
from events.models import EventStatus
from tests.factories.events import EventPageFactory


def calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def test_an_event_file_carries_its_zone_and_the_details(client, events_index):
    start = datetime.datetime(2030, 6, 10, 14, 0, tzinfo=ZoneInfo("Asia/Dubai"))
    EventPageFactory(
        parent=events_index,
        slug="summit",
        title="Global summit",
        time_zone="Asia/Dubai",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        venue="A hall",
        city="Abu Dhabi",
        country="AE",
        introduction="Leaders meet.",
    )
    response, parsed = calendar(client, "/events/summit/event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="summit.ics"'
    (event,) = parsed.events
    assert event["DTSTART"].params["TZID"] == "Asia/Dubai"
    assert event.start == start and event.end == start + datetime.timedelta(hours=1, minutes=30)
    assert [zone["TZID"] for zone in parsed.walk("VTIMEZONE")] == ["Asia/Dubai"]
    assert event["SUMMARY"] == "Global summit"
    assert event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "A hall, Abu Dhabi, United Arab Emirates"
    assert event["URL"].endswith("/events/summit/")  # the full address, as the site names it
    assert "Leaders meet." in event["DESCRIPTION"]


def test_an_all_day_event_is_dates_with_the_day_after_as_its_end(client, events_index):
    start, end = when.all_day_bounds(datetime.date(2024, 12, 4), datetime.date(2024, 12, 5), "Asia/Dubai")
    EventPageFactory(parent=events_index, slug="abu-dhabi", all_day=True, time_zone="Asia/Dubai", start=start, end=end)
    _, parsed = calendar(client, "/events/abu-dhabi/event.ics")
    (event,) = parsed.events
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.start == datetime.date(2024, 12, 4)
    assert event.end == datetime.date(2024, 12, 6)


def test_cancelled_and_postponed_say_so_in_the_status_and_the_summary(client, events_index):
    EventPageFactory(parent=events_index, slug="off", title="Meeting", status=EventStatus.CANCELLED)
    EventPageFactory(parent=events_index, slug="later", title="Webinar", status=EventStatus.POSTPONED)
    (cancelled,) = calendar(client, "/events/off/event.ics")[1].events
    (postponed,) = calendar(client, "/events/later/event.ics")[1].events
    assert (cancelled["STATUS"], cancelled["SUMMARY"]) == ("CANCELLED", "Cancelled: Meeting")
    assert (postponed["STATUS"], postponed["SUMMARY"]) == ("TENTATIVE", "Postponed: Webinar")


def test_the_uid_stays_the_same_when_the_event_changes(client, events_index, settings):
    settings.PAGE_CACHE_ENABLED = False
    event = EventPageFactory(parent=events_index, slug="meeting")
    (before,) = calendar(client, "/events/meeting/event.ics")[1].events
    event.title = "Renamed meeting"
    event.save_revision().publish()
    (after,) = calendar(client, "/events/meeting/event.ics")[1].events
    assert after["SUMMARY"] == "Renamed meeting"
    assert after["UID"] == before["UID"]


def test_the_upcoming_feed_holds_only_upcoming_live_events_soonest_first(client, events_index):
    EventPageFactory(parent=events_index, title="Later", days=20)
    EventPageFactory(parent=events_index, title="Sooner", days=2)
    EventPageFactory(
        parent=events_index, title="Under way", start=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    )
    EventPageFactory(parent=events_index, title="Over", days=-2)
    EventPageFactory(parent=events_index, title="Draft", days=3, live=False)
    response, parsed = calendar(client, "/events/upcoming.ics")
    assert response["Content-Disposition"] == 'attachment; filename="upcoming-events.ics"'
    assert [str(event["SUMMARY"]) for event in parsed.events] == ["Under way", "Sooner", "Later"]


def test_the_index_links_its_feed_for_browsers_and_people(client, events_index):
    html = client.get("/events/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/events/upcoming.ics" download>Add all upcoming events to your calendar' in html


def test_an_unpublished_events_file_is_not_found(client, events_index):
    EventPageFactory(parent=events_index, slug="draft", live=False)
    assert client.get("/events/draft/event.ics").status_code == 404
    assert client.get("/events/nothing-here/event.ics").status_code == 404


def test_calendar_query_budgets_are_flat(events_index, queries_to_render):
    def with_events(count):
        for day in range(count - events_index.get_children().count()):
            EventPageFactory(parent=events_index, days=day + 1)
        return queries_to_render("/events/upcoming.ics"), queries_to_render(
            events_index.get_children().last().url + "event.ics"
        )

    few, many = with_events(5), with_events(60)
    assert few == many
    assert max(many) <= 10


def test_a_control_character_stored_in_an_event_is_not_in_its_calendar_file(client, events_index):
    # Stored before editors' forms dropped them: Word's line break is a vertical tab.
    EventPageFactory(
        parent=events_index,
        slug="summit",
        title="Global\x0bsummit",
        introduction="Leaders\x0bmeet.",
        venue="A\x01hall",
    )
    response, parsed = calendar(client, "/events/summit/event.ics")
    assert b"\x0b" not in response.content and b"\x01" not in response.content
    (event,) = parsed.events
    assert event["SUMMARY"] == "Global summit"
    assert event["DESCRIPTION"].startswith("Leaders meet.")
    assert event["LOCATION"].startswith("Ahall")


def test_the_upcoming_calendar_with_no_upcoming_event_is_still_a_valid_calendar(client, events_index):
    EventPageFactory(parent=events_index, slug="past", days=-30)

    response, parsed = calendar(client, "/events/upcoming.ics")

    assert parsed.events == []
    # RFC 5545 (3.6) wants one component at least: the time zone UTC, which adds nothing.
    assert [component.name for component in parsed.subcomponents] == ["VTIMEZONE"]
    assert parsed.subcomponents[0]["TZID"] == "UTC"
    assert b"COMMENT" not in response.content
