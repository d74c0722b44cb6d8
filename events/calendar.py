"""iCalendar files (RFC 5545) that calendar programs import, built with the icalendar library.

Timed events carry their own zone (DTSTART;TZID=Asia/Dubai with a VTIMEZONE), so a calendar
shows them at the right time wherever its owner is; all-day events are dates (VALUE=DATE).
"""

import datetime
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from icalendar import Calendar, Event, Timezone

from events.models import EventStatus
from website.plain_text import without_controls

STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",  # RFC 5545 has no "postponed"; the summary says it too
    EventStatus.CANCELLED: "CANCELLED",
}


def calendar_response(events, request, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//WePROTECT Global Alliance//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    events = list(events)
    for event in events:
        calendar.add_component(vevent(event, request))
    if events:
        # Each zone's rules only for the years its events span, not from 1970 to 2038.
        calendar.add_missing_timezones(
            first_date=min(event.start for event in events).date() - datetime.timedelta(days=1),
            last_date=max(event.end for event in events).date() + datetime.timedelta(days=2),
        )
    else:
        # RFC 5545 (3.6) wants at least one component in a calendar, and a list with no upcoming
        # event has none to give. UTC's time zone is one that adds nothing to the subscriber's
        # calendar: calendar programs keep only the zones that events refer to.
        utc = Timezone.from_tzid("UTC")
        utc.pop("COMMENT")  # "only works from 1970 to 2038": true of zones with rules, not of UTC
        calendar.add_component(utc)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def vevent(event, request):
    entry = Event()
    # The page's translation key never changes, so a re-imported file updates the same entry.
    entry.add("uid", f"event-{event.translation_key}@weprotect-events")
    entry.add("dtstamp", event.last_published_at or datetime.datetime.now(datetime.UTC))
    start, end = event.start.astimezone(ZoneInfo(event.time_zone)), event.end.astimezone(ZoneInfo(event.time_zone))
    if event.all_day:
        entry.add("dtstart", start.date())
        entry.add("dtend", end.date())  # the day after the last, as RFC 5545 wants
    else:
        entry.add("dtstart", start)
        entry.add("dtend", end)
    status = "" if event.status == EventStatus.SCHEDULED else f"{event.get_status_display()}: "
    # Stored text may hold control characters from before editors' forms dropped them.
    entry.add("summary", without_controls(status + event.title))
    entry.add("status", STATUSES[event.status])
    url = event.get_full_url(request=request)
    entry.add("url", url)
    entry.add("description", without_controls(f"{event.introduction}\n\n{url}"))
    if event.where:
        entry.add("location", without_controls(event.where))
    return entry
