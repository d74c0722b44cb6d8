"""An editor types an event's times as local times of its zone; the page stores UTC and shows them back."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.models import EventPage

UTC = datetime.UTC


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password"))
    return client


def add_event(client, index, **changes):
    fields = {
        "title": "Online safety summit",
        "slug": "online-safety-summit",
        "kind": "summit",
        "status": "scheduled",
        "time_zone": "Asia/Dubai",
        "start": "2030-06-10 14:00",
        "end": "2030-06-10 15:30",
        "attendance": "in_person",
        "venue": "",
        "city": "Abu Dhabi",
        "country": "AE",
        "online_link": "",
        "registration_url": "",
        "registration_deadline": "",
        "introduction": "Leaders meet to act together.",
        "lead_image_alt": "",
        "editor_notes": "",
        "body": streamfield([]),
        "agenda": streamfield([]),
        "speakers": streamfield([]),
        "action-publish": "publish",
    }
    fields.update(changes)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    return client.post(url, nested_form_data(fields))


def test_local_times_are_stored_in_utc_and_shown_in_the_events_zone_with_its_name(editor_client, events_index, client):
    response = add_event(editor_client, events_index)
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.start == datetime.datetime(2030, 6, 10, 10, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2030, 6, 10, 11, 30, tzinfo=UTC)

    editor_client.logout()
    html = client.get("/events/online-safety-summit/").content.decode()
    assert "10 June 2030, 14:00–15:30 Dubai time (UTC+4, Asia/Dubai)" in html
    assert '<time datetime="2030-06-10T14:00+04:00">' in html


def test_the_edit_form_shows_the_local_times_the_editor_typed(editor_client, events_index):
    add_event(
        editor_client, events_index, time_zone="America/New_York", start="2030-01-15 09:00", end="2030-01-15 17:00"
    )
    event = EventPage.objects.get()
    assert event.start == datetime.datetime(2030, 1, 15, 14, 0, tzinfo=UTC)
    form = editor_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert 'value="2030-01-15 09:00"' in form
    assert 'value="2030-01-15 17:00"' in form
    assert "stored in UTC" in form  # the help text says how times are typed


def test_an_end_before_the_start_is_refused_next_to_the_end(editor_client, events_index):
    response = add_event(editor_client, events_index, start="2030-06-10 14:00", end="2030-06-10 13:00")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end"] == ["The end must be after the start."]
    assert not EventPage.objects.exists()


def test_a_time_the_clocks_skip_is_refused(editor_client, events_index):
    response = add_event(
        editor_client, events_index, time_zone="Europe/London", start="2030-03-31 01:30", end="2030-03-31 04:00"
    )
    assert response.status_code == 200
    assert "does not exist" in response.context["form"].errors["start"][0]


def test_an_all_day_event_keeps_whole_days_in_its_zone(editor_client, events_index, client):
    response = add_event(editor_client, events_index, all_day=True, start="2030-12-04 00:00", end="2030-12-05 00:00")
    assert response.status_code == 302
    event = EventPage.objects.get()
    # From midnight of the first day to midnight after the last, in Dubai (UTC+4).
    assert event.start == datetime.datetime(2030, 12, 3, 20, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2030, 12, 5, 20, 0, tzinfo=UTC)
    form = editor_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert 'value="2030-12-05 00:00"' in form  # the last day, as typed

    editor_client.logout()
    html = client.get("/events/online-safety-summit/").content.decode()
    assert "4–5 December 2030" in html
    assert '<time datetime="2030-12-04">' in html


def test_a_one_day_all_day_event_may_end_on_its_first_day(editor_client, events_index):
    response = add_event(editor_client, events_index, all_day=True, start="2030-12-04 09:00", end="2030-12-04 09:00")
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.when == "4 December 2030"


def test_the_registration_deadline_is_a_local_time_too(editor_client, events_index):
    add_event(
        editor_client,
        events_index,
        registration_url="https://example.org/register",
        registration_deadline="2030-06-01 17:00",
    )
    event = EventPage.objects.get()
    assert event.registration_deadline == datetime.datetime(2030, 6, 1, 13, 0, tzinfo=UTC)
    assert event.registration_deadline_label == "1 June 2030, 17:00 Dubai time (UTC+4, Asia/Dubai)"
