"""schema.org Event data, so search engines can show an event's dates, place and status."""

from django import template

from events.models import Attendance, EventStatus
from website.templatetags.site_tags import image_addresses, json_ld

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
    url = event.get_full_url(request=context.get("request"))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.introduction,
        "startDate": event.machine_start,
        "endDate": event.machine_end,
        "eventStatus": f"https://schema.org/{STATUSES[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODES[event.attendance]}",
        "url": url,
        "location": locations(event, url),
        "organizer": {"@type": "Organization", "name": "WePROTECT Global Alliance"},
    }
    if images := image_addresses(context, event, url, event.lead_image):
        data["image"] = images
    return json_ld(data)


def locations(event, url):
    places = []
    if event.attendance != Attendance.ONLINE and event.city:
        address = {"@type": "PostalAddress", "addressLocality": event.city}
        if event.country:
            address["addressCountry"] = event.country.code
        places.append({"@type": "Place", "name": event.venue or event.city, "address": address})
    if event.attendance != Attendance.IN_PERSON:
        # schema.org wants a VirtualLocation's url: the link to join while the page shows it,
        # else the event's page, which says how to join once the organisers give the link.
        places.append({"@type": "VirtualLocation", "url": event.public_online_link or url})
    return places
