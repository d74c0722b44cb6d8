"""schema.org Event data, so search engines can show an event's dates, place and status."""

from django import template

from events.models import Attendance, EventStatus
from website.templatetags.site_tags import json_ld

register = template.Library()

STATUSES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "OfflineEventAttendanceMode",
    Attendance.ONLINE: "OnlineEventAttendanceMode",
    Attendance.BOTH: "MixedEventAttendanceMode",
}


@register.simple_tag(takes_context=True)
def event_data(context, event):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.introduction,
        "startDate": event.machine_start,
        "endDate": event.machine_end,
        "eventStatus": f"https://schema.org/{STATUSES[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODES[event.attendance]}",
        "url": event.get_full_url(request=context.get("request")),
        "location": locations(event),
        "organizer": {"@type": "Organization", "name": "WePROTECT Global Alliance"},
    }
    return json_ld(data)


def locations(event):
    places = []
    if event.attendance != Attendance.ONLINE and event.city:
        address = {"@type": "PostalAddress", "addressLocality": event.city}
        if event.country:
            address["addressCountry"] = event.country.code
        places.append({"@type": "Place", "name": event.venue or event.city, "address": address})
    if event.attendance != Attendance.IN_PERSON:
        places.append({"@type": "VirtualLocation", **({"url": event.online_link} if event.online_link else {})})
    return places
