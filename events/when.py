"""An event's dates and times as people read them: in the event's own time zone, named.

Times are stored in UTC; visitors see them as they are where the event happens, with the
zone named, so someone elsewhere can work out their own time. All-day events are stored as
local midnight of the first day to local midnight after the last day (an end that is never
inside the event), and shown as dates only.
"""

import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext


@cache
def time_zone_choices():
    """Every IANA zone, for the editor's select, read once per process."""
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


def zone_name(moment, zone):
    """'Dubai time (UTC+4, Asia/Dubai)'; the abbreviation too where there is a real one ('BST')."""
    local = moment.astimezone(ZoneInfo(zone))
    place = zone.rsplit("/", 1)[-1].replace("_", " ")
    abbreviation = local.tzname() or ""
    parts = [abbreviation] if abbreviation.isalpha() and abbreviation != "UTC" else []
    parts += [utc_offset(local), zone]
    return gettext("%(place)s time (%(details)s)") % {"place": place, "details": ", ".join(parts)}


def utc_offset(local):
    minutes = int(local.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def date_range(first, last):
    """'4–5 December 2024', '30 November – 1 December 2024', '31 December 2024 – 1 January 2025'."""
    if first == last:
        return date_format(first, "j F Y")
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{date_format(last, 'j F Y')}"
    if first.year == last.year:
        return f"{date_format(first, 'j F')} – {date_format(last, 'j F Y')}"
    return f"{date_format(first, 'j F Y')} – {date_format(last, 'j F Y')}"


def all_day_bounds(first_day, last_day, zone):
    """What an all-day event stores: local midnight of its first day, and of the day after its last."""
    tz = ZoneInfo(zone)
    start = datetime.datetime.combine(first_day, datetime.time(), tz)
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(), tz)
    return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)


def when_label(start, end, zone, all_day):
    """The whole of an event's 'when', in its own zone."""
    tz = ZoneInfo(zone)
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    if all_day:
        return date_range(local_start.date(), (local_end - datetime.timedelta(days=1)).date())
    if local_start.date() == local_end.date():
        times = f"{local_start:%H:%M}–{local_end:%H:%M}"
        return f"{date_format(local_start, 'j F Y')}, {times} {zone_name(start, zone)}"
    return (
        f"{date_format(local_start, 'j F Y')}, {local_start:%H:%M} – "
        f"{date_format(local_end, 'j F Y')}, {local_end:%H:%M} {zone_name(start, zone)}"
    )


def moment_label(moment, zone):
    """One moment, e.g. a registration deadline: '30 November 2024, 17:00 Dubai time (UTC+4, Asia/Dubai)'."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{date_format(local, 'j F Y')}, {local:%H:%M} {zone_name(moment, zone)}"
