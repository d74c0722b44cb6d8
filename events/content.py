"""The events index and the Global Summits the Alliance has held, as past all-day events.

Only what the project's fact file gives: dates, city, name or theme, hosts and attendance as
reported. No agendas, speakers or links are made up; each summit's sources, and what is not
known, are in its notes for editors (never shown on the site).
"""

import datetime

from events import when
from events.models import Attendance, EventIndexPage, EventKind, EventPage
from website.content import ensure_child

INDEX_INTRODUCTION = (
    "Summits, webinars and meetings of the Alliance and its members: what is coming up, and an archive of "
    "what has taken place, year by year."
)

# slug, title, first day, last day, zone, city, country, venue, attendance, introduction, notes for editors
SUMMITS = [
    (
        "global-summit-2014",
        "#WeProtect Children Online Global Summit",
        datetime.date(2014, 12, 10),
        datetime.date(2014, 12, 11),
        "Europe/London",
        "London",
        "GB",
        "",
        Attendance.IN_PERSON,
        "The first global summit, convened in London by the UK Prime Minister, David Cameron, brought together more "
        "than 50 countries. Governments set out their commitments in a Statement of Action dated 10 December 2014.",
        "Sources: childnet.com/blog/weprotect-children-online (11 Dec 2014); gov.uk speech by Baroness Shields "
        "(11 Dec 2014); weprotect.org/library/government-statement-of-action-2014/. Venue, agenda and speakers "
        "not found.",
    ),
    (
        "global-summit-2015",
        "2015 WePROTECT Summit",
        datetime.date(2015, 11, 16),
        datetime.date(2015, 11, 17),
        "Asia/Dubai",
        "Abu Dhabi",
        "AE",
        "",
        Attendance.IN_PERSON,
        "Hosted by the United Arab Emirates in Abu Dhabi, the summit gathered more than 50 countries. It saw the "
        "launch of the Model National Response, and the Global Statement of Action II.",
        "Sources: weprotect.org/summit/weprotect-summit-abu-dhabi-2015/; weprotect.org/misssion; "
        "weprotect.org/framing-the-future. Venue, agenda and speakers not found.",
    ),
    (
        "global-summit-2019",
        "Global Summit to Tackle Online Child Sexual Exploitation",
        datetime.date(2019, 12, 11),
        datetime.date(2019, 12, 12),
        "Africa/Addis_Ababa",
        "Addis Ababa",
        "ET",
        "",
        Attendance.IN_PERSON,
        "Co-hosted in Addis Ababa by the African Union Commission, the WePROTECT Global Alliance and the UK "
        "Government, the summit drew more than 400 participants from 93 countries. A new Global Threat Assessment "
        "and the Global Strategic Response were launched there.",
        "Sources: au.int press release (11 Dec 2019); childsafenet.org/global-summit-addis-ababa-2019. One source "
        "(moi-cpc.ae, 15 Dec 2019) gives 11–13 December; the dates here follow the African Union. Venue, agenda "
        "and speakers not found.",
    ),
    (
        "global-summit-2022",
        "Global Summit 2022: Turning the Tide on Child Sexual Abuse Online",
        datetime.date(2022, 6, 1),
        datetime.date(2022, 6, 2),
        "Europe/Brussels",
        "Brussels",
        "BE",
        "Egmont Palace",
        Attendance.BOTH,
        "Held at the Egmont Palace in Brussels under the banner 'Turning the Tide on Child Sexual Abuse Online', "
        "the summit brought more than 400 people together in person and about 500 more online. The Alliance's "
        "Global Taskforce was set up there.",
        "Sources: weprotect.org/resources/library/communique-summit-2022-turning-the-tide (2 Jun 2022); "
        "weprotect.org/response/international-collaboration/. Agenda and speakers not found.",
    ),
    (
        "global-summit-2024",
        "Global Summit 2024: Focus on the Future",
        datetime.date(2024, 12, 4),
        datetime.date(2024, 12, 5),
        "Asia/Dubai",
        "Abu Dhabi",
        "AE",
        "",
        Attendance.BOTH,
        "Co-hosted by the UAE Ministry of Interior in Abu Dhabi and online, with the theme 'Focus on the Future'. "
        "The Alliance counts more than 1,000 global leaders taking part, in the room and online. The summit "
        "produced the Abu Dhabi Call to Action.",
        "Sources: weprotect.org/2024-global-summit; devdiscourse.com (8 Dec 2024); childhood.se (early 2025); "
        "weprotect.org/blog/reflections-on-2025 (Dec 2025). One attendee gives more than 800 participants; the "
        "page uses the Alliance's own figure. Venue, agenda and speakers not entered here.",
    ),
]


def build(home):
    index = ensure_child(
        home, EventIndexPage, "events", title="Events", show_in_menus=True, introduction=INDEX_INTRODUCTION
    )
    for slug, title, first, last, zone, city, country, venue, attendance, introduction, notes in SUMMITS:
        start, end = when.all_day_bounds(first, last, zone)
        ensure_child(
            index,
            EventPage,
            slug,
            title=title,
            kind=EventKind.SUMMIT,
            all_day=True,
            start=start,
            end=end,
            time_zone=zone,
            city=city,
            country=country,
            venue=venue,
            attendance=attendance,
            introduction=introduction,
            editor_notes=notes,
        )
    return index
