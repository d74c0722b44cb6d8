"""Events in a real browser: an editor adds one, a visitor finds it and takes it to their calendar."""

import datetime

import icalendar
import pytest
from playwright.sync_api import expect

from events.models import EventPage, EventStatus
from tests.browser.conftest import assert_accessible
from tests.browser.test_editor_journeys import editor, sign_in  # noqa: F401 (the fixture is used by name)
from tests.factories.events import EventPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_adds_an_event_and_a_visitor_adds_it_to_their_calendar(
    initial_content,
    live_server,
    page,
    browser,
    editor,  # noqa: F811
):
    index = initial_content.get_children().get(slug="events")
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/add/events/eventpage/{index.pk}/")
    page.locator("#id_title").fill("Regional webinar on prevention")
    page.locator("#id_kind").select_option("webinar")
    page.locator("#id_time_zone").select_option("Africa/Nairobi")
    for field, value in (("start", "2031-03-04 15:00"), ("end", "2031-03-04 16:30")):
        page.locator(f"#id_{field}").fill(value)
        page.locator("#id_title").click()  # clicking elsewhere closes the date picker
    page.locator("#id_attendance").select_option("online")
    page.locator("#id_introduction").fill("Members share what works in prevention.")
    expect(page.locator(".xdsoft_datetimepicker").filter(visible=True)).to_have_count(0)
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    assert EventPage.objects.get(title="Regional webinar on prevention").start == datetime.datetime(
        2031, 3, 4, 12, 0, tzinfo=datetime.UTC
    )

    visitor = browser.new_page()
    visitor.goto(live_server.url + "/events/")
    upcoming = visitor.get_by_role("region", name="Upcoming")
    upcoming.get_by_role("link", name="Regional webinar on prevention").click()
    assert (
        "4 March 2031, 15:00–16:30 Nairobi time (EAT, UTC+3, Africa/Nairobi)" in visitor.locator("main").inner_text()
    )
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Add to your calendar").click()
    assert download.value.suggested_filename == "regional-webinar-on-prevention.ics"
    (event,) = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read()).events
    assert event["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert event.start.hour == 15


@pytest.fixture
def full_event(initial_content):
    index = initial_content.get_children().get(slug="events").specific
    return EventPageFactory(
        parent=index,
        slug="full-event",
        status=EventStatus.POSTPONED,
        registration_url="https://example.org/register",
        online_link="https://example.org/join",
        attendance="both",
        agenda=[
            ("day", datetime.date(2031, 3, 4)),
            ("session", {"time": "09:30", "title": "Opening", "description": "Welcome."}),
        ],
        speakers=[("speaker", {"name": "A Speaker", "role": "Director", "organisation": "An organisation"})],
    )


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/events/", "/events/full-event/", "/events/global-summit-2022/"])
def test_axe_finds_nothing_on_the_events_pages(full_event, visit, page, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    assert_accessible(visit(path))
