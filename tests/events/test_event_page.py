"""An event's page: when and where, its status, registration, agenda and speakers."""

import datetime
import json

import pytest

from events.models import Attendance, EventStatus
from tests.factories.events import EventPageFactory, ImageFactory, in_days


def page_html(client, event):
    return client.get(event.url).content.decode()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (EventStatus.CANCELLED, "This event has been cancelled and will not take place."),
        (EventStatus.POSTPONED, "This event has been postponed"),
    ],
)
def test_a_called_off_event_says_so_first_on_its_page_and_in_the_list(client, events_index, status, message):
    event = EventPageFactory(parent=events_index, title="Regional meeting", status=status)
    html = page_html(client, event)
    assert message in html
    assert html.index(message) < html.index('<p class="lead">')
    index = client.get("/events/").content.decode()
    assert f'<strong class="event-status">{event.get_status_display()}</strong>' in index


def test_a_scheduled_event_has_no_status_notice(client, events_index):
    html = page_html(client, EventPageFactory(parent=events_index))
    assert "event-status-notice" not in html and "This event has ended" not in html


def test_a_past_event_says_it_has_ended(client, events_index):
    assert "This event has ended." in page_html(client, EventPageFactory(parent=events_index, days=-3))


@pytest.mark.parametrize(
    ("attendance", "where"),
    [
        (Attendance.IN_PERSON, "Egmont Palace, Brussels, Belgium"),
        (Attendance.ONLINE, "Online"),
        (Attendance.BOTH, "Egmont Palace, Brussels, Belgium and online"),
    ],
)
def test_where_says_in_person_online_or_both(client, events_index, attendance, where):
    event = EventPageFactory(
        parent=events_index, attendance=attendance, venue="Egmont Palace", city="Brussels", country="BE"
    )
    assert f"<dd>{where}</dd>" in page_html(client, event)


def test_registration_is_offered_until_its_deadline(client, events_index):
    open_event = EventPageFactory(
        parent=events_index, registration_url="https://example.org/register", registration_deadline=in_days(5)
    )
    html = page_html(client, open_event)
    assert 'href="https://example.org/register"' in html
    assert "Closes " in html
    closed_event = EventPageFactory(
        parent=events_index, registration_url="https://example.org/register", registration_deadline=in_days(-1)
    )
    html = page_html(client, closed_event)
    assert "Registration is closed." in html
    assert 'href="https://example.org/register"' not in html


def test_the_agenda_by_day_and_the_speakers_are_shown(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        agenda=[
            ("day", datetime.date(2030, 6, 10)),
            ("session", {"time": "09:30", "title": "Opening", "description": "Welcome from the hosts."}),
            ("session", {"time": "10:00", "title": "The threat today", "description": ""}),
        ],
        speakers=[("speaker", {"name": "A Speaker", "role": "Director", "organisation": "An organisation"})],
    )
    html = page_html(client, event)
    assert "<h3>Monday 10 June 2030</h3>" in html
    assert html.index("Opening") < html.index("The threat today")
    assert "Welcome from the hosts." in html
    assert "<strong>A Speaker</strong>" in html and "Director, An organisation" in html


def test_the_page_offers_its_calendar_file(client, events_index):
    event = EventPageFactory(parent=events_index, slug="annual-meeting")
    assert 'href="/events/annual-meeting/event.ics" download>Add to your calendar' in page_html(client, event)


def test_the_event_page_query_budget_is_flat(events_index, queries_to_render):
    def with_events_and_speakers(count):
        for day in range(count - events_index.get_children().count()):
            EventPageFactory(parent=events_index, days=day - 30)
        event = events_index.get_children().last().specific
        event.speakers = [
            ("speaker", {"name": f"Speaker {n}", "role": "", "organisation": "", "photo": ImageFactory()})
            for n in range(count)
        ]
        event.lead_image, event.lead_image_alt = ImageFactory(), "The conference hall"
        event.save_revision().publish()
        return queries_to_render(event.url)

    few, many = with_events_and_speakers(5), with_events_and_speakers(60)
    assert few == many <= 10


def test_search_engines_get_the_event_its_status_and_place(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        slug="brussels",
        status=EventStatus.POSTPONED,
        attendance=Attendance.BOTH,
        venue="Egmont Palace",
        city="Brussels",
        country="BE",
        time_zone="Europe/Brussels",
        start=datetime.datetime(2030, 6, 1, 8, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 6, 1, 10, 0, tzinfo=datetime.UTC),
    )
    data = event_data(client, event)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-06-01T10:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["name"] == "Egmont Palace"
    assert data["location"][1]["@type"] == "VirtualLocation"


def event_data(client, event):
    html = page_html(client, event)
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_an_online_event_gives_search_engines_where_to_join_or_its_own_page(client, events_index):
    with_link = EventPageFactory(
        parent=events_index, slug="webinar", attendance=Attendance.ONLINE, online_link="https://meet.example.org/a"
    )
    without_link = EventPageFactory(parent=events_index, slug="later", attendance=Attendance.ONLINE)
    called_off = EventPageFactory(
        parent=events_index,
        slug="off",
        attendance=Attendance.BOTH,
        status=EventStatus.CANCELLED,
        online_link="https://meet.example.org/b",
    )

    assert event_data(client, with_link)["location"] == [
        {"@type": "VirtualLocation", "url": "https://meet.example.org/a"}
    ]
    assert event_data(client, without_link)["location"] == [{"@type": "VirtualLocation", "url": without_link.full_url}]
    # The page no longer offers the link of an event called off, and nor does its data.
    assert event_data(client, called_off)["location"][-1] == {"@type": "VirtualLocation", "url": called_off.full_url}


def test_an_event_shows_search_engines_its_picture_else_its_sharing_image_else_the_sites(client, site, events_index):
    from website.models import SiteSettings

    lead, sharing, default = ImageFactory(), ImageFactory(), ImageFactory()
    site_settings = SiteSettings.for_site(site)
    site_settings.default_social_image = default
    site_settings.save()

    def image(event):
        (address,) = event_data(client, event)["image"]
        return address

    def rendition(picture):
        return "http://localhost" + picture.get_rendition("fill-1200x630|format-jpeg").url

    assert image(EventPageFactory(parent=events_index, lead_image=lead, social_image=sharing)) == rendition(lead)
    assert image(EventPageFactory(parent=events_index, social_image=sharing)) == rendition(sharing)
    assert image(EventPageFactory(parent=events_index)) == rendition(default)
